import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { registerFacility } from '../../src/use-cases/facilities/register-facility.ts';
import { actorFor, createOrganizationWithMembers, createPerson, signInAs, type TestOrganization } from '../support/people.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';
import { keshenaSawmillForm as sawmill } from '../support/facility-fixtures.ts';

const noExposure = Object.fromEntries('abcdefghijk'.split('').map((k) => [`exposure${k.toUpperCase()}`, 'no']));

describe('filing pages over HTTP', () => {
  let t: TestContext;
  let submitter: TestBrowser, outsider: TestBrowser;
  let org: TestOrganization;
  let facilityId = '', constructionSiteId = '';
  let submitterId = '';
  let dataDir = '';

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'outfall-filings-'));
    t = await createTestContext({ OUTFALL_DATA_DIR: dataDir });
    const person = await createPerson(t);
    submitterId = person.id;
    const other = await createPerson(t);
    org = await createOrganizationWithMembers(t, { name: 'Demo Manufacturing Co.', members: [{ userId: person.id, role: 'submitter' }] });
    await createOrganizationWithMembers(t, { members: [{ userId: other.id, role: 'lrp' }] });
    facilityId = (await registerFacility(t.services, { actor: actorFor(person.id), organizationId: org.id, input: sawmill })).facilityId;
    constructionSiteId = (
      await registerFacility(t.services, { actor: actorFor(person.id), organizationId: org.id, input: { ...sawmill, name: 'Clinic Expansion', sicCodes: '', naicsCodes: '236220' } })
    ).facilityId;
    submitter = new TestBrowser(t.app);
    outsider = new TestBrowser(t.app);
    await signInAs(t, submitter, person.id);
    await signInAs(t, outsider, other.id);
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const auditRows = (type: string) => t.services.db.selectFrom('audit_events').selectAll().where('event_type', '=', type).execute();

  it('a Data Submitter drafts an NEC through every step; values are kept on errors and each save is audited', async () => {
    const start = await submitter.get(`/facilities/${facilityId}/filings/new?kind=nec`);
    assert.equal(start.status, 200);
    assert.match(await start.text(), /applicability findings/);

    const created = await submitter.post(`/facilities/${facilityId}/filings`, { kind: 'nec' });
    assert.equal(created.status, 303);
    const filingId = created.headers.get('location')!.split('/')[2]!;
    assert.equal((await auditRows('filing.draft-created')).length, 1);

    const first = await submitter.get(`/filings/${filingId}/steps/first`);
    const firstHtml = await first.text();
    assert.match(firstHtml, /<h1>The discharger<\/h1>/);
    assert.match(firstHtml, /value="Demo Manufacturing Co."/, 'prefilled from the organization');

    const bad = await submitter.post(`/filings/${filingId}/steps/discharger`, {
      revision: '1',
      dischargerName: 'Demo Manufacturing Co.',
      dischargerAddress: '1 Main St',
      dischargerPhone: 'call us',
    });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /Enter a telephone number, such as 715-799-4937/);
    assert.match(badHtml, /value="call us"/, 'the wrong value is kept');
    assert.match(badHtml, /name="revision" value="2"/, 'saved even though invalid');

    const good = await submitter.post(`/filings/${filingId}/steps/discharger`, { revision: '2', dischargerName: 'Demo Manufacturing Co.', dischargerAddress: '1 Main St', dischargerPhone: '715-555-0101' });
    assert.equal(good.status, 303);
    assert.equal(good.headers.get('location'), `/filings/${filingId}/steps/facility`);

    const facilityStep = await submitter.get(`/filings/${filingId}/steps/facility`);
    assert.match(await facilityStep.text(), /value="Keshena Sawmill"/);
    const second = await submitter.post(`/filings/${filingId}/steps/facility`, {
      revision: '3',
      facilityName: 'Keshena Sawmill',
      facilityAddress: 'W2908 Tribal Office Loop, Keshena, WI 54135',
      facilityCounty: 'Menominee',
      latitude: '44.8705',
      longitude: '-88.6251',
    });
    assert.equal(second.headers.get('location'), `/filings/${filingId}/steps/exposure`);

    const exposed = await submitter.post(`/filings/${filingId}/steps/exposure`, { revision: '3', ...noExposure, exposureC: 'yes' });
    assert.equal(exposed.status, 400);
    const exposedHtml = await exposed.text();
    assert.match(exposedHtml, /A No Exposure Certification cannot be filed/);
    assert.match(exposedHtml, /§512-30 B\(7\)\(d\)\[3\]\[c\]/);
    assert.match(exposedHtml, /§512-30 B\(7\)\(c\)\[3\]/);
    assert.match(exposedHtml, /name="kind" value="noi-nonconstruction"/);

    const clean = await submitter.post(`/filings/${filingId}/steps/exposure`, { revision: '4', ...noExposure });
    assert.equal(clean.headers.get('location'), `/filings/${filingId}`);
    const review = await (await submitter.get(`/filings/${filingId}`)).text();
    assert.match(review, /href="\/filings\/[^"]+\/sign"/);
    assert.match(review, /I certify under penalty of law/);
    assert.match(review, /Change<span class="usa-sr-only"> The discharger/);

    const saves = await auditRows('filing.draft-saved');
    assert.equal(saves.length, 4);
    const phoneSave = saves.find((r) => JSON.stringify(r.data).includes('call us'))!;
    assert.deepEqual((phoneSave.data as { new: unknown }).new, { dischargerAddress: '1 Main St', dischargerPhone: 'call us' });

    const list = await (await submitter.get('/filings')).text();
    assert.match(list, /No Exposure Certification/);
    assert.match(list, /Keshena Sawmill/);
  });

  it('a stale form gets a clear message and keeps the typed values', async () => {
    const created = await submitter.post(`/facilities/${facilityId}/filings`, { kind: 'not' });
    const filingId = created.headers.get('location')!.split('/')[2]!;
    await submitter.post(`/filings/${filingId}/steps/termination`, { revision: '1', permitId: 'MEN-1', reason: 'other', terminationDate: '2026-12-01', explanation: '' });
    const stale = await submitter.post(`/filings/${filingId}/steps/termination`, { revision: '1', permitId: 'MEN-2', reason: 'final-stabilization', terminationDate: '2026-12-01' });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /Someone else saved this filing/);
    assert.match(html, /value="MEN-2"/);
  });

  it('refuses an NEC for a construction site citing §512-30 B(7)(c)[1]', async () => {
    assert.match(await (await submitter.get(`/facilities/${constructionSiteId}/filings/new?kind=nec`)).text(), /This filing cannot be started[\s\S]*§512-30 B\(7\)\(c\)\[1\]/);
    const response = await submitter.post(`/facilities/${constructionSiteId}/filings`, { kind: 'nec' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /§512-30 B\(7\)\(c\)\[1\]/);
  });

  it('a member of another organization cannot open or start filings', async () => {
    const created = await submitter.post(`/facilities/${facilityId}/filings`, { kind: 'noi-construction' });
    const filingId = created.headers.get('location')!.split('/')[2]!;
    assert.equal((await outsider.get(`/filings/${filingId}`)).status, 403);
    assert.equal((await outsider.get(`/filings/${filingId}/steps/operator`)).status, 403);
    assert.equal((await outsider.post(`/filings/${filingId}/steps/operator`, { revision: '1', operatorName: 'x' })).status, 403);
    assert.equal((await outsider.post(`/facilities/${facilityId}/filings`, { kind: 'nec' })).status, 403);
    assert.doesNotMatch(await (await outsider.get('/filings')).text(), /Keshena Sawmill/);
    assert.ok(submitterId);
  });

  async function upload(browser: TestBrowser, filingId: string, name: string, bytes: Buffer, type: string): Promise<Response> {
    const form = new FormData();
    form.set('_csrf', browser.cookie('outfall_csrf')!);
    form.set('file', new File([new Uint8Array(bytes)], name, { type }));
    const cookie = ['outfall_csrf', 'outfall_session'].map((n) => `${n}=${browser.cookie(n)}`).join('; ');
    return t.app.request(`/filings/${filingId}/attachments`, { method: 'POST', body: form, headers: { cookie } });
  }

  it('uploads a site map checked by its bytes, stores it by SHA-256, lists it, and removes it, each audited', async () => {
    const created = await submitter.post(`/facilities/${facilityId}/filings`, { kind: 'noi-nonconstruction' });
    const filingId = created.headers.get('location')!.split('/')[2]!;
    const step = await (await submitter.get(`/filings/${filingId}/steps/site-map`)).text();
    assert.match(step, /enctype="multipart\/form-data"/);

    const fake = await upload(submitter, filingId, 'map.pdf', Buffer.from('just text, not a PDF'), 'application/pdf');
    assert.equal(fake.status, 400);
    assert.match(await fake.text(), /The file must be a PDF, PNG or JPEG/);

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('site map pixels')]);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const uploaded = await upload(submitter, filingId, 'site map.png', png, 'image/png');
    assert.equal(uploaded.status, 303);
    assert.deepEqual(await readFile(path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256)), png);
    const listed = await (await submitter.get(`/filings/${filingId}/steps/site-map`)).text();
    assert.match(listed, new RegExp(sha256));
    const added = await auditRows('filing.attachment-added');
    assert.equal((added.at(-1)!.data as { sha256: string }).sha256, sha256);

    const attachment = await t.services.db.selectFrom('attachments').select(['id', 'content_type']).where('filing_id', '=', filingId).executeTakeFirstOrThrow();
    assert.equal(attachment.content_type, 'image/png');
    const download = await submitter.get(`/filings/${filingId}/attachments/${attachment.id}`);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), png);
    assert.equal((await outsider.get(`/filings/${filingId}/attachments/${attachment.id}`)).status, 403);

    const removed = await submitter.post(`/filings/${filingId}/attachments/${attachment.id}/remove`, {});
    assert.equal(removed.status, 303);
    assert.doesNotMatch(await (await submitter.get(`/filings/${filingId}/steps/site-map`)).text(), new RegExp(sha256));
    assert.equal((await auditRows('filing.attachment-removed')).length, 1);
  });

  it('a construction NOI goes through every step to a complete review; acres below 1 and a missing SWPPP are refused with their citations', async () => {
    const created = await submitter.post(`/facilities/${constructionSiteId}/filings`, { kind: 'noi-construction' });
    const filingId = created.headers.get('location')!.split('/')[2]!;
    let revision = 1;
    const post = async (step: string, fields: Record<string, string>) => {
      const response = await submitter.post(`/filings/${filingId}/steps/${step}`, { revision: String(revision), ...fields });
      revision = (await t.services.db.selectFrom('filings').select('revision').where('id', '=', filingId).executeTakeFirstOrThrow()).revision;
      return response;
    };
    assert.equal((await post('operator', { operatorName: 'Demo Manufacturing Co.', operatorAddress: '1 Main St', operatorPhone: '715-555-0101', operatorType: 'private' })).status, 303);
    assert.equal((await post('site', { siteName: 'Clinic Expansion', siteAddress: 'W2908', siteCounty: 'Menominee', latitude: '44.87', longitude: '-88.62', indianCountry: 'yes' })).status, 303);
    const noSwppp = await post('swppp', { swpppDeveloped: 'no' });
    assert.equal(noSwppp.status, 400);
    assert.match(await noSwppp.text(), /§512-30 A\(2\)\(e\)/);
    assert.equal((await post('swppp', { swpppDeveloped: 'yes' })).status, 303);
    const small = await post('project', { receivingWaters: 'Wolf River', startDate: '2026-06-01', completionDate: '2026-09-01', acresDisturbed: '0.99' });
    assert.equal(small.status, 400);
    const smallHtml = await small.text();
    assert.match(smallHtml, /if less than one acre, enter 1/);
    assert.match(smallHtml, /value="0.99"/);
    assert.equal((await post('project', { receivingWaters: 'Wolf River', startDate: '2026-06-01', completionDate: '2026-09-01', acresDisturbed: '1' })).status, 303);
    const species = { species1: 'no', species2: 'yes', species3: 'no', species4: 'no', species5: 'yes', speciesCriterion: 'd' };
    const noPermit = await post('endangered-species', species);
    assert.equal(noPermit.status, 400);
    assert.match(await noPermit.text(), /permit ID of the other operator/);
    const done = await post('endangered-species', { ...species, otherOperatorPermitId: 'MEN-2025-0007' });
    assert.equal(done.headers.get('location'), `/filings/${filingId}`);
    const review = await (await submitter.get(`/filings/${filingId}`)).text();
    assert.match(review, /Sign and submit/);
    assert.match(review, /\(d\) Addressed in another operator/);
  });

  it('outfalls are a repeatable group: add one, its fields appear; remove the last', async () => {
    const created = await submitter.post(`/facilities/${facilityId}/filings`, { kind: 'noi-nonconstruction' });
    const filingId = created.headers.get('location')!.split('/')[2]!;
    const added = await submitter.post(`/filings/${filingId}/steps/outfalls`, { revision: '1', action: 'add-outfall', 'outfalls.0.name': '001' });
    assert.equal(added.status, 303);
    const html = await (await submitter.get(`/filings/${filingId}/steps/outfalls`)).text();
    assert.match(html, /name="outfalls.1.hoursSinceLastStorm"/);
    assert.match(html, /name="outfalls.0.name" type="text" value="001"/);
    await submitter.post(`/filings/${filingId}/steps/outfalls`, { revision: '2', action: 'remove-outfall', 'outfalls.0.name': '001' });
    assert.doesNotMatch(await (await submitter.get(`/filings/${filingId}/steps/outfalls`)).text(), /name="outfalls.1.name"/);
  });
});
