import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerUser } from '../../src/use-cases/accounts/register-user.ts';
import { signIn } from '../../src/use-cases/sessions/sign-in.ts';
import { startSession } from '../../src/use-cases/sessions/start-session.ts';
import { hashToken } from '../../src/use-cases/sessions/session-token.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

const PASSWORD = 'river stone lantern';

async function registerVerified(t: TestContext, email: string, verified = true): Promise<string> {
  const { userId } = await registerUser(t.services, {
    input: {
      email,
      name: 'Sam Rivera',
      phone: '715 799 5100',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
      question1: 'first-pet',
      answer1: 'Rex',
      question2: 'birth-city',
      answer2: 'Green Bay',
      question3: 'first-car',
      answer3: 'Ford',
    },
    actor: testActor,
  });
  if (verified) await t.services.db.updateTable('users').set({ email_verified_at: t.clock.now() }).where('id', '=', userId).execute();
  await t.deliverMail();
  return userId;
}

const attempt = (t: TestContext, email: string, password: string) => signIn(t.services, { input: { email, password }, actor: testActor });

async function auditTypes(t: TestContext, userId: string): Promise<string[]> {
  const rows = await t.services.db.selectFrom('audit_events').select('event_type').where('subject_id', '=', userId).orderBy('seq').execute();
  return rows.map((r) => r.event_type).filter((type) => type !== 'user.registered');
}

