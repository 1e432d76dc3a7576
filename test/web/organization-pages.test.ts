import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrganizationWithMembers, createPerson, signInAs, type TestPerson } from '../support/people.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('organization pages over HTTP', () => {
  let t: TestContext;
  let founder: TestPerson, reviewer: TestPerson, admin: TestPerson;
  let browser: TestBrowser;

  before(async () => {
    t = await createTestContext();
    founder = await createPerson(t, { name: 'Fran Founder' });
    reviewer = await createPerson(t, { name: 'Rita Reviewer', staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    admin = await createPerson(t, { name: 'Ada Admin', staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] });
    browser = new TestBrowser(t.app);
    await signInAs(t, browser, founder.id);
  });
  after(() => t.close());

  it('sends a visitor who is not signed in to sign in', async () => {
    const response = await new TestBrowser(t.app).get('/organizations');
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/sign-in\?next=%2Forganizations/);
  });

  it('creates an organization: it appears in /organizations and its audit row exists', async () => {
    const form = await browser.get('/organizations/new');
    assert.equal(form.status, 200);
    assert.match(await form.text(), /Menominee Indian Reservation/);
    const response = await browser.post('/organizations', {
      name: 'Wolf River Timber',
      kind: 'company',
      jurisdictionId: 'menominee',
      address: 'P.O. Box 1, Keshena, WI 54135',
      phone: '715-555-0199',
    });
    assert.equal(response.status, 303);
    const location = response.headers.get('location')!;
    const organizationId = /\/organizations\/([0-9a-f-]+)/.exec(location)![1]!;
    const page = await (await browser.get(location)).text();
    assert.match(page, /<h1>Wolf River Timber<\/h1>/);
    assert.match(page, /Awaiting confirmation by the authority/);
    assert.match(page, new RegExp(`/organizations/${organizationId}/history`));
    const list = await (await browser.get('/organizations')).text();
    assert.match(list, /Wolf River Timber/);
    assert.match(list, /Legally Responsible Person/);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'organization.created').executeTakeFirstOrThrow();
    assert.equal(audit.organization_id, organizationId);
    assert.equal(audit.actor_user_id, founder.id);
    assert.equal(audit.user_agent, 'test-browser');
  });

  it('keeps the values and names the fields when the form is wrong', async () => {
    const response = await browser.post('/organizations', { name: 'Half Done Inc', kind: '', jurisdictionId: 'menominee', address: '', phone: '12' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /href="#kind"/);
    assert.match(html, /href="#address"/);
    assert.match(html, /href="#phone"/);
    assert.match(html, /value="Half Done Inc"/);
  });

  it('lets a reviewer confirm the LRP from /review, and shows Review in the navigation', async () => {
    const reviewing = new TestBrowser(t.app);
    await signInAs(t, reviewing, reviewer.id);
    const queue = await (await reviewing.get('/review')).text();
    assert.match(queue, /href="\/review"/);
    assert.match(queue, /Wolf River Timber/);
    const membershipId = /\/review\/lrp-confirmations\/([0-9a-f-]+)/.exec(queue)![1]!;
    const response = await reviewing.post(`/review/lrp-confirmations/${membershipId}`, {});
    assert.equal(response.status, 303);
    assert.match(await (await reviewing.get('/review?notice=confirmed')).text(), /No organization is waiting/);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'membership.lrp-confirmed').executeTakeFirstOrThrow();
    assert.equal(audit.actor_user_id, reviewer.id);
    assert.equal((await browser.get('/review')).status, 403);
  });

  it('lets someone search, ask to join, and the confirmed LRP approve; the last LRP cannot be removed', async () => {
    const joiner = await createPerson(t, { name: 'Jo Joiner' });
    const joining = new TestBrowser(t.app);
    await signInAs(t, joining, joiner.id);
    const search = await (await joining.get('/organizations/join?q=wolf')).text();
    const organizationId = /\/organizations\/([0-9a-f-]+)\/join-requests/.exec(search)![1]!;
    const missingRole = await joining.post(`/organizations/${organizationId}/join-requests`, { role: '', q: 'wolf' });
    assert.equal(missingRole.status, 400);
    assert.match(await missingRole.text(), new RegExp(`href="#role-${organizationId}"`));
    assert.equal((await joining.post(`/organizations/${organizationId}/join-requests`, { role: 'dar', q: 'wolf' })).status, 303);
    assert.equal((await joining.get(`/organizations/${organizationId}`)).status, 403);

    const page = await (await browser.get(`/organizations/${organizationId}`)).text();
    assert.match(page, /Requests to join/);
    const approve = new RegExp(`/organizations/${organizationId}/members/([0-9a-f-]+)/approve`).exec(page)!;
    assert.equal((await browser.post(approve[0], {})).status, 303);
    assert.match(await (await joining.get(`/organizations/${organizationId}`)).text(), /Jo Joiner/);

    const founderRow = await t.services.db.selectFrom('memberships').select('id').where('user_id', '=', founder.id).executeTakeFirstOrThrow();
    const refused = await browser.post(`/organizations/${organizationId}/members/${founderRow.id}/remove`, {});
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /only confirmed Legally Responsible Person/);
  });

  it('lets an administrator grant a staff role by e-mail, with a clear error for an unknown e-mail', async () => {
    const administering = new TestBrowser(t.app);
    await signInAs(t, administering, admin.id);
    const unknown = await administering.post('/admin/staff', { email: 'nobody@example.test', jurisdictionId: 'menominee', role: 'reviewer' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /There is no account with this e-mail address/);
    const granted = await administering.post('/admin/staff', { email: founder.email, jurisdictionId: 'menominee', role: 'reviewer' });
    assert.equal(granted.status, 303);
    assert.match(await (await administering.get('/admin/staff')).text(), /Fran Founder/);
    assert.equal((await browser.post('/admin/staff', { email: founder.email, jurisdictionId: 'menominee', role: 'administrator' })).status, 403);
  });

  it('answers 404 for an unknown organization', async () => {
    const other = await createPerson(t);
    await createOrganizationWithMembers(t, { members: [{ userId: other.id, role: 'lrp' }] });
    assert.equal((await browser.get('/organizations/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await browser.get('/organizations/nonsense')).status, 404);
  });
});
