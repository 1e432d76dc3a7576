import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addSubmission, createSubmittedFiling } from '../support/filing-review-fixtures.ts';
import { createOrganizationWithMembers, createPerson, signInAs, type TestOrganization, type TestPerson } from '../support/people.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('filing review pages', () => {
  let t: TestContext;
  let reviewer: TestPerson;
  let lrp: TestPerson;
  let submitter: TestPerson;
  let organization: TestOrganization;
  let browser: TestBrowser;

  before(async () => {
    t = await createTestContext();
    reviewer = await createPerson(t, { name: 'Rita Reviewer', staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    lrp = await createPerson(t, { name: 'Lena Responsible' });
    submitter = await createPerson(t, { name: 'Sam Submitter' });
    organization = await createOrganizationWithMembers(t, {
      name: 'Orange Grove Packing',
      jurisdictionId: 'california',
      members: [
        { userId: lrp.id, role: 'lrp' },
        { userId: submitter.id, role: 'submitter' },
      ],
    });
    browser = new TestBrowser(t.app);
    await signInAs(t, browser, reviewer.id);
  });
  after(() => t.close());

  const auditFor = (filingId: string) => t.services.db.selectFrom('audit_events').select(['event_type', 'data']).where('subject_id', '=', filingId).orderBy('seq').execute();

  it('the /review page links to the queue', async () => {
    const html = await (await browser.get('/review')).text();
    assert.match(html, /<a href="\/review\/filings">Filings awaiting review<\/a>/);
  });

  it('filters the queue by kind, status and age', async () => {
    t.clock.set('2026-11-22T15:00:00Z');
    await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'california', signerUserId: lrp.id, kind: 'nec', facilityName: 'Old Cannery', signedAt: new Date('2026-11-01T12:00:00Z') });
    await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'california', signerUserId: lrp.id, kind: 'noi-construction', facilityName: 'New Warehouse Site', signedAt: new Date('2026-11-21T12:00:00Z') });
    const menominee = await createOrganizationWithMembers(t, { jurisdictionId: 'menominee', members: [{ userId: lrp.id, role: 'lrp' }] });
    await createSubmittedFiling(t, { organizationId: menominee.id, jurisdictionId: 'menominee', signerUserId: lrp.id, facilityName: 'Keshena Sawmill' });

    const all = await (await browser.get('/review/filings')).text();
    assert.match(all, /<h1>Filings awaiting review<\/h1>/);
    assert.ok(all.includes('Old Cannery') && all.includes('New Warehouse Site'));
    assert.ok(!all.includes('Keshena Sawmill'), 'only the reviewer\'s jurisdiction');
    assert.ok(all.indexOf('Old Cannery') < all.indexOf('New Warehouse Site'), 'oldest first');
    assert.match(all, /<td>21<\/td>/, 'age in days');

    const construction = await (await browser.get('/review/filings?kind=noi-construction')).text();
    assert.ok(construction.includes('New Warehouse Site') && !construction.includes('Old Cannery'));

    const old = await (await browser.get('/review/filings?older-than-days=7')).text();
    assert.ok(old.includes('Old Cannery') && !old.includes('New Warehouse Site'));

    const accepted = await (await browser.get('/review/filings?status=accepted')).text();
    assert.ok(!accepted.includes('Old Cannery'));

    assert.equal((await browser.get('/review/filings?status=draft')).status, 400, 'drafts are not the authority\'s to see in the queue');

    const bad = await browser.get('/review/filings?older-than-days=-3');
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /Enter 0 days or more/);
    assert.match(badHtml, /value="-3"/);
  });

  it('return with reasons, resubmission, then accept: the permit ID appears for the reviewer and in the discharger\'s history', async () => {
    t.clock.set('2026-11-22T15:00:00Z');
    const { filingId } = await createSubmittedFiling(t, {
      organizationId: organization.id,
      jurisdictionId: 'california',
      signerUserId: lrp.id,
      kind: 'noi-nonconstruction',
      county: 'Orange',
      facilityName: 'Orange Grove Plant',
      signedAt: new Date('2026-11-22T09:00:00Z'),
    });
    const page = await (await browser.get(`/review/filings/${filingId}`)).text();
    assert.match(page, /Submission 1, signed/);
    assert.ok(page.includes(`/review/filings/${filingId}/accept`));
    assert.match(page, /copy-of-record\.pdf/);

    const empty = await browser.post(`/review/filings/${filingId}/return`, { 'return-reasons': '' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Enter the reasons, so the discharger knows what to do/);

    const returned = await browser.post(`/review/filings/${filingId}/return`, { 'return-reasons': 'Add the rainfall for outfall 2.' });
    assert.equal(returned.status, 303);
    assert.equal((await auditFor(filingId)).at(-1)!.event_type, 'filing.returned');

    t.clock.advanceMinutes(60 * 24);
    await signInAs(t, browser, reviewer.id); // a day later: the earlier session has timed out
    await addSubmission(t, { filingId, signerUserId: lrp.id });
    const response = await browser.post(`/review/filings/${filingId}/accept`, {});
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/review/filings/${filingId}?notice=accepted`);
    const after = await (await browser.get(response.headers.get('location')!)).text();
    assert.match(after, /9 30I000001/);
    assert.match(after, /2026-11-25/, 'two days after the second submission (2026-11-23)');
    assert.ok(!after.includes(`/review/filings/${filingId}/accept`), 'no decision forms once decided');
    const audit = (await auditFor(filingId)).at(-1)!;
    assert.equal(audit.event_type, 'filing.accepted');
    assert.deepEqual(audit.data, { submissionId: (audit.data as { submissionId: string }).submissionId, permitId: '9 30I000001', coverageStart: '2026-11-25' });

    const discharger = new TestBrowser(t.app);
    await signInAs(t, discharger, submitter.id);
    const history = await (await discharger.get(`/filings/${filingId}/history`)).text();
    assert.match(history, /9 30I000001/);
    assert.match(history, /Add the rainfall for outfall 2\./);
    assert.ok(history.indexOf('Submission 1') < history.indexOf('Returned for correction') && history.indexOf('Returned for correction') < history.indexOf('Submission 2'));
    assert.ok(history.indexOf('Submission 2') < history.indexOf('Accepted (submission 2)'));

    const forbidden = await discharger.post(`/review/filings/${filingId}/deny`, { 'deny-reasons': 'No.' });
    assert.equal(forbidden.status, 403);
  });

  it('the history is not shown to a stranger', async () => {
    const { filingId } = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'california', signerUserId: lrp.id });
    const stranger = new TestBrowser(t.app);
    await signInAs(t, stranger, (await createPerson(t)).id);
    assert.equal((await stranger.get(`/filings/${filingId}/history`)).status, 403);
    assert.equal((await stranger.get(`/review/filings/${filingId}`)).status, 403);
  });
});
