// Demo data on start-up: an empty embedded database gets the demo data set and the
// sign-ins are printed; a database that already has it gets a one-line reminder.
import type { Runtime } from '../composition.ts';
import { DEMO_PASSWORD, DEMO_SECURITY_ANSWER } from '../use-cases/demo/demo-data.ts';
import { hasDemoUsers, seedDemo, type DemoSignIn } from '../use-cases/demo/seed-demo.ts';
import { seedDemoNecs } from '../use-cases/demo/seed-demo-necs.ts';
import { systemActor, type Services } from '../use-cases/services.ts';

export function describeDemoSignIns(signIns: DemoSignIn[]): string {
  const width = Math.max(...signIns.map((s) => s.email.length));
  return [
    'Demo sign-ins (every account):',
    ...signIns.map((s) => `  ${s.email.padEnd(width)}  ${s.role}`),
    `  Password: ${DEMO_PASSWORD}`,
    `  Answer to every security question: ${DEMO_SECURITY_ANSWER}`,
  ].join('\n');
}

/** Seeds the demo data set and prints its sign-ins (used by serve and `seed --demo`). */
export async function seedDemoAndPrint(services: Services): Promise<void> {
  const result = await seedDemo(services, { actor: systemActor });
  const necs = await seedDemoNecs(services, { actor: systemActor, organizationId: result.organizationId });
  console.log(`Demo data loaded: ${result.signIns.length} accounts, ${result.facilityIds.length} facilities, ${necs.length} accepted No Exposure Certifications.`);
  console.log(describeDemoSignIns(result.signIns));
}

export async function loadDemoDataIfEmpty(runtime: Pick<Runtime, 'services'>): Promise<void> {
  const { db } = runtime.services;
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!anyUser) {
    await seedDemoAndPrint(runtime.services);
    return;
  }
  if (await hasDemoUsers(db)) console.log(`Demo accounts are present (e.g. lrp@demo.outfall.test); their password is ${DEMO_PASSWORD}.`);
}
