// Issue 5 tried as a new user who knows SMARTS would, in a browser against `npm start`'s
// server and its demo data: the demo LRP opens Recertification › Industrial, picks the WDID
// of the NEC that is due, learns that without an eAuthorization it cannot be recertified; a
// reviewer records the agreement; the LRP answers the eleven questions, ticks the box,
// enters password and security answer, presses "Recertify", gets the confirmation, follows
// "Print" and downloads the current NEC and the Original NEC; the print page is laid out
// for paper (no navigation) by the print stylesheet.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { accessibilityLog, launchChromium } from './support/chromium.ts';
import { DEMO_PASSWORD, signInAsDemoUser } from './support/demo-sign-in.ts';
import { startOutfall, type RunningOutfall } from './support/outfall-server.ts';


describe('NEC recertification, steps 1–6 of the SMARTS guide', () => {
  let server: RunningOutfall;
  let browser: Browser;
  const { violations, check } = accessibilityLog();

  before(async () => {
    server = await startOutfall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (email: string) => signInAsDemoUser(browser, server.baseUrl, email);

  /** Steps 1–4: main menu "Recertification", then "Industrial", then the NEC's WDID. */
  async function openPendingNec(page: Page): Promise<void> {
    await page.click('nav a:has-text("Recertification")');
    await page.waitForURL(/\/recertification$/);
    await check(page);
    await page.click('main a:has-text("Industrial")');
    await page.waitForURL(/\/recertification\/industrial$/);
    await check(page);
    const row = page.locator('main tr', { hasText: 'Neopit Steel Fabrication' });
    assert.equal(await row.count(), 1, 'the NEC due for recertification is listed');
    assert.match((await row.textContent()) ?? '', /MEN-X-\d{4}-\d{5}/, 'by its WDID');
    assert.equal(await page.locator('main tr', { hasText: 'Zoar Transfer Station' }).count(), 0, 'a current NEC is not listed');
    await row.locator('a').click();
    await page.waitForURL(/\/recertification\/industrial\/[0-9a-f-]{36}$/);
  }

  it('without an eAuthorization on file the LRP is told how to get one and cannot recertify', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await openPendingNec(page);
    await check(page);
    assert.match((await page.textContent('main')) ?? '', /No eAuthorization on file/);
    assert.equal(await page.locator('main button:has-text("Recertify"):enabled').count(), 0);
    await context.close();
  });

  it('a reviewer records the LRP\'s Electronic Signature Agreement', async () => {
    const { context, page } = await as('reviewer.menominee@demo.outfall.test');
    await page.goto(`${server.baseUrl}/review/e-authorizations`);
    await page.click('main button[aria-label*="Lena Waukau"]');
    await page.waitForLoadState('load');
    await context.close();
  });

  it('the LRP recertifies, sees the confirmation, and prints both NECs', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await openPendingNec(page);
    const main = (await page.textContent('main')) ?? '';
    for (const label of ['NEC details', 'Original certification date', 'Last recertification', 'Recertification statement']) assert.ok(main.includes(label), label);
    // Step 5: the 11 questions, the box, the password, the security question, "Recertify".
    const questions = page.locator('main fieldset .usa-radio__input[value="no"]');
    assert.equal(await questions.count(), 11);
    for (const letter of 'ABCDEFGHIJK') await page.click(`label[for="exposure${letter}-no"]`);
    await page.click('label[for="certify"]');
    await page.fill('#password', DEMO_PASSWORD);
    await page.fill('#securityAnswer', 'demo');
    await check(page);
    await page.click('main button:has-text("Recertify")');
    // Step 6: the confirmation, with "Print".
    await page.waitForURL(/\/confirmation\//);
    await check(page);
    assert.match((await page.textContent('h1')) ?? '', /NEC recertified/);
    await page.click('main a:has-text("Print")');
    await page.waitForURL(/\/filings\/[0-9a-f-]{36}\/print$/);
    await check(page);

    for (const label of ['Current NEC', 'Original NEC']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`main a:has-text("Download the ${label} (PDF)")`)]);
      const file = await download.path();
      assert.ok(file, `${label} downloaded`);
      const { readFileSync } = await import('node:fs');
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-', `${label} is a PDF`);
      assert.match(download.suggestedFilename(), /nec-.*\.pdf$/);
    }

    await page.click('main a:has-text("Print the Current NEC from your browser")');
    await page.waitForURL(/\/print\/current$/);
    await check(page);
    assert.match((await page.textContent('main')) ?? '', /Recertification date:\s*\d{4}-\d{2}-\d{2}/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.usa-header').isVisible(), false, 'the print stylesheet leaves the navigation off paper');
    assert.equal(await page.locator('.outfall-print-date').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    await page.goBack();
    await page.click('main a:has-text("Print the Original NEC from your browser")');
    await page.waitForURL(/\/print\/original$/);
    assert.match((await page.textContent('main')) ?? '', /Original submittal date:\s*\d{4}-\d{2}-\d{2}/);

    // The NEC's own page carries the Print tab too.
    await page.goto(page.url().replace(/\/print\/original$/, ''));
    assert.equal(await page.locator('nav[aria-label="This NEC"] a:has-text("Print")').count(), 1);
    await check(page);

    // Recertified, it is no longer pending.
    await page.goto(`${server.baseUrl}/recertification/industrial`);
    assert.equal(await page.locator('main tr', { hasText: 'Neopit Steel Fabrication' }).count(), 0);
    await context.close();
  });

  it('no page on the way has an accessibility violation', () => {
    assert.deepEqual(violations, []);
  });
});
