// Issue 6's public portal tried as a new visitor would, with no account, in Debian's
// chromium against the real `outfall serve` on fresh demo data: from the home page follow
// "Search facilities", search a misspelled demo facility, open its page, see the map
// container and a sampling chart, download the CSV. axe-core checks the search and facility
// pages (WCAG 2.1 A/AA). The browser has no network beyond the server, so map tiles do not
// load: the page must show everything else regardless.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { describeViolations, findAccessibilityViolations, launchChromium } from './support/chromium.ts';
import { startOutfall, type RunningOutfall } from './support/outfall-server.ts';

describe('public search, as a visitor with no account', () => {
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

  it('finds a misspelled facility, opens its page with map and chart, and downloads the CSV', async () => {
    // bypassCSP only so axe can be injected; the app's own pages need no inline script.
    const context = await browser.newContext({ bypassCSP: true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    // Tiles would come from the internet: refuse them at once, as an offline network would.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (label: string) => {
      const found = await findAccessibilityViolations(page);
      if (found.length) violations.push(describeViolations(label, found));
    };

    await page.goto(server.baseUrl);
    await Promise.all([page.waitForURL(/\/search$/), page.click('main >> text=Search facilities')]);
    await check('/search');

    await page.fill('#q', 'Keshna Sawmil');
    await Promise.all([page.waitForURL(/\/search\?q=Keshna\+Sawmil/), page.click('main button[type=submit]')]);
    const results = page.locator('main table tbody tr');
    assert.ok((await results.count()) >= 1);
    assert.equal((await results.first().locator('th a').textContent())?.trim(), 'Keshena Sawmill');
    await check('/search?q=Keshna+Sawmil');

    await Promise.all([page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/), results.first().locator('th a').click()]);
    assert.equal(await page.locator('h1').textContent(), 'Keshena Sawmill');
    assert.match((await page.locator('main').textContent()) ?? '', /Latitude 44\.883600, longitude -88\.633700/);
    const map = page.locator('#facility-map');
    assert.equal(await map.count(), 1);
    await page.waitForSelector('#facility-map[data-map-ready="true"]');
    assert.equal(await map.isVisible(), true);
    const charts = page.locator('svg.outfall-chart[role="img"]');
    assert.ok((await charts.count()) >= 1);
    assert.match((await charts.first().locator('title').first().textContent()) ?? '', /over time/);
    await check('/facilities/:id');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the sampling results as CSV')]);
    assert.match(download.suggestedFilename(), /^sampling-.*\.csv$/);
    const file = await download.path();
    const csv = fs.readFileSync(file, 'utf8');
    assert.equal(csv.split('\r\n')[0], 'WDID,Date/time of sample collection,Monitoring Location Latitude,Monitoring Location Longitude,Parameter,Result,Units,Latitude,Longitude,DateEntered');
    assert.match(csv, /pH,7\.2,SU/);

    await page.goto(`${server.baseUrl}/search?q=Keshna+Sawmil`);
    const [facilities] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these results as CSV')]);
    assert.equal(facilities.suggestedFilename(), 'facilities.csv');
    const header = fs.readFileSync(await facilities.path(), 'utf8').split('\r\n')[0]!;
    assert.ok(header.startsWith('WDID,FACILITY_NAME,OPERATOR_NAME,FACILITY_CITY,FACILITY_COUNTY,STATUS_CODE_NAME'), header);

    await context.close();
    assert.deepEqual(violations, []);
  });
});
