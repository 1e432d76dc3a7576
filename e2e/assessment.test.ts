// Issue 3's "Do I need a permit?" tried in a browser without an account, from the first
// question to the findings, with JavaScript off (the questionnaire must not need it) and
// axe-core on every step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, findAccessibilityViolations, launchChromium } from './support/chromium.ts';
import { startOutfall, type RunningOutfall } from './support/outfall-server.ts';

describe('Do I need a permit? in a browser', () => {
  let server: RunningOutfall;
  let browser: Browser;
  before(async () => {
    server = await startOutfall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // axe needs JavaScript; the walk runs without it. Every step is a GET, so its URL
  // reopens the same page in a second, scripted context for the check.
  let checker: Page;
  async function expectAccessible(page: Page, violations: string[]): Promise<void> {
    await checker.goto(page.url());
    const found = await findAccessibilityViolations(checker);
    if (found.length) violations.push(describeViolations(page.url(), found));
  }

  it('a 2.5-acre construction site on the Menominee Reservation: NOI due two days before construction, citing I.B(2)', async () => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    checker = await (await browser.newContext({ bypassCSP: true, viewport: { width: 360, height: 800 } })).newPage();
    const violations: string[] = [];
    page.setDefaultTimeout(10_000);
    await page.goto(server.baseUrl);
    await page.click('a[href="/assessment"]');
    await expectAccessible(page, violations);

    await page.click('label[for="jurisdiction-menominee"], label[for="jurisdiction"]');
    await page.click('main button[type=submit]');
    await expectAccessible(page, violations);
    await page.click('label[for="activity"]'); // the first choice is construction
    await page.click('main button[type=submit]');
    await expectAccessible(page, violations);

    // Answer whatever the questionnaire asks next until the findings appear.
    for (let step = 0; step < 10 && !(await page.locator('h2', { hasText: 'What to file next' }).count()); step++) {
      if (await page.locator('#acres').count()) await page.fill('#acres', '2.5');
      if (await page.locator('#constructionStart').count()) await page.fill('#constructionStart', '2027-03-01');
      await page.click('main button[type=submit]');
      await expectAccessible(page, violations);
    }
    const text = (await page.textContent('main')) ?? '';
    assert.match(text, /Menominee I\.B\(2\)/);
    assert.match(text, /2027-02-27|February 27, 2027|27 February 2027/);
    assert.match(text, /Notice of Intent/);
    assert.equal(violations.join('\n'), '');
    await context.close();
  });
});
