import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAuditEvent } from '../../src/use-cases/audit/record-audit-event.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { signInAs } from '../support/people.ts';
import { createTestContext, TestBrowser, testActor, type TestContext } from '../support/test-app.ts';

describe('history pages over HTTP', () => {
  let t: TestContext;
  let organizationId: string;
  const ids = new Map<string, string>();
  before(async () => {
    t = await createTestContext();
    organizationId = (await seedDemo(t.services, { actor: testActor })).organizationId;
    for (const u of await t.services.db.selectFrom('users').select(['id', 'email']).execute()) ids.set(u.email.split('@')[0]!, u.id);
  });
  after(() => t.close());

  async function browserFor(who: string): Promise<TestBrowser> {
    const browser = new TestBrowser(t.app);
    await signInAs(t, browser, ids.get(who)!);
    return browser;
  }

  it('sends a signed-out visitor to sign in', async () => {
    const response = await new TestBrowser(t.app).get(`/organizations/${organizationId}/history`);
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location')!, /^\/sign-in\?next=/);
  });

  it('/history links to my account, my organization and nothing I may not read', async () => {
    const html = await (await (await browserFor('lrp')).get('/history')).text();
    assert.match(html, /<h1>History<\/h1>/);
    assert.match(html, /href="\/history\/me"/);
    assert.ok(html.includes(`href="/organizations/${organizationId}/history"`));
    assert.doesNotMatch(html, /\/jurisdictions\//);
    const reviewer = await (await (await browserFor('reviewer.menominee')).get('/history')).text();
    assert.match(reviewer, /href="\/jurisdictions\/menominee\/history"/);
  });

  it("shows the organization's history as a table: when, what, who, on what, from where, the change, row and hash", async () => {
    const response = await (await browserFor('lrp')).get(`/organizations/${organizationId}/history`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>History of Demo Manufacturing Co\.<\/h1>/);
    assert.match(html, /<caption>6 recorded events, newest first \(page 1 of 1\)<\/caption>/);
    for (const column of ['When', 'What', 'Who', 'On what', 'From where', 'Change', 'Row and hash']) assert.ok(html.includes(`<th scope="col">${column}</th>`), column);
    assert.match(html, /<th scope="row">Facility registered<\/th>/);
    assert.match(html, /Keshena Sawmill/);
    assert.match(html, /<dt>receivingWaters<\/dt><dd>Wolf River<\/dd>/);
    assert.match(html, /<time datetime="2026-11-22T15:00:00.000Z">2026-11-22 15:00 UTC<\/time>/);
    assert.match(html, /class="outfall-table-wrap"/);
    const first = await t.services.db.selectFrom('audit_events').select(['seq', 'hash']).where('event_type', '=', 'organization.created').executeTakeFirstOrThrow();
    assert.ok(html.includes(first.hash.slice(0, 12)), 'the short hash of the row');
  });

  it('renders a change as "field: old → new"', async () => {
    const browser = await browserFor('reviewer.menominee');
    await t.services.db.transaction().execute((tx) =>
      recordAuditEvent(tx, t.clock, {
        type: 'organization.updated',
        data: { previous: { phone: '715-555-0100' }, new: { phone: '715-555-0199' } },
        actor: { userId: ids.get('lrp')!, ip: '203.0.113.7', userAgent: 'test' },
        actorRole: 'lrp',
        organizationId,
        jurisdictionId: 'menominee',
        subject: { type: 'organization', id: organizationId },
      }),
    );
    const html = await (await browser.get('/jurisdictions/menominee/history')).text();
    assert.match(html, /<h1>History of Menominee Indian Reservation<\/h1>/);
    assert.match(html, /<dt>phone<\/dt><dd>715-555-0100 → 715-555-0199<\/dd>/);
    assert.match(html, /Lena Waukau<div class="usa-hint">Legally Responsible Person<\/div>/);
    assert.match(html, /203\.0\.113\.7/);
  });

  it('refuses a Data Submitter the organization history and another jurisdiction, with the error page', async () => {
    const submitter = await browserFor('submitter');
    const refused = await submitter.get(`/organizations/${organizationId}/history`);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /You cannot do this/);
    const reviewer = await browserFor('reviewer.california');
    assert.equal((await reviewer.get('/jurisdictions/menominee/history')).status, 403);
    assert.equal((await reviewer.get('/jurisdictions/atlantis/history')).status, 404);
  });

  it('shows my account history', async () => {
    const html = await (await (await browserFor('admin.california')).get('/history/me')).text();
    assert.match(html, /<h1>My account history<\/h1>/);
    assert.match(html, /Authority role granted/);
  });
});
