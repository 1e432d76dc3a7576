// The signature over HTTP, as a new user meets it: the LRP without an eAuthorization sees
// why the sign form is disabled, prints the agreement, a reviewer records it, the LRP signs
// with password and security answer, downloads the copy of record, and /verify accepts it
// and rejects a copy with one byte changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrganizationWithMembers, createPerson, signInAs, TEST_PASSWORD } from '../support/people.ts';
import { createDraftNec, giveSecurityAnswers, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(match, `hidden field ${name}`);
  return match[1]!;
}

async function auditRows(type: string, organizationId: string) {
  return t.services.db.selectFrom('audit_events').select(['actor_user_id', 'actor_role']).where('event_type', '=', type).where('organization_id', '=', organizationId).execute();
}

async function verifyUpload(browser: TestBrowser, fileName: string, content: Buffer): Promise<Response> {
  await browser.get('/verify');
  const form = new FormData();
  form.set('_csrf', browser.cookie('outfall_csrf') ?? '');
  form.set('file', new File([new Uint8Array(content)], fileName));
  return t.app.request('/verify', { method: 'POST', body: form, headers: { cookie: `outfall_csrf=${browser.cookie('outfall_csrf')}` } });
}

describe('signing an NEC over HTTP', () => {
  it('from no eAuthorization to a verified copy of record', async () => {
    const lrp = await createPerson(t, { name: 'Lena Responsible' });
    const submitter = await createPerson(t);
    const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    const otherReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    const stranger = await createPerson(t);
    const org = await createOrganizationWithMembers(t, { members: [{ userId: lrp.id, role: 'lrp' }, { userId: submitter.id, role: 'submitter' }] });
    await createOrganizationWithMembers(t, { members: [{ userId: stranger.id, role: 'lrp' }] });
    await giveSecurityAnswers(t, lrp.id);
    const { filingId } = await createDraftNec(t, { organizationId: org.id, createdBy: submitter.id });

    // The Data Submitter sees the form disabled: only an LRP signs an NEC.
    const asSubmitter = new TestBrowser(t.app);
    await signInAs(t, asSubmitter, submitter.id);
    const submitterPage = await (await asSubmitter.get(`/filings/${filingId}/sign`)).text();
    assert.match(submitterPage, /Only a Legally Responsible Person/);
    assert.match(submitterPage, /<fieldset class="usa-fieldset" disabled/);

    // The LRP without an eAuthorization sees why and where to get one.
    const asLrp = new TestBrowser(t.app);
    await signInAs(t, asLrp, lrp.id);
    let page = await asLrp.get(`/filings/${filingId}/sign`);
    let html = await page.text();
    assert.equal(page.status, 200);
    assert.match(html, /You cannot sign yet/);
    assert.ok(html.includes(`href="/organizations/${org.id}/e-authorization"`));
    assert.match(html, /<fieldset class="usa-fieldset" disabled/);
    assert.match(html, /I certify under penalty of law/);
    assert.match(html, /Keshena Sawmill/);
    const refused = await asLrp.post(`/filings/${filingId}/sign`, {
      idempotencyKey: hidden(html, 'idempotencyKey'),
      securitySlot: hidden(html, 'securitySlot'),
      certify: 'yes',
      password: TEST_PASSWORD,
      securityAnswer: TEST_SECURITY_ANSWER,
    });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Electronic Signature Agreement/);

    const instructions = await (await asLrp.get(`/organizations/${org.id}/e-authorization`)).text();
    assert.match(instructions, /Download the agreement \(PDF\)/);
    const mailing = await t.services.db.selectFrom('jurisdictions').select('authority').where('id', '=', 'menominee').executeTakeFirstOrThrow();
    assert.ok(instructions.includes(mailing.authority));
    const agreement = await asLrp.get(`/organizations/${org.id}/e-authorization/agreement.pdf`);
    assert.equal(agreement.headers.get('content-type'), 'application/pdf');
    assert.ok(Buffer.from(await agreement.arrayBuffer()).toString('latin1').startsWith('%PDF'));

    // A reviewer of another jurisdiction cannot record it; the jurisdiction's reviewer can.
    const asOtherReviewer = new TestBrowser(t.app);
    await signInAs(t, asOtherReviewer, otherReviewer.id);
    assert.ok(!(await (await asOtherReviewer.get('/review/e-authorizations')).text()).includes('Lena Responsible'));
    assert.equal((await asOtherReviewer.post('/review/e-authorizations', { userId: lrp.id, organizationId: org.id })).status, 403);
    const asReviewer = new TestBrowser(t.app);
    await signInAs(t, asReviewer, reviewer.id);
    assert.match(await (await asReviewer.get('/review')).text(), /href="\/review\/e-authorizations"/);
    assert.match(await (await asReviewer.get('/review/e-authorizations')).text(), /Lena Responsible/);
    const recorded = await asReviewer.post('/review/e-authorizations', { userId: lrp.id, organizationId: org.id });
    assert.equal(recorded.status, 303);
    assert.deepEqual(await auditRows('e-authorization.received', org.id), [{ actor_user_id: reviewer.id, actor_role: 'reviewer' }]);

    // Now the LRP signs; a wrong password first is refused beside the field.
    html = await (await asLrp.get(`/filings/${filingId}/sign`)).text();
    assert.doesNotMatch(html, /disabled/);
    const fields = { idempotencyKey: hidden(html, 'idempotencyKey'), securitySlot: hidden(html, 'securitySlot'), certify: 'yes', securityAnswer: TEST_SECURITY_ANSWER };
    page = await asLrp.post(`/filings/${filingId}/sign`, { ...fields, password: 'not my password' });
    assert.equal(page.status, 400);
    html = await page.text();
    assert.match(html, /Your password is not right/);
    assert.doesNotMatch(html, /not my password/);
    const signed = await asLrp.post(`/filings/${filingId}/sign`, { ...fields, password: TEST_PASSWORD });
    assert.equal(signed.status, 303);
    const location = signed.headers.get('location')!;
    assert.match(location, /^\/submissions\/[0-9a-f-]{36}\?signed=1$/);
    const retried = await asLrp.post(`/filings/${filingId}/sign`, { ...fields, password: TEST_PASSWORD });
    assert.equal(retried.headers.get('location'), location);
    assert.equal((await auditRows('filing.signed', org.id)).length, 1);
    assert.deepEqual(await auditRows('filing.signed', org.id), [{ actor_user_id: lrp.id, actor_role: 'lrp' }]);

    const submissionPath = location.replace('?signed=1', '');
    const submission = await t.services.db.selectFrom('submissions').select(['sha256']).where('filing_id', '=', filingId).executeTakeFirstOrThrow();
    const confirmation = await (await asLrp.get(location)).text();
    assert.ok(confirmation.includes(submission.sha256));
    assert.match(confirmation, /Signed and submitted/);
    // The organization's members and the jurisdiction's staff see it; others do not.
    assert.equal((await asSubmitter.get(submissionPath)).status, 200);
    assert.equal((await asReviewer.get(submissionPath)).status, 200);
    const asStranger = new TestBrowser(t.app);
    await signInAs(t, asStranger, stranger.id);
    assert.equal((await asStranger.get(submissionPath)).status, 403);
    assert.equal((await asOtherReviewer.get(`${submissionPath}/copy-of-record.pdf`)).status, 403);

    const pdf = Buffer.from(await (await asLrp.get(`${submissionPath}/copy-of-record.pdf`)).arrayBuffer());
    const json = Buffer.from(await (await asLrp.get(`${submissionPath}/copy-of-record.json`)).arrayBuffer());
    assert.ok(pdf.toString('latin1').startsWith('%PDF'));

    // /verify needs no account.
    const visitor = new TestBrowser(t.app);
    let verdict = await verifyUpload(visitor, 'copy.pdf', pdf);
    assert.equal(verdict.status, 200);
    html = await verdict.text();
    assert.match(html, /Authentic and unaltered/);
    assert.match(html, /Lena Responsible/);
    assert.match(html, /No Exposure Certification/);
    verdict = await verifyUpload(visitor, 'copy.json', json);
    assert.equal(verdict.status, 200);
    const changedPdf = Buffer.from(pdf);
    const middle = Math.floor(pdf.length / 2);
    changedPdf[middle] = pdf[middle]! ^ 0x01;
    verdict = await verifyUpload(visitor, 'changed.pdf', changedPdf);
    assert.equal(verdict.status, 422);
    assert.match(await verdict.text(), /Not an authentic copy of record/);
    const changedJson = Buffer.from(json.toString('utf8').replace('Keshena Sawmill', 'Keshena Sawmilk'));
    verdict = await verifyUpload(visitor, 'changed.json', changedJson);
    assert.equal(verdict.status, 422);

    // Acknowledgments went out with the hash.
    const mail = await t.deliverMail();
    assert.ok(mail.some((m) => m.to === lrp.email && m.text.includes(submission.sha256)));
    assert.ok(mail.some((m) => m.to === lrp.email && /on record/.test(m.subject)));
  });
});
