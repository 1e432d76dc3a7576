import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoDataIfEmpty } from '../../src/cli/demo-loading.ts';
import { verifySecurityAnswer, verifyPassword } from '../../src/use-cases/accounts/secret-hashing.ts';
import { verifyAuditChain } from '../../src/use-cases/audit/verify-audit-chain.ts';
import { DEMO_PASSWORD, DEMO_SECURITY_ANSWER, demoUsers } from '../../src/use-cases/demo/demo-data.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

async function captureStdout(run: () => Promise<void>): Promise<string> {
  const original = console.log;
  const lines: string[] = [];
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    await run();
  } finally {
    console.log = original;
  }
  return lines.join('\n');
}

describe('demo data', () => {
  let t: TestContext;
  let printed: string;
  before(async () => {
    t = await createTestContext();
    printed = await captureStdout(() => loadDemoDataIfEmpty({ services: t.services }));
  });
  after(() => t.close());

  it('prints every demo sign-in, the password and the security answer when the database was empty', () => {
    for (const user of demoUsers) assert.match(printed, new RegExp(user.email.replace(/\./g, '\\.')));
    assert.match(printed, new RegExp(DEMO_PASSWORD));
    assert.match(printed, /security question: demo/);
  });

  it('creates seven verified accounts that sign in with the demo password and answer', async () => {
    const users = await t.services.db.selectFrom('users').selectAll().orderBy('email').execute();
    assert.equal(users.length, 7);
    for (const user of users) assert.ok(user.email_verified_at, `${user.email} is verified`);
    assert.equal(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD), true);
    const answers = await t.services.db.selectFrom('security_answers').selectAll().where('user_id', '=', users[0]!.id).orderBy('slot').execute();
    assert.deepEqual(answers.map((a) => a.question_key), ['first-pet', 'first-school', 'birth-city']);
    assert.equal(await verifySecurityAnswer(answers[2]!.answer_hash, `  ${DEMO_SECURITY_ANSWER.toUpperCase()} `), true);
  });

  it('makes the LRP (confirmed), DAR and Data Submitter members of Demo Manufacturing Co.', async () => {
    const rows = await t.services.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select(['users.email', 'memberships.role', 'memberships.status', 'memberships.lrp_confirmed_at', 'organizations.name', 'organizations.jurisdiction_id'])
      .orderBy('users.email')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.email, r.role, r.status, r.name, r.jurisdiction_id, r.lrp_confirmed_at !== null]),
      [
        ['dar@demo.outfall.test', 'dar', 'active', 'Demo Manufacturing Co.', 'menominee', false],
        ['lrp@demo.outfall.test', 'lrp', 'active', 'Demo Manufacturing Co.', 'menominee', true],
        ['submitter@demo.outfall.test', 'submitter', 'active', 'Demo Manufacturing Co.', 'menominee', false],
      ],
    );
  });

  it('grants a reviewer and an administrator in each jurisdiction', async () => {
    const rows = await t.services.db
      .selectFrom('staff_roles')
      .innerJoin('users', 'users.id', 'staff_roles.user_id')
      .select(['users.email', 'staff_roles.jurisdiction_id', 'staff_roles.role'])
      .orderBy('users.email')
      .execute();
    assert.deepEqual(
      rows.map((r) => `${r.email} ${r.jurisdiction_id} ${r.role}`),
      [
        'admin.california@demo.outfall.test california administrator',
        'admin.menominee@demo.outfall.test menominee administrator',
        'reviewer.california@demo.outfall.test california reviewer',
        'reviewer.menominee@demo.outfall.test menominee reviewer',
      ],
    );
  });

  it('registers five facilities: three in Indian country on the Menominee Reservation, two in California', async () => {
    const rows = await t.services.db.selectFrom('facilities').selectAll().orderBy('name').execute();
    assert.equal(rows.length, 5);
    const menominee = rows.filter((r) => r.jurisdiction_id === 'menominee');
    assert.equal(menominee.length, 3);
    for (const f of menominee) {
      assert.equal(f.county, 'Menominee');
      assert.equal(f.in_indian_country, true);
      assert.ok(Math.abs(Number(f.latitude) - 44.9) < 0.2 && Math.abs(Number(f.longitude) + 88.65) < 0.3, f.name);
    }
    assert.equal(rows.filter((r) => r.jurisdiction_id === 'california' && r.state === 'CA').length, 2);
    assert.ok(rows.some((r) => r.sic_codes.includes('4953')));
  });

  it('audits the organization, each facility, each staff role, the load itself and the three demo NECs, on an intact chain', async () => {
    const events = await t.services.db.selectFrom('audit_events').select(['event_type', 'actor_role']).orderBy('seq').execute();
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.event_type, (counts.get(e.event_type) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(counts), {
      'organization.created': 1,
      'staff.role-granted': 4,
      'facility.registered': 5,
      'demo.seeded': 1,
      'filing.signed': 3,
      'filing.accepted': 3,
    });
    const loaded = events.findIndex((e) => e.event_type === 'demo.seeded');
    assert.ok(events.slice(0, loaded + 1).every((e) => e.actor_role === 'system'));
    // The demo NECs were signed by the demo LRP and accepted by the jurisdiction's reviewer.
    assert.deepEqual(
      events.slice(loaded + 1).map((e) => `${e.event_type}:${e.actor_role}`),
      ['filing.signed:lrp', 'filing.accepted:reviewer', 'filing.signed:lrp', 'filing.accepted:reviewer', 'filing.signed:lrp', 'filing.accepted:reviewer'],
    );
    assert.equal((await verifyAuditChain({ db: t.services.db })).ok, true);
  });

  it('refuses to load the demo data twice, and start-up then only reminds of the password', async () => {
    await assert.rejects(seedDemo(t.services, { actor: testActor }), (error) => error instanceof AppError && error.code === 'conflict');
    const again = await captureStdout(() => loadDemoDataIfEmpty({ services: t.services }));
    assert.equal(again.split('\n').length, 1);
    assert.match(again, new RegExp(DEMO_PASSWORD));
    const count = await t.services.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 7);
  });
});
