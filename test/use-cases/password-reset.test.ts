import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { changePassword } from '../../src/use-cases/accounts/change-password.ts';
import { changeSecurityQuestions } from '../../src/use-cases/accounts/change-security-questions.ts';
import { chooseResetQuestion } from '../../src/use-cases/accounts/choose-reset-question.ts';
import { registerUser } from '../../src/use-cases/accounts/register-user.ts';
import { requestPasswordReset } from '../../src/use-cases/accounts/request-password-reset.ts';
import { resetPassword } from '../../src/use-cases/accounts/reset-password.ts';
import { verifyPassword } from '../../src/use-cases/accounts/secret-hashing.ts';
import { signIn } from '../../src/use-cases/sessions/sign-in.ts';
import { hashToken } from '../../src/use-cases/sessions/session-token.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

const PASSWORD = 'river stone lantern';
const NEW_PASSWORD = 'copper kettle meadow';
const answers: Record<number, string> = { 1: 'Rex', 2: 'Green Bay', 3: 'Ford' };

async function registerVerified(t: TestContext, email: string): Promise<string> {
  const { userId } = await registerUser(t.services, {
    input: {
      email,
      name: 'Lee Chen',
      phone: '715 799 5100',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
      question1: 'first-pet',
      answer1: answers[1],
      question2: 'birth-city',
      answer2: answers[2],
      question3: 'first-car',
      answer3: answers[3],
    },
    actor: testActor,
  });
  await t.services.db.updateTable('users').set({ email_verified_at: t.clock.now() }).where('id', '=', userId).execute();
  await t.deliverMail();
  return userId;
}

async function requestLink(t: TestContext, email: string): Promise<string> {
  await requestPasswordReset(t.services, { input: { email }, actor: testActor });
  const [mail] = await t.deliverMail();
  const match = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail!.text);
  assert.ok(match);
  return match[1]!;
}

const resetInput = (slot: number, answer: string, password = NEW_PASSWORD) => ({ slot: String(slot), answer, password, passwordConfirmation: password });

async function auditTypes(t: TestContext, userId: string): Promise<string[]> {
  const rows = await t.services.db.selectFrom('audit_events').select('event_type').where('subject_id', '=', userId).orderBy('seq').execute();
  return rows.map((r) => r.event_type);
}

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

describe('password reset by e-mailed link and a security question', () => {
  it('sends nothing for an unknown address, and a link for a known one', async () => {
    await requestPasswordReset(t.services, { input: { email: 'nobody@example.com' }, actor: testActor });
    assert.deepEqual(await t.deliverMail(), []);
    const userId = await registerVerified(t, 'known@example.com');
    await requestLink(t, 'known@example.com');
    assert.deepEqual(await auditTypes(t, userId), ['user.registered', 'user.password-reset-requested']);
  });

  it('a link works until just before 1 hour, not at 1 hour', async () => {
    await registerVerified(t, 'slow@example.com');
    const token = await requestLink(t, 'slow@example.com');
    t.clock.advanceMinutes(59);
    const question = await chooseResetQuestion(t.services, { token });
    assert.ok([1, 2, 3].includes(question.slot));
    t.clock.advanceMinutes(1);
    await assert.rejects(chooseResetQuestion(t.services, { token }), { code: 'invalid-token' });
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(1, answers[1]!), actor: testActor }), { code: 'invalid-token' });
  });

  it('refuses a wrong answer (counting it), then resets: new hash, link spent, sessions ended, lock count cleared, e-mail sent', async () => {
    const userId = await registerVerified(t, 'reset@example.com');
    const session = await signIn(t.services, { input: { email: 'reset@example.com', password: PASSWORD }, actor: testActor });
    assert.equal(session.outcome, 'signed-in');
    const token = await requestLink(t, 'reset@example.com');
    const { slot } = await chooseResetQuestion(t.services, { token });
    assert.equal((await chooseResetQuestion(t.services, { token, slot })).slot, slot, 'the same question is asked again after a mistake');

    await assert.rejects(resetPassword(t.services, { token, input: resetInput(slot, 'wrong answer'), actor: testActor }), (e: { fieldErrors: { path: string }[] }) => {
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['answer']);
      return true;
    });
    const counted = await t.services.db.selectFrom('users').select('failed_sign_ins').where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(counted.failed_sign_ins, 1);
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(slot, answers[slot]!, 'password1234'), actor: testActor }), /Check the fields/);
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(slot, answers[slot]!, 'reset@example.com!!'), actor: testActor }));

    await resetPassword(t.services, { token, input: resetInput(slot, `  ${answers[slot]!.toUpperCase()} `), actor: testActor });
    const user = await t.services.db.selectFrom('users').select(['password_hash', 'failed_sign_ins', 'locked_until']).where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(user.password_hash, NEW_PASSWORD), true);
    assert.equal(user.failed_sign_ins, 0);
    const sessions = await t.services.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute();
    assert.equal(sessions.length, 0);
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(slot, answers[slot]!), actor: testActor }), { code: 'invalid-token' });
    const [mail] = await t.deliverMail();
    assert.equal(mail!.subject, 'Your password was changed');
    assert.deepEqual((await auditTypes(t, userId)).slice(-3), ['user.password-reset-requested', 'user.security-answer-failed', 'user.password-reset']);
  });

  it('refuses a slot the user does not have, and a reset while the account is locked', async () => {
    const userId = await registerVerified(t, 'locked@example.com');
    const token = await requestLink(t, 'locked@example.com');
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(7, 'x'), actor: testActor }), { code: 'validation' });
    await t.services.db.deleteFrom('security_answers').where('user_id', '=', userId).where('slot', '=', 3).execute();
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(3, answers[3]!), actor: testActor }), (e: { fieldErrors: { path: string }[] }) => {
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['answer']);
      return true;
    });
    // Wrong answers count like wrong passwords: the fifth locks the account.
    for (let i = 1; i <= 5; i++) {
      await assert.rejects(resetPassword(t.services, { token, input: resetInput(1, 'wrong'), actor: testActor }), { code: i === 5 ? 'account-locked' : 'validation' });
    }
    await assert.rejects(resetPassword(t.services, { token, input: resetInput(1, answers[1]!), actor: testActor }), { code: 'account-locked' });
    t.clock.advanceMinutes(15);
    await resetPassword(t.services, { token, input: resetInput(1, answers[1]!), actor: testActor });
  });
});