describe('sign-in', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it('signs in with the right password (any case of e-mail), with a new session each time', async () => {
    const userId = await registerVerified(t, 'ok@example.com');
    const first = await attempt(t, ' OK@Example.com ', PASSWORD);
    const second = await attempt(t, 'ok@example.com', PASSWORD);
    assert.equal(first.outcome, 'signed-in');
    assert.equal(second.outcome, 'signed-in');
    assert.ok(first.outcome === 'signed-in' && second.outcome === 'signed-in' && first.token !== second.token);
    const sessions = await t.services.db.selectFrom('sessions').select('user_id').where('user_id', '=', userId).execute();
    assert.equal(sessions.length, 2);
    assert.deepEqual(await auditTypes(t, userId), ['user.signed-in', 'user.signed-in']);
  });

  it("ends the session the browser already had, and keeps the user's other sessions", async () => {
    const userId = await registerVerified(t, 'again@example.com');
    const elsewhere = await attempt(t, 'again@example.com', PASSWORD);
    const earlier = await attempt(t, 'again@example.com', PASSWORD);
    assert.ok(elsewhere.outcome === 'signed-in' && earlier.outcome === 'signed-in');
    const now = await signIn(t.services, { input: { email: 'again@example.com', password: PASSWORD }, actor: testActor, previousSessionToken: earlier.token });
    assert.ok(now.outcome === 'signed-in');
    const hashes = (await t.services.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute()).map((r) => r.id_hash).sort();
    assert.deepEqual(hashes, [hashToken(elsewhere.token), hashToken(now.token)].sort());
  });

  it('starts a session and its audit event together or not at all', async () => {
    const before = (await t.services.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    // No such user: the session row breaks its foreign key, and the audit event goes with it.
    await assert.rejects(() => startSession(t.services.db, t.services, { userId: '00000000-0000-4000-8000-000000000000', actor: testActor, endingSessionToken: null }));
    const after = (await t.services.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(after, before);
  });

  it('gives an unknown e-mail the same answer as a wrong password, recording nothing', async () => {
    const before = await t.services.db.selectFrom('audit_events').select('seq').execute();
    assert.deepEqual(await attempt(t, 'nobody@example.com', PASSWORD), { outcome: 'wrong-credentials' });
    const afterRows = await t.services.db.selectFrom('audit_events').select('seq').execute();
    assert.equal(afterRows.length, before.length);
  });

  it('refuses an unverified address, but says so only after the right password', async () => {
    const userId = await registerVerified(t, 'new@example.com', false);
    assert.deepEqual(await attempt(t, 'new@example.com', 'wrong password here'), { outcome: 'wrong-credentials' });
    assert.deepEqual(await attempt(t, 'new@example.com', PASSWORD), { outcome: 'email-not-verified' });
    const sessions = await t.services.db.selectFrom('sessions').select('user_id').where('user_id', '=', userId).execute();
    assert.equal(sessions.length, 0);
  });

  it('locks at exactly the fifth failure for 15 minutes, e-mails the owner, then unlocks', async () => {
    const userId = await registerVerified(t, 'target@example.com');
    const user = () => t.services.db.selectFrom('users').select(['failed_sign_ins', 'locked_until']).where('id', '=', userId).executeTakeFirstOrThrow();
    for (let i = 1; i <= 4; i++) {
      assert.deepEqual(await attempt(t, 'target@example.com', `wrong guess ${i}xxxx`), { outcome: 'wrong-credentials' });
      assert.equal((await user()).failed_sign_ins, i);
    }
    assert.deepEqual(await t.deliverMail(), [], 'no mail before the lock');
    const fifth = await attempt(t, 'target@example.com', 'wrong guess 5xxxx');
    const lockedUntil = new Date(t.clock.now().getTime() + 15 * 60_000);
    assert.deepEqual(fifth, { outcome: 'locked', lockedUntil });
    assert.equal(new Date((await user()).locked_until!).toISOString(), lockedUntil.toISOString());
    const [mail, ...others] = await t.deliverMail();
    assert.equal(others.length, 0);
    assert.equal(mail!.to, 'target@example.com');
    assert.match(mail!.text, /locked it for 15 minutes/);
    const outbox = await t.services.db.selectFrom('mail_outbox').select('template').where('to_address', '=', 'target@example.com').execute();
    assert.ok(outbox.some((m) => m.template === 'account-locked'));
    const lockRow = await t.services.db.selectFrom('audit_events').select('data').where('subject_id', '=', userId).where('event_type', '=', 'user.locked').executeTakeFirstOrThrow();
    assert.deepEqual(lockRow.data, { lockedUntil: lockedUntil.toISOString(), failedSignIns: 5 });

    // While locked, even the right password is refused and nothing more is counted.
    t.clock.advanceMinutes(14);
    assert.deepEqual(await attempt(t, 'target@example.com', PASSWORD), { outcome: 'locked', lockedUntil });
    assert.equal((await user()).failed_sign_ins, 5);

    t.clock.advanceMinutes(1);
    assert.equal((await attempt(t, 'target@example.com', PASSWORD)).outcome, 'signed-in');
    assert.deepEqual(await user(), { failed_sign_ins: 0, locked_until: null });
    assert.deepEqual(await auditTypes(t, userId), [
      ...Array(5).fill('user.sign-in-failed'),
      'user.locked',
      'user.signed-in',
    ]);
  });

  it('counts per account: failures on another account do not add up, and a success resets the count', async () => {
    const a = await registerVerified(t, 'a@example.com');
    await registerVerified(t, 'b@example.com');
    for (let i = 0; i < 3; i++) await attempt(t, 'a@example.com', 'not the password');
    for (let i = 0; i < 3; i++) await attempt(t, 'b@example.com', 'not the password');
    await attempt(t, 'a@example.com', PASSWORD);
    for (let i = 0; i < 4; i++) assert.equal((await attempt(t, 'a@example.com', 'not the password')).outcome, 'wrong-credentials');
    const row = await t.services.db.selectFrom('users').select(['failed_sign_ins', 'locked_until']).where('id', '=', a).executeTakeFirstOrThrow();
    assert.deepEqual(row, { failed_sign_ins: 4, locked_until: null });
  });

  it('names the missing fields', async () => {
    await assert.rejects(attempt(t, '', ''), (e: { fieldErrors: { path: string }[] }) => {
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['email', 'password']);
      return true;
    });
  });
});
