// Issue 4 tried as a new user would, in a browser against `npm start`'s server: a Data
// Submitter drafts an NEC for a demo facility; the LRP without an eAuthorization cannot sign
// and sees why; a reviewer records the eAuthorization; the LRP signs with password and
// security answer; the copy of record downloads; /verify and `outfall verify` accept it and
// reject a copy with one byte changed; the reviewer accepts and the permit ID appears.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { accessibilityLog, launchChromium } from './support/chromium.ts';
import { DEMO_PASSWORD, signInAsDemoUser } from './support/demo-sign-in.ts';
import { startOutfall, type RunningOutfall } from './support/outfall-server.ts';

const run = promisify(execFile);

describe('filings signed with an eAuthorization: an NEC verified and accepted; a construction NOI returned once and accepted', () => {
  let server: RunningOutfall;
  let browser: Browser;
  const { violations, check } = accessibilityLog();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-e2e-copies-'));

  before(async () => {
    server = await startOutfall();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (email: string) => signInAsDemoUser(browser, server.baseUrl, email);

  let filingUrl = '';
  let submissionUrl = '';

  it('a Data Submitter drafts an NEC for a demo facility, step by step', async () => {
    const { context, page } = await as('submitter@demo.outfall.test');
    await page.goto(`${server.baseUrl}/facilities`);
    await page.click('main a:has-text("Keshena Sawmill")');
    const facilityId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`${server.baseUrl}/facilities/${facilityId}/filings/new?kind=nec`);
    await check(page);
    await page.click('label[for="kind-nec"]');
    await page.click('main form[action$="/filings"] button[type=submit]');
    // Every step: prefilled details stand; each exposure question answered No.
    for (let step = 0; step < 8 && /\/steps\//.test(page.url()); step++) {
      await check(page);
      for (const label of await page.locator('main label[for$="-no"]').all()) await label.click();
      await page.click('main button[value="save"], main form button[type=submit] >> nth=-1');
      await page.waitForLoadState('load');
    }
    assert.match(page.url(), /\/filings\/[0-9a-f-]{36}$/);
    filingUrl = page.url();
    await check(page);
    assert.match((await page.textContent('main')) ?? '', /No Exposure Certification/);
    await context.close();
  });

  it('the LRP without an eAuthorization cannot sign, and the page says why', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await page.goto(`${filingUrl}/sign`);
    await check(page);
    const text = (await page.textContent('main')) ?? '';
    assert.match(text, /Electronic Signature Agreement|eAuthorization/i);
    assert.equal(await page.locator('main button[type=submit]:enabled').count(), 0);
    await context.close();
  });

  it('a reviewer records the eAuthorization as received', async () => {
    const { context, page } = await as('reviewer.menominee@demo.outfall.test');
    await page.goto(`${server.baseUrl}/review/e-authorizations`);
    await check(page);
    await page.click('main button[aria-label*="Lena Waukau"]'); // the demo LRP
    await page.waitForLoadState('load');
    await context.close();
  });

  it('the LRP signs with password and security answer; the copy of record downloads and verifies', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await page.goto(`${filingUrl}/sign`);
    await check(page);
    await page.click('label[for="certify"]');
    await page.fill('#password', DEMO_PASSWORD);
    await page.fill('#securityAnswer', 'demo');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}/);
    submissionUrl = page.url().split('?')[0]!;
    await check(page);

    const pdf = Buffer.from(await (await page.request.get(`${submissionUrl}/copy-of-record.pdf`)).body());
    const json = Buffer.from(await (await page.request.get(`${submissionUrl}/copy-of-record.json`)).body());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    fs.writeFileSync(path.join(work, 'copy.pdf'), pdf);
    fs.writeFileSync(path.join(work, 'copy.json'), json);
    const altered = Buffer.from(pdf);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0x01;
    fs.writeFileSync(path.join(work, 'altered.pdf'), altered);

    for (const [file, expected] of [
      ['copy.pdf', /authentic/i],
      ['altered.pdf', /not (authentic|a copy of record)|altered|no copy of record/i],
    ] as const) {
      await page.goto(`${server.baseUrl}/verify`);
      await page.setInputFiles('#file', path.join(work, file));
      await page.click('main button[type=submit]');
      await page.waitForLoadState('load');
      await check(page);
      assert.match((await page.textContent('main')) ?? '', expected, file);
    }
    await context.close();
  });

  it('the reviewer accepts and the permit ID appears for the discharger', async () => {
    const { context, page } = await as('reviewer.menominee@demo.outfall.test');
    await page.goto(`${server.baseUrl}/review/filings`);
    await check(page);
    const filingId = filingUrl.split('/').at(-1)!;
    await page.goto(`${server.baseUrl}/review/filings/${filingId}`);
    await check(page);
    await page.click('main button:has-text("Accept and assign the permit ID")');
    await page.waitForLoadState('load');
    const permitId = /MEN-[A-Z]-\d{4}-\d{5}/.exec((await page.textContent('main')) ?? '')?.[0];
    assert.ok(permitId, 'a permit ID is shown to the reviewer');
    await context.close();

    const lrp = await as('lrp@demo.outfall.test');
    await lrp.page.goto(`${server.baseUrl}/filings/${filingId}/history`);
    await check(lrp.page);
    assert.match((await lrp.page.textContent('main')) ?? '', new RegExp(permitId));
    await lrp.context.close();
  });

  // Answers for the construction NOI's fields, by field name.
  const noiAnswers: Record<string, string> = {
    operatorName: 'Demo Manufacturing Co.',
    operatorAddress: 'N2950 Highway 47, Keshena, WI 54135',
    operatorPhone: '715-555-0101',
    siteName: 'Keshena Yard Expansion',
    siteAddress: 'N3010 Highway 47, Keshena, WI 54135',
    siteCounty: 'Menominee',
    latitude: '44.885',
    longitude: '-88.634',
    receivingWaters: 'Wolf River',
    startDate: '2027-05-03',
    completionDate: '2027-10-29',
    acresDisturbed: '2.5',
  };

  /** Answers every empty field of the current step, then saves it. */
  async function answerStep(page: Page): Promise<void> {
    for (const input of await page.locator('main input[type=text], main input[type=tel], main input[type=date], main input[type=number], main textarea').all()) {
      const name = (await input.getAttribute('name')) ?? '';
      if (noiAnswers[name] && !(await input.inputValue())) await input.fill(noiAnswers[name]!);
    }
    for (const select of await page.locator('main select').all()) {
      if (!(await select.inputValue())) await select.selectOption({ index: 1 });
    }
    for (const radio of await page.locator('main input[type=radio][value=no]').all()) {
      const name = (await radio.getAttribute('name')) ?? '';
      if (await page.locator(`main input[name="${name}"]:checked`).count()) continue;
      // A SWPPP must exist before construction (§512-30 A(2)(e)); every species step: no.
      const id = name === 'swpppDeveloped' ? name : `${name}-no`;
      await page.click(`label[for="${id}"]`);
    }
    await page.click('main button[value="save"]');
    await page.waitForLoadState('load');
  }

  async function signAsLrp(page: Page, filingId: string): Promise<void> {
    await page.goto(`${server.baseUrl}/filings/${filingId}/sign`);
    await check(page);
    await page.click('label[for="certify"]');
    await page.fill('#password', DEMO_PASSWORD);
    await page.fill('#securityAnswer', 'demo');
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/submissions\/[0-9a-f-]{36}/);
  }

  let noiId = '';

  it('a construction NOI is signed by the LRP and returned once by the reviewer with reasons', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await page.goto(`${server.baseUrl}/facilities/new`);
    await page.fill('#name', 'Keshena Yard Expansion');
    await page.fill('#address', 'N3010 Highway 47');
    await page.fill('#city', 'Keshena');
    await page.fill('#state', 'WI');
    await page.fill('#zip', '54135');
    await page.fill('#county', 'Menominee');
    await page.fill('#latitude', '44.885');
    await page.fill('#longitude', '-88.634');
    await page.fill('#receivingWaters', 'Wolf River');
    await page.click('label[for="dischargesToMs4-no"]');
    await page.click('label[for="inIndianCountry"]');
    await page.fill('#sicCodes', '1623'); // heavy construction: a construction site
    await page.click('main button[type=submit]');
    await page.waitForURL(/\/facilities\/[0-9a-f-]{36}(\?|$)/);
    const facilityId = new URL(page.url()).pathname.split('/')[2];

    await page.goto(`${server.baseUrl}/facilities/${facilityId}/filings/new?kind=noi-construction`);
    await page.click('label[for="kind-noi-construction"]');
    await page.click('main form[action$="/filings"] button[type=submit]');
    for (let step = 0; step < 8 && /\/steps\//.test(page.url()); step++) {
      await check(page);
      await answerStep(page);
    }
    assert.match(page.url(), /\/filings\/[0-9a-f-]{36}$/, `stuck at ${page.url()}: ${await page.textContent('main')}`);
    noiId = page.url().split('/').at(-1)!;
    await signAsLrp(page, noiId);
    await context.close();

    const reviewer = await as('reviewer.menominee@demo.outfall.test');
    await reviewer.page.goto(`${server.baseUrl}/review/filings/${noiId}`);
    await reviewer.page.fill('#return-reasons', 'The receiving water must name the tributary: West Branch Wolf River.');
    await reviewer.page.click('main button:has-text("Return with these reasons")');
    await reviewer.page.waitForLoadState('load');
    await reviewer.context.close();
  });

  it('the LRP sees the reasons, corrects the NOI, signs again, and the reviewer accepts it', async () => {
    const { context, page } = await as('lrp@demo.outfall.test');
    await page.goto(`${server.baseUrl}/filings/${noiId}/history`);
    await check(page);
    assert.match((await page.textContent('main')) ?? '', /West Branch Wolf River/);
    await page.goto(`${server.baseUrl}/filings/${noiId}/steps/project`);
    await page.fill('#receivingWaters', 'West Branch Wolf River');
    await page.click('main button[value="save"]');
    await page.waitForLoadState('load');
    await signAsLrp(page, noiId);
    await context.close();

    const reviewer = await as('reviewer.menominee@demo.outfall.test');
    await reviewer.page.goto(`${server.baseUrl}/review/filings/${noiId}`);
    await reviewer.page.click('main button:has-text("Accept and assign the permit ID")');
    await reviewer.page.waitForLoadState('load');
    const permitId = /MEN-C-\d{4}-\d{5}/.exec((await reviewer.page.textContent('main')) ?? '')?.[0];
    assert.ok(permitId, 'a construction permit ID is assigned');
    await reviewer.context.close();

    const lrp = await as('lrp@demo.outfall.test');
    await lrp.page.goto(`${server.baseUrl}/filings/${noiId}/history`);
    const history = (await lrp.page.textContent('main')) ?? '';
    assert.match(history, new RegExp(permitId));
    assert.match(history, /Returned|returned/);
    await lrp.context.close();
  });

  it('`outfall verify` accepts the copy of record and rejects one with a byte changed', async () => {
    await server.stop({ keepData: true });
    const env = { ...process.env, OUTFALL_DATA_DIR: server.dataDir, DATABASE_URL: '' };
    const verify = (file: string) =>
      run(process.execPath, ['bin/outfall.js', 'verify', path.join(work, file)], { env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const good = await verify('copy.pdf');
    assert.equal(good.code, 0, good.out);
    assert.equal((await verify('copy.json')).code, 0);
    assert.equal((await verify('altered.pdf')).code, 1);
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('found no accessibility violation on the way', () => assert.equal(violations.join('\n'), ''));
});
