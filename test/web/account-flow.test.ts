import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

const PASSWORD = 'river stone lantern';
const registration = {
  email: 'Dana.Whitefeather@Example.com',
  name: 'Dana Whitefeather',
  phone: '715 799 5100',
  password: PASSWORD,
  passwordConfirmation: PASSWORD,
  question1: 'first-pet',
  answer1: 'Rex',
  question2: 'birth-city',
  answer2: 'Keshena',
  question3: 'first-car',
  answer3: 'Ford',
};

function linkPath(text: string, path: string): string {
  const match = new RegExp(`http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match, `no ${path} link in: ${text}`);
  return match[1]!;
}

async function auditTypes(t: TestContext): Promise<string[]> {
  const rows = await t.services.db.selectFrom('audit_events').select('event_type').orderBy('seq').execute();
  return rows.map((r) => r.event_type);
}

describe('accounts over HTTP: register, verify, sign in, profile, sign out, reset', () => {
  let t: TestContext;
  let browser: TestBrowser;
  before(async () => {
    t = await createTestContext();
    browser = new TestBrowser(t.app);
  });
  after(() => t.close());

  it('shows the error summary and keeps what was typed (never the passwords) after bad input', async () => {
    const page = await browser.get('/register');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1>Create an account<\/h1>/);
    assert.match(html, /name="_csrf"/);
    const response = await browser.post('/register', { ...registration, email: 'not an address', password: 'short', passwordConfirmation: 'short', question2: 'first-pet' });
    assert.equal(response.status, 400);
    const body = await response.text();
    assert.match(body, /There is a problem/);
    assert.match(body, /<a href="#email">E-mail address: Enter an e-mail address in the right form/);
    assert.match(body, /<a href="#password">Password: Enter a password of at least 12 characters/);
    assert.match(body, /<a href="#question2">Security question 2: Choose a question different from the others/);
    assert.match(body, /id="name" name="name" type="text" value="Dana Whitefeather"/);
    assert.match(body, /id="password" name="password" type="password" value=""/);
    assert.match(body, /id="passwordConfirmation" name="passwordConfirmation" type="password" value=""/);
    assert.match(body, /<option value="birth-city" selected="">|<option value="first-car" selected="">/);
    assert.deepEqual(await auditTypes(t), []);
  });

  it('refuses a form posted without the CSRF token', async () => {
    const response = await browser.post('/register', registration, { csrf: false });
    assert.equal(response.status, 403);
    assert.equal(await t.services.db.selectFrom('users').select('id').executeTakeFirst(), undefined);
  });

  it('registers, e-mails a link, refuses sign-in until it is opened, then signs in and out', async () => {
    const registered = await browser.post('/register', registration);
    assert.equal(registered.status, 303);
    assert.equal(registered.headers.get('location'), '/register/check-email');
    assert.match(await (await browser.get('/register/check-email')).text(), /Check your e-mail/);

    const early = await browser.post('/sign-in', { email: registration.email, password: PASSWORD, next: '/profile' });
    assert.equal(early.status, 403);
    assert.match(await early.text(), /Confirm your e-mail address before you sign in[\s\S]*\/verify-email\/resend/);

    const [mail] = await t.deliverMail();
    assert.equal(mail!.to, 'dana.whitefeather@example.com');
    const link = linkPath(mail!.text, '/verify-email');
    const verified = await browser.get(link);
    assert.equal(verified.status, 200);
    assert.match(await verified.text(), /E-mail address confirmed/);
    const again = await browser.get(link);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /expired or has already been used[\s\S]*action="\/verify-email\/resend"/);

    const signedIn = await browser.post('/sign-in', { email: registration.email, password: PASSWORD, next: '/profile' });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/profile');
    assert.ok(browser.cookie('outfall_session'));

    const profile = await browser.get('/profile');
    assert.equal(profile.status, 200);
    const html = await profile.text();
    assert.match(html, /<h1>Your profile<\/h1>/);
    assert.match(html, /Dana Whitefeather[\s\S]*dana.whitefeather@example.com[\s\S]*715 799 5100/);
    assert.match(html, /What was the name of your first pet\?/);
    assert.match(html, /not a member of any organization/);

    assert.equal((await browser.post('/sign-out', {}, { csrf: false })).status, 403);
    const out = await browser.post('/sign-out', {});
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/');
    assert.equal(browser.cookie('outfall_session'), undefined);
    const afterOut = await browser.get('/profile');
    assert.equal(afterOut.status, 303);
    assert.equal(afterOut.headers.get('location'), '/sign-in?next=%2Fprofile');
    assert.equal((await t.services.db.selectFrom('sessions').select('id_hash').execute()).length, 0);

    assert.deepEqual(await auditTypes(t), ['user.registered', 'user.email-verified', 'user.signed-in', 'user.signed-out']);
    const signInRow = await t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'user.signed-in').executeTakeFirstOrThrow();
    assert.equal(signInRow.user_agent, 'test-browser');
    assert.equal(signInRow.actor_user_id, signInRow.subject_id);
  });

  it('gives the same answer to a forgotten-password request for any address, and resets with the link and one question', async () => {
    for (const email of ['nobody@example.com', registration.email]) {
      const sent = await browser.post('/forgot-password', { email });
      assert.equal(sent.status, 303);
      assert.equal(sent.headers.get('location'), '/forgot-password?sent=1');
    }
    assert.match(await (await browser.get('/forgot-password?sent=1')).text(), /If an account exists for that address, we sent it a link/);
    const [mail, ...others] = await t.deliverMail();
    assert.equal(others.length, 0);
    const link = linkPath(mail!.text, '/reset-password');
    const page = await (await browser.get(link)).text();
    const slot = /name="slot" value="(\d)"/.exec(page)![1]!;
    const answer = { '1': 'rex', '2': 'KESHENA', '3': ' ford ' }[slot]!;
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const NEW = 'copper kettle meadow';

    const wrong = await browser.post('/reset-password', { token, slot, answer: 'wrong', password: NEW, passwordConfirmation: NEW });
    assert.equal(wrong.status, 400);
    const wrongHtml = await wrong.text();
    assert.match(wrongHtml, /does not match the one you gave/);
    assert.match(wrongHtml, new RegExp(`name="slot" value="${slot}"`), 'the same question is asked again');

    const done = await browser.post('/reset-password', { token, slot, answer, password: NEW, passwordConfirmation: NEW });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/sign-in?reset=1');
    assert.equal((await browser.get(link)).status, 400);
    assert.equal((await browser.post('/sign-in', { email: registration.email, password: NEW })).status, 303);
    assert.deepEqual((await auditTypes(t)).slice(-4), ['user.password-reset-requested', 'user.security-answer-failed', 'user.password-reset', 'user.signed-in']);
  });

  it('changes the password and the security questions from the profile', async () => {
    const NEW = 'copper kettle meadow';
    const bad = await browser.post('/profile/password', { currentPassword: NEW, password: 'password1234', passwordConfirmation: 'password1234' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /too common/);
    const changed = await browser.post('/profile/password', { currentPassword: NEW, password: 'granite harbor violet', passwordConfirmation: 'granite harbor violet' });
    assert.equal(changed.status, 303);
    assert.match(await (await browser.get('/profile?changed=password')).text(), /Your password was changed/);

    const questions = await browser.post('/profile/security-questions', {
      currentPassword: 'granite harbor violet',
      question1: 'first-school',
      answer1: 'Keshena Primary',
      question2: 'first-job',
      answer2: 'Lifeguard',
      question3: 'father-middle',
      answer3: 'James',
    });
    assert.equal(questions.status, 303);
    assert.match(await (await browser.get('/profile')).text(), /What was your first job\?/);
    const row = await t.services.db
      .selectFrom('audit_events')
      .select('data')
      .where('event_type', '=', 'user.security-questions-changed')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.data, { previous: { questions: ['first-pet', 'birth-city', 'first-car'] }, new: { questions: ['first-school', 'first-job', 'father-middle'] } });
  });
});