describe('profile changes: password and security questions', () => {
  let userId: string;
  before(async () => {
    userId = await registerVerified(t, 'profile@example.com');
  });

  it('changes the password with the current one, ending every other session', async () => {
    const here = await signIn(t.services, { input: { email: 'profile@example.com', password: PASSWORD }, actor: testActor });
    await signIn(t.services, { input: { email: 'profile@example.com', password: PASSWORD }, actor: testActor });
    assert.equal(here.outcome, 'signed-in');
    const hereHash = here.outcome === 'signed-in' ? hashToken(here.token) : '';
    const actor = { ...testActor, userId };
    const input = { currentPassword: 'not my password', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD };
    await assert.rejects(changePassword(t.services, { input, actor, currentSessionIdHash: hereHash }), (e: { fieldErrors: { path: string }[] }) => {
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['currentPassword']);
      return true;
    });
    await changePassword(t.services, { input: { ...input, currentPassword: PASSWORD }, actor, currentSessionIdHash: hereHash });
    const sessions = await t.services.db.selectFrom('sessions').select('id_hash').where('user_id', '=', userId).execute();
    assert.deepEqual(sessions.map((s) => s.id_hash), [hereHash]);
    assert.equal((await signIn(t.services, { input: { email: 'profile@example.com', password: NEW_PASSWORD }, actor: testActor })).outcome, 'signed-in');
  });

  it('changes the security questions, auditing the question keys and never the answers', async () => {
    const actor = { ...testActor, userId };
    const input = {
      currentPassword: NEW_PASSWORD,
      question1: 'first-school',
      answer1: 'Lincoln Elementary',
      question2: 'first-job',
      answer2: 'Lifeguard',
      question3: 'first-job',
      answer3: 'Cashier',
    };
    await assert.rejects(changeSecurityQuestions(t.services, { input, actor }), (e: { fieldErrors: { path: string }[] }) => {
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['question3']);
      return true;
    });
    await changeSecurityQuestions(t.services, { input: { ...input, question3: 'father-middle' }, actor });
    const row = await t.services.db
      .selectFrom('audit_events')
      .select('data')
      .where('subject_id', '=', userId)
      .where('event_type', '=', 'user.security-questions-changed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.data, {
      previous: { questions: ['first-pet', 'birth-city', 'first-car'] },
      new: { questions: ['first-school', 'first-job', 'father-middle'] },
    });
    assert.doesNotMatch(JSON.stringify(row.data), /Lifeguard|Lincoln/);
  });
});
