// Account e-mails are throttled per address: the "Forgot your password?" and "resend the
// verification link" forms send at most ACCOUNT_MAILS_PER_HOUR links an hour, then nothing
// (the page answers the same), and again once the hour has passed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ACCOUNT_MAILS_PER_HOUR, isAccountMailThrottled } from '../../src/domain/accounts/account-mail-throttle.ts';
import { requestPasswordReset } from '../../src/use-cases/accounts/request-password-reset.ts';
import { resendVerificationEmail } from '../../src/use-cases/accounts/resend-verification-email.ts';
import { createPerson } from '../support/people.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

describe('the allowance', () => {
  const table: [number, boolean][] = [
    [0, false],
    [ACCOUNT_MAILS_PER_HOUR - 1, false],
    [ACCOUNT_MAILS_PER_HOUR, true],
    [ACCOUNT_MAILS_PER_HOUR + 5, true],
  ];
  for (const [sent, throttled] of table) it(`${sent} sent in the hour → ${throttled ? 'no more' : 'one more'}`, () => assert.equal(isAccountMailThrottled(sent), throttled));
});

describe('account e-mails per address and hour', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  const forms = [
    { name: 'password reset', verified: true, ask: (email: string) => requestPasswordReset(t.services, { input: { email }, actor: testActor }) },
    { name: 'verification link', verified: false, ask: (email: string) => resendVerificationEmail(t.services, { input: { email }, actor: testActor }) },
  ];
  for (const form of forms) {
    it(`${form.name}: ${ACCOUNT_MAILS_PER_HOUR} links an hour, then none until the hour has passed`, async () => {
      const person = await createPerson(t);
      if (!form.verified) await t.services.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', person.id).execute();
      await t.deliverMail();
      for (let i = 0; i < ACCOUNT_MAILS_PER_HOUR + 3; i++) {
        await form.ask(person.email);
        t.clock.advanceMinutes(1);
      }
      assert.equal((await t.deliverMail()).filter((m) => m.to === person.email).length, ACCOUNT_MAILS_PER_HOUR);
      t.clock.advanceMinutes(60);
      await form.ask(person.email);
      assert.equal((await t.deliverMail()).filter((m) => m.to === person.email).length, 1);
    });
  }
});
