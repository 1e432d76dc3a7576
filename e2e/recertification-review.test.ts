// The reviewers' NEC recertification list in Debian's chromium against the real `outfall
// serve` (demo data, the hourly sweep scheduled): from Review to the list, filter by state
// without JavaScript, download the CSV. axe-core checks the page at desktop width and at 360
// pixels.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeViolations, findAccessibilityViolations, fitsWidth, launchChromium } from './support/chromium.ts';
import { DEMO_PASSWORD } from './support/demo-sign-in.ts';
import { startOutfall, type RunningOutfall } from './support/outfall-server.ts';

describe('NEC recertifications, as a Menominee reviewer', () => {
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

  it('finds the list from Review, filters it by state without JavaScript and downloads it as CSV', async () => {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.fill('#email', 'reviewer.menominee@demo.outfall.test');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('main button[type=submit]');
    await page.goto(`${server.baseUrl}/review`);
    await page.click('text=NEC recertifications');
    assert.equal(new URL(page.url()).pathname, '/review/recertifications');

    const rows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));
    const neopit = rows.find((r) => r[1] === 'Neopit Steel Fabrication');
    assert.ok(neopit, `the NEC due soon is listed: ${JSON.stringify(rows)}`);
    assert.match(neopit[5] ?? '', /^Due in \d+ days$/);
    assert.ok(rows.some((r) => r[1] === 'Zoar Transfer Station' && r[5] === 'Certified, not yet due'));
    assert.ok(!rows.some((r) => r[1] === 'West Sacramento Metal Works'), 'not another jurisdiction\'s NEC');

    await page.selectOption('#state', 'due-soon');
    await page.click('text=Show NECs');
    assert.equal(new URL(page.url()).search, '?state=due-soon');
    const dueSoon = await page.$$eval('table tbody tr th', (ths) => ths.map((th) => th.textContent?.trim()));
    assert.equal(dueSoon.length, 1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these NECs as CSV')]);
    assert.match(download.suggestedFilename(), /^nec-recertifications-all-jurisdictions-due-soon-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
    assert.equal(csv[0], 'WDID,Facility,Organization,Jurisdiction,Last certification,Due date,State');
    assert.match(csv[1] ?? '', /,Neopit Steel Fabrication,Demo Manufacturing Co\.,.*,Due in \d+ days$/);
    assert.equal(csv.length, 3);
    await context.close();
  });

  it('passes axe at desktop width and fits a 360-pixel screen', async () => {
    const violations: string[] = [];
    for (const width of [1280, 360]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.fill('#email', 'reviewer.menominee@demo.outfall.test');
      await page.fill('#password', DEMO_PASSWORD);
      await page.click('main button[type=submit]');
      await page.goto(`${server.baseUrl}/review/recertifications`);
      const found = await findAccessibilityViolations(page);
      if (found.length) violations.push(describeViolations(`/review/recertifications at ${width} px`, found));
      if (width === 360) assert.ok(await fitsWidth(page), 'no sideways scrolling at 360 px');
      await context.close();
    }
    assert.deepEqual(violations, []);
  });
});
