import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerUser } from '../../src/use-cases/accounts/register-user.ts';
import { createTestContext, TestBrowser, testActor, type TestContext } from '../support/test-app.ts';

const PASSWORD = 'river stone lantern';

async function registerVerified(t: TestContext, email: string): Promise<void> {
  const { userId } = await registerUser(t.services, {
    input: {
      email,
      name: 'Jo Tucker',
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
  await t.services.db.updateTable('users').set({ email_verified_at: t.clock.now() }).where('id', '=', userId).execute();
  await t.deliverMail();
}

async function signedInBrowser(t: TestContext, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app);
  const response = await browser.post('/sign-in', { email, password: PASSWORD });
  assert.equal(response.status, 303);
  return browser;
}

const isSignedIn = async (browser: TestBrowser) => (await browser.get('/profile')).status === 200;

describe('sign-in over HTTP: sessions, cookies, timeouts, lockout', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    await registerVerified(t, 'jo@example.com');
    await registerVerified(t, 'kim@example.com');
  });
  after(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over https', async () => {
    const browser = new TestBrowser(t.app);
    const plain = await browser.post('/sign-in', { email: 'jo@example.com', password: PASSWORD });
    const cookie = plain.headers.getSetCookie().find((c) => c.startsWith('outfall_session='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);

    const form = await t.app.request('https://localhost/sign-in');
    const csrf = /outfall_csrf=([^;]+)/.exec(form.headers.getSetCookie().join('\n'))![1]!;
    const secure = await t.app.request('https://localhost/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `outfall_csrf=${csrf}` },
      body: new URLSearchParams({ email: 'jo@example.com', password: PASSWORD, _csrf: csrf }).toString(),
    });
    assert.equal(secure.status, 303);
    const secureCookie = secure.headers.getSetCookie().find((c) => c.startsWith('outfall_session='))!;
    assert.match(secureCookie, /HttpOnly/);
    assert.match(secureCookie, /SameSite=Lax/);
    assert.match(secureCookie, /Secure/);
  });

  it('issues a new session id at every sign-in and ends the one the browser had', async () => {
    const browser = await signedInBrowser(t, 'jo@example.com');
    const first = browser.cookie('outfall_session');
    assert.equal((await browser.post('/sign-in', { email: 'jo@example.com', password: PASSWORD })).status, 303);
    const second = browser.cookie('outfall_session');
    assert.ok(first && second && first !== second);
    const replay = await t.app.request('/profile', { headers: { cookie: `outfall_session=${first}` } });
    assert.equal(replay.status, 303, 'the previous session id no longer works');
  });

  it('signs out after 30 idle minutes', async () => {
    const browser = await signedInBrowser(t, 'jo@example.com');
    t.clock.advanceMinutes(29);
    assert.equal(await isSignedIn(browser), true);
    t.clock.advanceMinutes(31);
    const response = await browser.get('/profile');
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location')!, /^\/sign-in\?next=/);
  });

  it('signs out 12 hours after sign-in even when active every 20 minutes', async () => {
    const browser = await signedInBrowser(t, 'jo@example.com');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advanceMinutes(20);
      assert.equal(await isSignedIn(browser), true, `still signed in after ${minutes} minutes`);
    }
    t.clock.advanceMinutes(20);
    assert.equal(await isSignedIn(browser), false);
  });

  it('returns to a local ?next= page only', async () => {
    const browser = new TestBrowser(t.app);
    assert.match(await (await browser.get('/sign-in?next=%2F%2Fevil.example')).text(), /name="next" value="\/"/);
    for (const [next, location] of [
      ['/facilities?page=2', '/facilities?page=2'],
      ['//evil.example', '/'],
      ['https://evil.example/', '/'],
    ]) {
      const response = await browser.post('/sign-in', { email: 'jo@example.com', password: PASSWORD, next: next! });
      assert.equal(response.headers.get('location'), location);
    }
  });

  it('answers a wrong password and an unknown e-mail alike, and locks the account at the fifth failure', async () => {
    const browser = new TestBrowser(t.app);
    const unknown = await browser.post('/sign-in', { email: 'nobody@example.com', password: PASSWORD });
    const wrong = await browser.post('/sign-in', { email: 'kim@example.com', password: 'not the password' });
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    const message = (html: string) => /<span class="usa-error-message"[^>]*>([^<]*)</.exec(html)![1];
    assert.equal(message(await unknown.text()), 'E-mail or password is wrong');
    assert.equal(message(await wrong.text()), 'E-mail or password is wrong');
    for (let i = 2; i <= 4; i++) assert.equal((await browser.post('/sign-in', { email: 'kim@example.com', password: 'not the password' })).status, 401);
    const fifth = await browser.post('/sign-in', { email: 'kim@example.com', password: 'not the password' });
    assert.equal(fifth.status, 423);
    const lockedUntil = new Date(t.clock.now().getTime() + 15 * 60_000);
    const time = `${String(lockedUntil.getUTCHours()).padStart(2, '0')}:${String(lockedUntil.getUTCMinutes()).padStart(2, '0')} UTC`;
    assert.match(await fifth.text(), new RegExp(`locked after 5 failed attempts. Try again after .* at ${time}`));
    const right = await browser.post('/sign-in', { email: 'kim@example.com', password: PASSWORD });
    assert.equal(right.status, 423);
    const mail = await t.deliverMail();
    assert.deepEqual(mail.map((m) => [m.to, m.subject]), [['kim@example.com', 'Your account was locked after failed sign-ins']]);
    t.clock.advanceMinutes(15);
    assert.equal((await browser.post('/sign-in', { email: 'kim@example.com', password: PASSWORD })).status, 303);
  });
});
