import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrganizationWithMembers, createPerson, signInAs, type TestOrganization } from '../support/people.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

const facility = {
  name: 'Keshena Sawmill',
  address: 'W2908 Tribal Office Loop',
  city: 'Keshena',
  state: 'WI',
  zip: '54135',
  county: 'Menominee',
  latitude: '44.8705',
  longitude: '-88.6251',
  receivingWaters: 'Wolf River',
  dischargesToMs4: 'yes',
  ms4Name: 'Shawano MS4',
  inIndianCountry: 'yes',
  sicCodes: '2421',
  naicsCodes: '321113',
  jurisdictionId: '',
};

describe('facility pages over HTTP', () => {
  let t: TestContext;
  let member: TestBrowser, outsider: TestBrowser, reviewer: TestBrowser;
  let org: TestOrganization;

  before(async () => {
    t = await createTestContext();
    const dar = await createPerson(t);
    const other = await createPerson(t);
    org = await createOrganizationWithMembers(t, { name: 'Wolf River Timber', members: [{ userId: dar.id, role: 'dar' }] });
    await createOrganizationWithMembers(t, { name: 'Other Org', members: [{ userId: other.id, role: 'lrp' }] });
    member = new TestBrowser(t.app);
    outsider = new TestBrowser(t.app);
    reviewer = new TestBrowser(t.app);
    await signInAs(t, member, dar.id);
    await signInAs(t, outsider, other.id);
    await signInAs(t, reviewer, (await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] })).id);
  });
  after(() => t.close());

  let facilityPath = '';

  it('refuses a bad latitude with 400, an error summary linking to #latitude, and every other value kept', async () => {
    const form = await member.get(`/facilities/new?organization=${org.id}`);
    assert.equal(form.status, 200);
    const response = await member.post('/facilities', { ...facility, organizationId: org.id, latitude: '-90.5' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<a href="#latitude">Latitude: Enter a latitude between -90 and 90<\/a>/);
    assert.match(html, /id="latitude-error"/);
    assert.match(html, /value="-90.5"/);
    for (const kept of ['Keshena Sawmill', 'W2908 Tribal Office Loop', 'Shawano MS4', '321113']) assert.match(html, new RegExp(`value="${kept}"`));
    assert.match(html, new RegExp(`<option value="${org.id}" selected`));
    assert.match(html, /id="dischargesToMs4" type="radio" name="dischargesToMs4" value="yes" checked/);
    assert.equal(await t.services.db.selectFrom('facilities').select('id').executeTakeFirst(), undefined);
  });

  it('registers a good facility: redirect, the page shows it, the audit row exists', async () => {
    const response = await member.post('/facilities', { ...facility, organizationId: org.id });
    assert.equal(response.status, 303);
    facilityPath = response.headers.get('location')!.split('?')[0]!;
    const html = await (await member.get(facilityPath)).text();
    assert.match(html, /<h1>Keshena Sawmill<\/h1>/);
    assert.match(html, /44\.870500/);
    assert.match(html, /Yes: Shawano MS4/);
    assert.match(await (await member.get('/facilities')).text(), /Keshena Sawmill/);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'facility.registered').executeTakeFirstOrThrow();
    assert.equal(audit.organization_id, org.id);
    assert.equal(audit.jurisdiction_id, 'menominee');
    assert.equal(`/facilities/${audit.subject_id}`, facilityPath);
  });

  it('edits it, auditing only what changed', async () => {
    const form = await (await member.get(`${facilityPath}/edit`)).text();
    assert.match(form, /value="44.8705"/);
    const response = await member.post(facilityPath, { ...facility, county: 'Shawano' });
    assert.equal(response.status, 303);
    const audit = await t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'facility.updated').executeTakeFirstOrThrow();
    assert.deepEqual(audit.data, { previous: { county: 'Menominee' }, new: { county: 'Shawano' } });
  });

  it('gives another organization\'s member the public page only (403 to edit), the jurisdiction\'s reviewer a read-only view, and 404 for an unknown id', async () => {
    // A registered facility is listed publicly (issue 6): a non-member sees its public
    // page, without the members' details or an edit link.
    const publicPage = await outsider.get(facilityPath);
    assert.equal(publicPage.status, 200);
    const publicHtml = await publicPage.text();
    assert.match(publicHtml, /Public record/);
    assert.doesNotMatch(publicHtml, /\/edit"/);
    assert.doesNotMatch(publicHtml, /Shawano MS4/);
    assert.equal((await outsider.get(`${facilityPath}/edit`)).status, 403);
    assert.equal((await outsider.post(facilityPath, { ...facility, name: 'Taken' })).status, 403);
    assert.equal((await outsider.get(`/facilities/new?organization=${org.id}`)).status, 403);
    assert.doesNotMatch(await (await outsider.get('/facilities')).text(), /Keshena Sawmill/);
    const read = await reviewer.get(facilityPath);
    assert.equal(read.status, 200);
    assert.doesNotMatch(await read.text(), /\/edit"/);
    assert.equal((await reviewer.get(`${facilityPath}/edit`)).status, 403);
    assert.equal((await member.get('/facilities/00000000-0000-4000-8000-000000000000')).status, 404);
  });
});
