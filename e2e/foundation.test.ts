// Issue 2 tried as a new user would, in Debian's chromium against the real `outfall serve`
// on a fresh embedded data directory: register, verify by the e-mailed link, sign in,
// create an organization and a facility, see both in the history, lock the account with
// five wrong passwords. axe-core checks every page on the way (WCAG 2.1 A/AA), at desktop
// width and at 360 pixels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeViolations, findAccessibilityViolations, fitsWidth, launchChromium } from './support/chromium.ts';
import { startOutfall, waitForMail, type RunningOutfall } from './support/outfall-server.ts';

const DEMO_PASSWORD = 'Outfall-Demo-2026!';
const NEW_PASSWORD = 'Wolf River runs north 1854';

describe('foundation, as a new user', () => {
  let server: RunningOutfall;
  let browser: Browser;
  const checked: string[] = [];
  const violations: string[] = [];

  before(async () => {
    server = await startOutfall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    // bypassCSP only so axe can be injected; the app's own pages need no inline script.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
    const page = await context.newPage();
    return { context, page };
  }

  async function check(page: Page, label = page.url()): Promise<void> {
    const found = await findAccessibilityViolations(page);
    if (found.length) violations.push(describeViolations(label, found));
    checked.push(label);
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('main button[type=submit]');
  }

  it('prints the demo sign-ins at first start', () => {
    assert.match(server.output(), /lrp@demo\.outfall\.test/);
    assert.match(server.output(), new RegExp(DEMO_PASSWORD));
  });

  it('registers, verifies by the e-mailed link, signs in, creates an organization and a facility, and sees both in the history', async () => {
    const { context, page } = await newPage();
    await page.goto(server.baseUrl);
    await check(page, '/');
    await page.click('text=Create an account');
    await check(page, '/register');

    // A bad submission first: the error summary appears and what was typed stays.
    await page.fill('#name', 'Dana Waukau');
    await page.fill('#email', 'dana@example.org');
    await page.click('main button[type=submit]');
    assert.equal(await page.locator('#error-summary').isVisible(), true);
    assert.equal(await page.inputValue('#name'), 'Dana Waukau');
    await check(page, '/register with errors');

    await page.fill('#phone', '715-555-0101');
    await page.fill('#password', NEW_PASSWORD);
    await page.fill('#passwordConfirmation', NEW_PASSWORD);
    for (const [slot, index] of [
      [1, 1],
      [2, 2],
      [3, 3],
    ] as const) {
      await page.selectOption(`#question${slot}`, { index });
      await page.fill(`#answer${slot}`, 'Keshena');
    }
    await page.click('main button[type=submit]');
    await page.waitForURL(/check-email/);
    await check(page, '/register/check-email');

    const mail = await waitForMail(server, /To: dana@example\.org/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    assert.ok(link, 'the verification e-mail holds a link');
    await page.goto(link);
    await check(page, '/verify-email');

    await signIn(page, 'dana@example.org', NEW_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    assert.match(await page.textContent('footer') ?? '', /Signed in as dana@example\.org/);

    await page.goto(`${server.baseUrl}/organizations/new`);
    await check(page, '/organizations/new');
    await page.fill('#name', 'Waukau Gravel LLC');
    await page.selectOption('#kind', 'company');
    await page.selectOption('#jurisdictionId', 'menominee');
    await page.fill('#address', 'N1234 County Road VV, Keshena, WI 54135');
    await page.fill('#phone', '715-555-0102');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/organizations\/[0-9a-f-]{36}/);
    const organizationUrl = page.url().split('?')[0]!;
    await check(page, '/organizations/:id');

    await page.goto(`${server.baseUrl}/facilities/new`);
    await check(page, '/facilities/new');
    await page.fill('#name', 'Keshena Gravel Pit');
    await page.fill('#address', 'W2000 Highway 47');
    await page.fill('#city', 'Keshena');
    await page.fill('#state', 'WI');
    await page.fill('#zip', '54135');
    await page.fill('#county', 'Menominee');
    await page.fill('#latitude', '144.9'); // a mistake the page must catch
    await page.fill('#longitude', '-88.63');
    await page.fill('#receivingWaters', 'Wolf River');
    await page.click('label[for="dischargesToMs4-no"]');
    await page.click('label[for="inIndianCountry"]');
    await page.fill('#sicCodes', '1442');
    await page.click('main button[type=submit]');
    assert.equal(await page.locator('#error-summary a[href="#latitude"]').count(), 1);
    assert.equal(await page.inputValue('#name'), 'Keshena Gravel Pit');
    await check(page, '/facilities/new with errors');
    await page.fill('#latitude', '44.9');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/facilities\/[0-9a-f-]{36}(\?|$)/);
    await check(page, '/facilities/:id');
    assert.match(await page.textContent('main') ?? '', /Keshena Gravel Pit/);

    await page.goto(`${organizationUrl}/history`);
    await check(page, '/organizations/:id/history');
    const history = (await page.textContent('main')) ?? '';
    assert.match(history, /Organization created/);
    assert.match(history, /Facility registered/);

    for (const path of ['/organizations', '/organizations/join', '/facilities', '/history', '/history/me', '/profile', '/profile/password', '/profile/security-questions']) {
      await page.goto(`${server.baseUrl}${path}`);
      await check(page, path);
    }
    await context.close();
  });

  it('five wrong passwords lock the account and e-mail its owner', async () => {
    const { context, page } = await newPage();
    for (let i = 0; i < 5; i++) await signIn(page, 'dana@example.org', 'not the password at all');
    await signIn(page, 'dana@example.org', NEW_PASSWORD);
    assert.match((await page.textContent('main')) ?? '', /locked/i);
    await check(page, '/sign-in locked');
    await waitForMail(server, /To: dana@example\.org[\s\S]*locked/i);
    await context.close();
  });

  it('staff and public pages pass axe and fit a 360-pixel phone', async () => {
    for (const [email, paths] of [
      [null, ['/', '/sign-in', '/register', '/forgot-password', '/verify-email/resend', '/no-such-page', '/dev/mail']],
      ['lrp@demo.outfall.test', ['/organizations', '/facilities', '/history', '/profile']],
      ['reviewer.menominee@demo.outfall.test', ['/review', '/facilities', '/jurisdictions/menominee/history']],
      ['admin.menominee@demo.outfall.test', ['/admin/staff']],
    ] as const) {
      for (const width of [1280, 360]) {
        const { context, page } = await newPage(width);
        if (email) await signIn(page, email, DEMO_PASSWORD);
        for (const path of paths) {
          await page.goto(`${server.baseUrl}${path}`);
          await check(page, `${path} as ${email ?? 'public'} at ${width}px`);
          if (width === 360) assert.equal(await fitsWidth(page), true, `${path} scrolls sideways at 360 px`);
        }
        if (email) {
          // Pages of records: the first facility and the first mail message.
          await page.goto(`${server.baseUrl}/facilities`);
          const first = page.locator('main a[href^="/facilities/"]').first();
          if (await first.count()) {
            await first.click();
            await check(page, `/facilities/:id as ${email} at ${width}px`);
          }
        }
        await context.close();
      }
    }
    const { context, page } = await newPage(360);
    await page.goto(`${server.baseUrl}/dev/mail`);
    const message = page.locator('main a[href^="/dev/mail/"]').first();
    if (await message.count()) {
      await message.click();
      await check(page, '/dev/mail/:id at 360px');
    }
    await context.close();
  });

  it('found no accessibility violation on any page', () => {
    assert.ok(checked.length >= 30, `checked ${checked.length} pages`);
    assert.equal(violations.join('\n'), '');
  });
});
