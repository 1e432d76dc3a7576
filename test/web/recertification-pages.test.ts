// NEC recertification over HTTP with the SMARTS guide's labels: Recertification ›
// Industrial › WDID › the recertify page › Recertify › the confirmation's Print › the NEC's
// Print tab with both PDFs; a wrong form keeps the answers; a Yes offers the NOI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, DEMO_SECURITY_ANSWER } from '../../src/use-cases/demo/demo-data.ts';
import { seedDemoNecs } from '../../src/use-cases/demo/seed-demo-necs.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { signInAs } from '../support/people.ts';
import { putEAuthorizationOnRecord } from '../support/signing-fixtures.ts';
import { createTestContext, TestBrowser, testActor, type TestContext } from '../support/test-app.ts';

let t: TestContext;
let organizationId: string;
let neopitId: string;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestContext();
  organizationId = (await seedDemo(t.services, { actor: testActor })).organizationId;
  [neopitId] = (await seedDemoNecs(t.services, { actor: testActor, organizationId })) as [string];
  for (const who of ['lrp', 'reviewer.menominee']) {
    ids[who] = (await t.services.db.selectFrom('users').select('id').where('email', '=', `${who}@demo.outfall.test`).executeTakeFirstOrThrow()).id;
  }
});
after(() => t.close());

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(match, `hidden field ${name}`);
  return match[1]!;
}

const allNo = Object.fromEntries('ABCDEFGHIJK'.split('').map((letter) => [`exposure${letter}`, 'no']));

describe('recertifying an NEC over HTTP', () => {
  let browser: TestBrowser;
  before(async () => {
    browser = new TestBrowser(t.app);
    await signInAs(t, browser, ids.lrp!);
  });

  it('Recertification is on the main menu, and its menu offers Industrial', async () => {
    const home = await (await browser.get('/')).text();
    assert.match(home, /href="\/recertification"><span>Recertification</);
    const menu = await (await browser.get('/recertification')).text();
    assert.match(menu, /href="\/recertification\/industrial">Industrial</);
  });

  it('Industrial lists the pending NECs by WDID with facility and due date', async () => {
    const html = await (await browser.get('/recertification/industrial')).text();
    assert.match(html, new RegExp(`href="/recertification/industrial/${neopitId}">MEN-X-`));
    assert.match(html, /Neopit Steel Fabrication/);
    assert.match(html, /2026-12-22/);
    assert.doesNotMatch(html, /Zoar Transfer Station/, 'a current NEC is not pending');
  });

  it('without an eAuthorization the page explains how to get one and cannot be submitted', async () => {
    const html = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    assert.match(html, /No eAuthorization on file/);
    assert.match(html, /blue ink/);
    assert.match(html, /<fieldset class="usa-fieldset" disabled="">/);
    // Note 3: the profile links each organization's agreement, to print, sign and mail.
    const profile = await (await browser.get('/profile')).text();
    assert.ok(profile.includes(`href="/organizations/${organizationId}/e-authorization"`));
  });

  it('shows the NEC details, the eleven questions, the statement and the Recertify button', async () => {
    await putEAuthorizationOnRecord(t, { userId: ids.lrp!, organizationId, reviewerId: ids['reviewer.menominee']! });
    const html = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    for (const label of ['NEC details', 'Original certification date', 'Last recertification', 'Discharger', 'Recertification statement']) assert.ok(html.includes(label), label);
    assert.equal(html.match(/type="radio" name="exposure[A-K]" value="yes"/g)?.length, 11);
    assert.match(html, /Using, storing or cleaning industrial machinery or equipment/);
    assert.match(html, />\s*Recertify\s*</);
    assert.doesNotMatch(html, /disabled=""/);
  });

  it('a form with a missing answer and no password comes back naming both, answers kept', async () => {
    const page = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    const { exposureD: _left, ...answers } = allNo;
    const response = await browser.post(`/recertification/industrial/${neopitId}`, {
      ...answers,
      certify: 'yes',
      idempotencyKey: hidden(page, 'idempotencyKey'),
      securitySlot: hidden(page, 'securitySlot'),
      password: '',
      securityAnswer: DEMO_SECURITY_ANSWER,
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /Answer question 4/);
    assert.match(html, /Enter your password/);
    assert.match(html, /name="exposureA" value="no" checked=""/);
  });

  it('a Yes explains the exposure and offers the NOI, prefilled from the facility', async () => {
    const page = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    const response = await browser.post(`/recertification/industrial/${neopitId}`, {
      ...allNo,
      exposureB: 'yes',
      idempotencyKey: hidden(page, 'idempotencyKey'),
      securitySlot: hidden(page, 'securitySlot'),
    });
    assert.equal(response.status, 409);
    const html = await response.text();
    assert.match(html, /This NEC cannot be recertified/);
    assert.match(html, /§512-30 B\(7\)\(c\)\[3\]/);
    const facilityId = (await t.services.db.selectFrom('filings').select('facility_id').where('id', '=', neopitId).executeTakeFirstOrThrow()).facility_id;
    assert.ok(html.includes(`action="/facilities/${facilityId}/filings"`));
    const started = await browser.post(`/facilities/${facilityId}/filings`, { kind: 'noi-nonconstruction' });
    assert.equal(started.status, 303);
    const draft = await t.services.db.selectFrom('filings').select('answers').where('facility_id', '=', facilityId).where('kind', '=', 'noi-nonconstruction').executeTakeFirstOrThrow();
    assert.equal((draft.answers as Record<string, unknown>).facilityName, 'Neopit Steel Fabrication');
  });

  it('Recertify → confirmation with Print → the Print tab with the current and the Original NEC as PDF and for the printer', async () => {
    const page = await (await browser.get(`/recertification/industrial/${neopitId}`)).text();
    const response = await browser.post(`/recertification/industrial/${neopitId}`, {
      ...allNo,
      certify: 'yes',
      idempotencyKey: hidden(page, 'idempotencyKey'),
      securitySlot: hidden(page, 'securitySlot'),
      password: DEMO_PASSWORD,
      securityAnswer: DEMO_SECURITY_ANSWER,
    });
    assert.equal(response.status, 303);
    const confirmation = await (await browser.get(response.headers.get('location')!)).text();
    assert.match(confirmation, /NEC recertified/);
    assert.ok(confirmation.includes(`href="/filings/${neopitId}/print"`));
    assert.match(confirmation, />\s*Print\s*</);

    const necPage = await (await browser.get(`/filings/${neopitId}`)).text();
    assert.ok(necPage.includes(`href="/filings/${neopitId}/print"`), 'the NEC page has a Print tab');
    const tab = await (await browser.get(`/filings/${neopitId}/print`)).text();
    assert.match(tab, /Current NEC/);
    assert.match(tab, /Original NEC/);
    for (const version of ['current', 'original']) {
      const pdf = await browser.get(`/filings/${neopitId}/print/${version}.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
    }
    const current = await (await browser.get(`/filings/${neopitId}/print/current`)).text();
    assert.match(current, /Recertification date:<\/strong> 2026-11-22/);
    const original = await (await browser.get(`/filings/${neopitId}/print/original`)).text();
    assert.match(original, /Original submittal date:<\/strong> 2021-12-22/);
    assert.equal((await browser.get(`/filings/${neopitId}/print/draft`)).status, 404);
  });

  it('someone signed out is sent to sign in', async () => {
    const response = await new TestBrowser(t.app).get('/recertification/industrial');
    assert.equal(response.status, 303);
  });
});
