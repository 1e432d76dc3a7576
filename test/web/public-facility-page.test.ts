// A facility's public page for a visitor with no account: its details, the map container
// with the coordinates, a server-drawn SVG chart per sampling parameter, its documents with
// their hashes and verify link; the CSV downloads with SMARTS's headers; the search page;
// and no contact data anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { facilityCsvHeader, samplingCsvHeader } from '../../src/domain/public-records/public-csv.ts';
import { documentCsv } from '../../src/domain/public-records/public-export-columns.ts';
import { exportJurisdiction } from '../../src/use-cases/exports/export-jurisdiction.ts';
import {
  addAcceptedFiling,
  addSamplingResults,
  contactData,
  createListedFacility,
  type AcceptedDocument,
  type ListedFacility,
} from '../support/public-records-fixtures.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('the public facility page and downloads, with no account', () => {
  let t: TestContext;
  let visitor: TestBrowser;
  let mill: ListedFacility;
  let privateCopy: AcceptedDocument;
  let publicCopy: AcceptedDocument;
  let pendingCopy: AcceptedDocument;
  let unrenderedCopy: AcceptedDocument;

  before(async () => {
    t = await createTestContext();
    visitor = new TestBrowser(t.app);
    mill = await createListedFacility(t, { name: 'Keshena Sawmill', operator: 'Wolf River Timber', permitId: 'MENOM-NEC-2026-0001', county: 'Menominee', city: 'Keshena', jurisdictionId: 'menominee', latitude: 44.8836, longitude: -88.6337, filingKinds: ['nec'] });
    await createListedFacility(t, { name: 'Fresno Lumber Yard, "South" Cherry', permitId: '5F10I000201', county: 'Fresno' });
    await addSamplingResults(t, mill, [
      { parameter: 'pH', sampledAt: '2025-01-05T00:00:00Z', result: 7.1, units: 'SU' },
      { parameter: 'pH', sampledAt: '2025-03-05T00:00:00Z', result: 6.4, units: 'SU' },
      { parameter: 'Total Suspended Solids (TSS)', sampledAt: '2025-01-05T00:00:00Z', result: 39, units: 'mg/L' },
    ]);
    privateCopy = await addAcceptedFiling(t, mill, { content: { signer: { name: 'Sam Signatory', email: contactData.personEmail }, answers: { dischargerPhone: contactData.personPhone } } });
    publicCopy = await addAcceptedFiling(t, mill, { content: { signer: { name: 'Sam Signatory' }, answers: { facilityName: 'Keshena Sawmill' } } });
    pendingCopy = await addAcceptedFiling(t, mill, { content: { signer: { name: 'Sam Signatory' } }, status: 'submitted' });
    unrenderedCopy = await addAcceptedFiling(t, mill, { content: { signer: { name: 'Sam Signatory' }, answers: { facilityName: 'Keshena Sawmill', note: 'not rendered' } }, isRendered: false });
  });
  after(() => t.close());

  it('shows the facility\'s public details, status and coordinates, with the map container for the script', async () => {
    const response = await visitor.get(`/facilities/${mill.id}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Keshena Sawmill<\/h1>/);
    assert.match(html, /Wolf River Timber/);
    assert.match(html, /MENOM-NEC-2026-0001/);
    assert.match(html, /<dt>County<\/dt><dd>Menominee<\/dd>/);
    assert.match(html, /<strong>Active<\/strong>/);
    assert.match(html, /Latitude <span class="outfall-coordinate">44\.883600<\/span>, longitude <span class="outfall-coordinate">-88\.633700<\/span>/);
    assert.match(html, /<div id="facility-map"[^>]*data-latitude="44.8836" data-longitude="-88.6337"[^>]*data-tile-url="https:\/\/tile.openstreetmap.org\/\{z\}\/\{x\}\/\{y\}.png"/);
    assert.match(html, /<script src="\/assets\/leaflet\/leaflet.js"/);
    assert.match(html, /<script src="\/assets\/facility-map.js"/);
    assert.match(response.headers.get('content-security-policy') ?? '', /img-src 'self' data: https:\/\/tile.openstreetmap.org/);
    assert.equal((await visitor.get('/assets/leaflet/leaflet.js')).status, 200);
    assert.equal((await visitor.get('/assets/facility-map.js')).status, 200);
  });

  it('draws an accessible SVG chart per parameter, with its data table', async () => {
    const html = await (await visitor.get(`/facilities/${mill.id}`)).text();
    const charts = html.match(/<svg class="outfall-chart"[^>]*role="img"/g) ?? [];
    assert.equal(charts.length, 2);
    assert.match(html, /<title id="chart-0-title">Total Suspended Solids \(TSS\) \(mg\/L\) over time<\/title>/);
    assert.match(html, /<title id="chart-1-title">pH \(SU\) over time<\/title>/);
    assert.match(html, /2 results from 2025-01-05 to 2025-03-05; lowest 6.4, highest 7.1, latest 6.4 SU/);
    assert.match(html, /<details><summary>pH \(SU\): the results as a table<\/summary><table class="usa-table usa-table--compact"><caption>/);
  });

  it('lists accepted filings\' documents with their hashes and the verify link; offers the PDF only of a copy without contact data', async () => {
    const html = await (await visitor.get(`/facilities/${mill.id}`)).text();
    assert.match(html, new RegExp(privateCopy.sha256));
    assert.match(html, new RegExp(publicCopy.sha256));
    assert.match(html, new RegExp(publicCopy.pdfSha256));
    assert.doesNotMatch(html, new RegExp(pendingCopy.sha256));
    assert.match(html, /href="\/verify"/);
    assert.match(html, /Sam Signatory/);
    assert.match(html, new RegExp(`href="/facilities/${mill.id}/documents/${publicCopy.submissionId}.pdf"`));
    assert.doesNotMatch(html, new RegExp(`documents/${privateCopy.submissionId}.pdf`));
    assert.match(html, /not published because it holds an e-mail address, a telephone number/);

    const pdf = await visitor.get(`/facilities/${mill.id}/documents/${publicCopy.submissionId}.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="copy-of-record-/);
    assert.deepEqual(Buffer.from(await pdf.arrayBuffer()), publicCopy.pdf);
    assert.equal((await visitor.get(`/facilities/${mill.id}/documents/${privateCopy.submissionId}.pdf`)).status, 404);
    assert.equal((await visitor.get(`/facilities/${mill.id}/documents/${pendingCopy.submissionId}.pdf`)).status, 404);
  });

  it('shows the PDF hash of a copy whose PDF is not rendered yet as not yet available', async () => {
    const html = await (await visitor.get(`/facilities/${mill.id}`)).text();
    assert.match(html, new RegExp(`${unrenderedCopy.sha256}</code></dd><dt>SHA-256 of its PDF</dt><dd>Not yet available`));
    assert.doesNotMatch(html, new RegExp(unrenderedCopy.pdfSha256));
  });

  it('exports a copy whose PDF is not rendered yet with an empty PDF_SHA256', async () => {
    const { documents } = await exportJurisdiction(t.services, { jurisdictionId: 'menominee' });
    const csv = documentCsv(documents).split('\r\n');
    assert.ok(csv.some((line) => line.includes(`,${publicCopy.sha256},${publicCopy.pdfSha256},`)));
    assert.ok(csv.some((line) => line.includes(`,${unrenderedCopy.sha256},,`)));
    assert.equal(documents.find((d) => d.sha256 === unrenderedCopy.sha256)?.pdfSha256, null);
  });

  it('never shows a contact person\'s name, e-mail or phone on the page or in a download', async () => {
    for (const path of [`/facilities/${mill.id}`, `/facilities/${mill.id}/sampling.csv`, '/search.csv', '/jurisdictions/menominee/sampling.csv', '/search?q=sawmill']) {
      const text = await (await visitor.get(path)).text();
      for (const value of Object.values(contactData)) assert.ok(!text.includes(value), `${path} shows ${value}`);
    }
  });

  it('downloads the sampling results as CSV with the SMARTS sampling export\'s headers', async () => {
    const response = await visitor.get(`/facilities/${mill.id}/sampling.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="sampling-/);
    const lines = (await response.text()).split('\r\n');
    assert.equal(lines[0], samplingCsvHeader.join(','));
    assert.equal(lines[0], 'WDID,Date/time of sample collection,Monitoring Location Latitude,Monitoring Location Longitude,Parameter,Result,Units,Latitude,Longitude,DateEntered');
    assert.equal(lines.length, 5); // header, three results, the final CRLF
    assert.match(lines[1]!, /^MENOM-NEC-2026-0001,1\/5\/2025 0:00:00,/);
    const jurisdiction = await (await visitor.get('/jurisdictions/menominee/sampling.csv')).text();
    assert.equal(jurisdiction.split('\r\n').length, 5);
    assert.equal((await visitor.get('/jurisdictions/nowhere/sampling.csv')).status, 404);
  });

  it('downloads the search as CSV with SMARTS facility headers and RFC 4180 quoting', async () => {
    const response = await visitor.get('/search.csv?county=fresno');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="facilities.csv"/);
    const lines = (await response.text()).split('\r\n');
    assert.equal(lines[0], facilityCsvHeader.join(','));
    assert.ok(lines[0]!.startsWith('WDID,FACILITY_NAME,OPERATOR_NAME,FACILITY_CITY,FACILITY_COUNTY,STATUS_CODE_NAME,STATUS_DATE,RECEIVING_WATER_NAME'));
    assert.ok(lines[1]!.startsWith('5F10I000201,"Fresno Lumber Yard, ""South"" Cherry","Fresno Lumber Yard, ""South"" Cherry Operator",Sacramento,Fresno,Active,'), lines[1]);
    assert.equal((await visitor.get('/search.csv?status=asleep')).status, 400);
  });

  it('searches on a page that works without script: labelled fields, a captioned table, sortable headings, paging, an empty state', async () => {
    const first = await (await visitor.get('/search')).text();
    for (const [id, label] of [
      ['q', 'Facility or operator name'],
      ['permitId', 'Permit ID or WDID'],
      ['county', 'County'],
      ['receivingWater', 'Receiving water'],
      ['status', 'Permit status'],
      ['filingKind', 'Filing type'],
    ]) assert.match(first, new RegExp(`<label class="usa-label" for="${id}">${label}`));
    assert.match(first, /<form method="get" action="\/search"/);

    const found = await (await visitor.get('/search?q=Keshna+Sawmil')).text();
    assert.match(found, /1 facility matches; showing 1 to 1\./);
    assert.match(found, /<caption>Facilities matching the search, page 1 of 1<\/caption>/);
    assert.match(found, new RegExp(`<a href="/facilities/${mill.id}">Keshena Sawmill</a>`));
    assert.match(found, /href="\/search\?q=Keshna\+Sawmil&amp;sort=permitId&amp;order=asc"/);
    assert.match(found, /href="\/search.csv\?q=Keshna\+Sawmil"/);

    const sorted = await (await visitor.get('/search?sort=permitId&order=desc&pageSize=10')).text();
    assert.ok(sorted.indexOf('MENOM-NEC-2026-0001') < sorted.indexOf('5F10I000201'));
    assert.match(sorted, /aria-sort="descending"/);

    const paged = await (await visitor.get('/search?q=&pageSize=1&page=2')).text();
    assert.match(paged, /2 facilities match; showing 2 to 2\./);
    assert.match(paged, /aria-label="Pages of results"/);
    assert.match(paged, /aria-current="page"/);

    const none = await (await visitor.get('/search?q=Zzyzx+Quarry')).text();
    assert.match(none, /No facilities match this search\./);
    assert.match(await (await visitor.get('/search?filingKind=nec')).text(), /Keshena Sawmill/);
    assert.match(await (await visitor.get('/search?receivingWater=sacramento')).text(), /Fresno Lumber Yard/);

    const bad = await visitor.get('/search?q=mill&pageSize=500');
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /<a href="#pageSize">Results per page: must be a whole number from 1 to 100<\/a>/);
    assert.match(badHtml, /id="q"[^>]*value="mill"/);
  });

  it('links the search from the navigation and the home page for everyone, and shows the API page', async () => {
    const home = await (await visitor.get('/')).text();
    assert.match(home, /<a class="usa-nav-link" href="\/search"><span>Search facilities<\/span><\/a>/);
    assert.match(home, /<a href="\/search">Search facilities<\/a>/);
    const api = await (await visitor.get('/api')).text();
    assert.match(api, /GET \/api\/v1\/facilities/);
    assert.match(api, /<code>pageSize<\/code>/);
    assert.match(api, /href="\/api\/v1\/openapi.json"/);
  });

  it('answers 404 for an unknown or malformed facility id, and sends an unlisted one to sign in', async () => {
    assert.equal((await visitor.get('/facilities/00000000-0000-4000-8000-000000000000')).status, 303);
    assert.equal((await visitor.get('/facilities/00000000-0000-4000-8000-000000000000/sampling.csv')).status, 404);
    assert.equal((await visitor.get('/facilities/not-an-id/sampling.csv')).status, 404);
  });
});
