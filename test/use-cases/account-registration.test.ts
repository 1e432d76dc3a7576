import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerUser } from '../../src/use-cases/accounts/register-user.ts';
import { resendVerificationEmail } from '../../src/use-cases/accounts/resend-verification-email.ts';
import { verifySecurityAnswer, verifyPassword } from '../../src/use-cases/accounts/secret-hashing.ts';
import { verifyEmail } from '../../src/use-cases/accounts/verify-email.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

const registration = (email: string) => ({
  email,
  name: 'Maria Lopez',
  phone: '715 799 5100',
  password: 'river stone lantern',
  passwordConfirmation: 'river stone lantern',
  question1: 'first-pet',
  answer1: 'Rex',
  question2: 'birth-city',
  answer2: 'Green Bay',
  question3: 'first-car',
  answer3: 'Ford',
});

function tokenFrom(text: string): string {
  const match = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(text);
  assert.ok(match, `no link in: ${text}`);
  return match[1]!;
}

describe('registration and e-mail verification', () => {
  let t: TestContext;
  let userId: string;
  let firstToken: string;
  before(async () => {
    t = await createTestContext();
    ({ userId } = await registerUser(t.services, { input: registration('Maria.Lopez@Example.com'), actor: testActor }));
    const [mail] = await t.deliverMail();
    firstToken = tokenFrom(mail!.text);
  });
  after(() => t.close());

  it('stores the account with a lowercased e-mail, hashed password and three hashed answers', async () => {
    const user = await t.services.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(user.email, 'maria.lopez@example.com');
    assert.equal(user.email_verified_at, null);
    assert.match(user.password_hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(user.password_hash, 'river stone lantern'), true);
    const answers = await t.services.db.selectFrom('security_answers').selectAll().where('user_id', '=', userId).orderBy('slot').execute();
    assert.deepEqual(answers.map((a) => [a.slot, a.question_key]), [[1, 'first-pet'], [2, 'birth-city'], [3, 'first-car']]);
    assert.equal(await verifySecurityAnswer(answers[1]!.answer_hash, '  green   BAY'), true);
    assert.ok(!answers.some((a) => a.answer_hash.includes('Green')));
  });

  it('records user.registered and sends the verify-email message with a link to the public URL', async () => {
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('subject_id', '=', userId).execute();
    assert.deepEqual(audit.map((a) => a.event_type), ['user.registered']);
    assert.deepEqual(audit[0]!.data, { email: 'maria.lopez@example.com', name: 'Maria Lopez' });
    const mail = t.sentMail[0]!;
    assert.equal(mail.to, 'maria.lopez@example.com');
    assert.match(mail.text, /http:\/\/localhost:3000\/verify-email\?token=/);
    const outbox = await t.services.db.selectFrom('mail_outbox').select('template').execute();
    assert.deepEqual(outbox.map((m) => m.template), ['verify-email']);
    const token = await t.services.db.selectFrom('account_tokens').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
    assert.notEqual(token.token_hash, firstToken, 'only the hash is stored');
    assert.equal(new Date(token.expires_at).getTime() - new Date(token.created_at).getTime(), 24 * 3_600_000);
  });

  it('refuses a second account for the same address, whatever its case, naming only the e-mail field', async () => {
    await assert.rejects(registerUser(t.services, { input: registration('MARIA.LOPEZ@example.com'), actor: testActor }), (error: unknown) => {
      const e = error as { code: string; fieldErrors: { path: string; message: string }[] };
      assert.equal(e.code, 'validation');
      assert.deepEqual(e.fieldErrors.map((f) => f.path), ['email']);
      assert.match(e.fieldErrors[0]!.message, /already exists/);
      return true;
    });
  });

  it('a new link spends the old one; a link works once; the address is then verified', async () => {
    await resendVerificationEmail(t.services, { input: { email: 'maria.lopez@example.com' }, actor: testActor });
    const [mail] = await t.deliverMail();
    const secondToken = tokenFrom(mail!.text);
    await assert.rejects(verifyEmail(t.services, { token: firstToken, actor: testActor }), { code: 'invalid-token' });
    await verifyEmail(t.services, { token: secondToken, actor: testActor });
    await assert.rejects(verifyEmail(t.services, { token: secondToken, actor: testActor }), { code: 'invalid-token' });
    const user = await t.services.db.selectFrom('users').select('email_verified_at').where('id', '=', userId).executeTakeFirstOrThrow();
    assert.equal(new Date(user.email_verified_at!).toISOString(), t.clock.now().toISOString());
    const types = await t.services.db.selectFrom('audit_events').select('event_type').where('subject_id', '=', userId).orderBy('seq').execute();
    assert.deepEqual(types.map((a) => a.event_type), ['user.registered', 'user.verification-email-resent', 'user.email-verified']);
  });

  it('a verification link expires after 24 hours; a resend for an unknown or verified address sends nothing', async () => {
    const { userId: other } = await registerUser(t.services, { input: registration('late@example.com'), actor: testActor });
    const [mail] = await t.deliverMail();
    t.clock.advanceMinutes(24 * 60);
    await assert.rejects(verifyEmail(t.services, { token: tokenFrom(mail!.text), actor: testActor }), { code: 'invalid-token' });
    await assert.rejects(verifyEmail(t.services, { token: 'not-a-token', actor: testActor }), { code: 'invalid-token' });
    await resendVerificationEmail(t.services, { input: { email: 'nobody@example.com' }, actor: testActor });
    await resendVerificationEmail(t.services, { input: { email: 'maria.lopez@example.com' }, actor: testActor });
    assert.deepEqual(await t.deliverMail(), []);
    const user = await t.services.db.selectFrom('users').select('email_verified_at').where('id', '=', other).executeTakeFirstOrThrow();
    assert.equal(user.email_verified_at, null);
  });
});
