// What each step of one recertification costs the server, one visit at a time: no other
// client, so a step's time is the server's own work on its event loop (and, embedded,
// PGlite's), plus argon2 where the step hashes. The app is served in this process over a
// migrated in-memory embedded database (or, with DATABASE_URL set, a fresh PostgreSQL
// database); the visits are the spike's (recertification-client.ts). The first 50 warm up.
// `npm run bench -- recertification-steps [--necs N]`.
import { serve } from '@hono/node-server';
import { createTestContext } from '../test/support/test-app.ts';
import { measureVerification, median } from './recertification-costs.ts';
import { recertifyOverHttp, steps, type Step } from './recertification-client.ts';
import { seedSpike } from './recertification-seed.ts';

const WARM_UP = 50;
// Where each step hashes: sign-in the password; the signature the password and an answer.
const verificationsIn: Partial<Record<Step, number>> = { 'sign-in': 1, submit: 2 };

export async function runRecertificationStepsBenchmark(): Promise<void> {
  const index = process.argv.indexOf('--necs');
  const necs = index >= 0 ? Number(process.argv[index + 1]) : 300;
  if (!Number.isInteger(necs) || necs <= WARM_UP) throw new Error(`--necs takes a whole number above ${WARM_UP}`);
  if (process.env.DATABASE_URL) process.env.OUTFALL_TEST_DATABASE_URL = process.env.DATABASE_URL;
  const t = await createTestContext({ OUTFALL_DEMO: 'false' });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const { tasks } = await seedSpike(t.services.db, { necs, now: t.clock.now() });
    const samples = Object.fromEntries(steps.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
    const errors: string[] = [];
    const recorder = { time: (step: Step, ms: number) => samples[step].push(ms), error: (step: Step, message: string) => errors.push(`${step}: ${message}`) };
    for (const [i, task] of tasks.entries()) {
      if (i === WARM_UP) for (const step of steps) samples[step].length = 0;
      await recertifyOverHttp(baseUrl, task, recorder);
    }
    const verificationMs = await measureVerification(20);
    console.log(`${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (in memory)'}: ${necs - WARM_UP} visits one at a time, after ${WARM_UP} to warm up; one argon2id verification ${verificationMs.toFixed(1)} ms`);
    console.log('step              median ms   of it argon2   the rest');
    let rest = 0;
    for (const step of steps) {
      const value = median(samples[step]);
      const hashing = (verificationsIn[step] ?? 0) * verificationMs;
      rest += value - hashing;
      console.log(`${step.padEnd(16)} ${value.toFixed(2).padStart(10)} ${hashing.toFixed(1).padStart(14)} ${(value - hashing).toFixed(2).padStart(10)}`);
    }
    console.log(`recertification-steps: ${rest.toFixed(1)} ms per recertification besides argon2, errors ${errors.length}`);
    for (const error of errors.slice(0, 5)) console.log(`  ${error}`);
  } finally {
    server.close();
    await t.close();
  }
}
