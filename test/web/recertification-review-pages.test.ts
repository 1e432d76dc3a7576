// /review/recertifications and its CSV over HTTP, as a signed-in reviewer, a member and a
// visitor would see them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPerson, signInAs, type TestPerson } from '../support/people.ts';
import { createAcceptedNec, type AcceptedNec } from '../support/recertification-fixtures.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('NEC recertification pages for reviewers', () => {
  let t: TestContext;
  let reviewer: TestPerson;
  let browser: TestBrowser;
  let lapsed: AcceptedNec;

  before(async () => {
    t = await createTestContext();
    reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    lapsed = await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0001', signedAt: '2021-11-20T17:00:00Z', facilityName: 'Keshena Sawmill' });
    await createAcceptedNec(t, {
      jurisdictionId: 'menominee',
      permitId: 'MN-NEC-0002',
      signedAt: '2021-12-13T17:00:00Z',
      facilityName: 'Neopit Mill, "North" yard',
      organizationName: '=HYPERLINK("http://evil.example")',
    });
    await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0003', signedAt: '2021-06-01T17:00:00Z', recertifiedAt: '2026-05-01T17:00:00Z', facilityName: 'Zoar Gravel' });
    await createAcceptedNec(t, { jurisdictionId: 'california', permitId: '8 30I000123', signedAt: '2026-06-30T20:00:00Z', facilityName: 'Anaheim Plating' });
    // The day the states speak for; sessions start on it too, so they are not idle.
    t.clock.set('2026-12-01T15:00:00Z');
    browser = new TestBrowser(t.app);
    await signInAs(t, browser, reviewer.id);
  });
  after(() => t.close());

  it('is linked from /review', async () => {
    const html = await (await browser.get('/review')).text();
    assert.match(html, /<a href="\/review\/recertifications">NEC recertifications/);
  });

  it('shows every NEC of the jurisdiction in a captioned table, its state in words', async () => {
    const response = await browser.get('/review/recertifications');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>NEC recertifications<\/h1>/);
    assert.match(html, /<caption>No Exposure Certifications and their recertification \(every state\)<\/caption>/);
    for (const heading of ['WDID', 'Facility', 'Organization', 'Last certification', 'Due date', 'State']) assert.ok(html.includes(`<th scope="col">${heading}</th>`), heading);
    const rows = [...html.matchAll(/<tr><th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    assert.deepEqual(rows, [
      ['MN-NEC-0001', '2021-11-20', '2026-11-20', 'Lapsed'],
      ['MN-NEC-0002', '2021-12-13', '2026-12-13', 'Due in 12 days'],
      ['MN-NEC-0003', '2026-05-01', '2031-05-01', 'Recertified'],
    ]);
    assert.ok(html.includes(`<a href="/review/filings/${lapsed.filingId}">MN-NEC-0001</a>`));
    assert.ok(!html.includes('Anaheim Plating'), 'only the reviewer\'s jurisdiction');
    assert.ok(html.includes('Neopit Mill, &quot;North&quot; yard'), 'names are escaped');
    assert.match(html, /<form method="get" action="\/review\/recertifications"/);
  });

  it('filters by state with a GET form, and the CSV link keeps the filter', async () => {
    const html = await (await browser.get('/review/recertifications?state=lapsed')).text();
    assert.ok(html.includes('MN-NEC-0001') && !html.includes('MN-NEC-0002') && !html.includes('MN-NEC-0003'));
    assert.match(html, /<caption>No Exposure Certifications and their recertification \(lapsed\)<\/caption>/);
    assert.match(html, /<option value="lapsed" selected="">Lapsed<\/option>/);
    assert.match(html, /href="\/review\/recertifications\.csv\?state=lapsed"/);

    const bad = await browser.get('/review/recertifications?state=overdue');
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /Recertification state: Choose a state from the list/);
  });

  it('downloads the same rows as CSV (RFC 4180) with a header row', async () => {
    const response = await browser.get('/review/recertifications.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="nec-recertifications-all-jurisdictions-all-states-2026-12-01.csv"');
    const csv = await response.text();
    assert.equal(
      csv,
      [
        'WDID,Facility,Organization,Jurisdiction,Last certification,Due date,State',
        `MN-NEC-0001,Keshena Sawmill,${lapsed.organization.name},Menominee Indian Reservation,2021-11-20,2026-11-20,Lapsed`,
        // Quotes doubled inside a quoted field; a formula-like name kept as text.
        `MN-NEC-0002,"Neopit Mill, ""North"" yard","'=HYPERLINK(""http://evil.example"")",Menominee Indian Reservation,2021-12-13,2026-12-13,Due in 12 days`,
        `MN-NEC-0003,Zoar Gravel,${await orgOf('MN-NEC-0003')},Menominee Indian Reservation,2026-05-01,2031-05-01,Recertified`,
        '',
      ].join('\r\n'),
    );

    const due = await (await browser.get('/review/recertifications.csv?state=due-soon')).text();
    assert.equal(due.split('\r\n').length, 3, 'header, one row, final line end');
    assert.ok(due.includes('Due in 12 days'));
  });

  async function orgOf(permitId: string): Promise<string> {
    const row = await t.services.db
      .selectFrom('filings')
      .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
      .select('organizations.name')
      .where('filings.permit_id', '=', permitId)
      .executeTakeFirstOrThrow();
    return row.name;
  }

  it('refuses a member and another jurisdiction, and sends a visitor to sign in', async () => {
    const member = new TestBrowser(t.app);
    await signInAs(t, member, lapsed.lrp.id);
    for (const path of ['/review/recertifications', '/review/recertifications.csv']) {
      const refused = await member.get(path);
      assert.equal(refused.status, 403, path);
      assert.match(await refused.text(), /You cannot do this/);
    }
    const otherJurisdiction = await browser.get('/review/recertifications.csv?jurisdiction=california');
    assert.equal(otherJurisdiction.status, 403);

    const visitor = await new TestBrowser(t.app).get('/review/recertifications.csv');
    assert.equal(visitor.status, 303);
    assert.equal(visitor.headers.get('location'), `/sign-in?next=${encodeURIComponent('/review/recertifications.csv')}`);
  });
});
