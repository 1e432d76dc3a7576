// Copies of record are rendered after the signature commits, from the stored canonical JSON:
// signing stores no PDF and queues one job; the job (or the first download) renders exactly
// the PDF signing used to render inline, stores it once and audits it once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { renderCopyOfRecordPdf, type CopyOfRecordContent } from '../../src/documents/copy-of-record-pdf.ts';
import { sha256Hex } from '../../src/domain/canonical-json.ts';
import { describeFiling } from '../../src/domain/filings/filing-description.ts';
import { memberRoleLabels } from '../../src/domain/permissions.ts';
import { allNo, recertificationStatement } from '../../src/domain/recertification/nec-recertification.ts';
import { describeRecertification } from '../../src/domain/recertification/recertification-description.ts';
import { rulePackFor } from '../../src/domain/rule-packs/rule-pack-registry.ts';
import { verifyAuditChain } from '../../src/use-cases/audit/verify-audit-chain.ts';
import { getSubmission } from '../../src/use-cases/copies-of-record/get-submission.ts';
import { renderCopyOfRecord } from '../../src/use-cases/copies-of-record/render-copy-of-record.ts';
import { renderPendingCopiesOfRecord } from '../../src/use-cases/copies-of-record/render-pending-copies-of-record.ts';
import { verifyCopyOfRecord } from '../../src/use-cases/copies-of-record/verify-copy-of-record.ts';
import { DEMO_PASSWORD, DEMO_SECURITY_ANSWER } from '../../src/use-cases/demo/demo-data.ts';
import { seedDemoNecs } from '../../src/use-cases/demo/seed-demo-necs.ts';
import { seedDemo } from '../../src/use-cases/demo/seed-demo.ts';
import { loadNec } from '../../src/use-cases/recertification/nec-records.ts';
import { prepareRecertification } from '../../src/use-cases/recertification/prepare-recertification.ts';
import { recertifyNec } from '../../src/use-cases/recertification/recertify-nec.ts';
import { signFiling } from '../../src/use-cases/signing/sign-filing.ts';
import { loadSigningFiling } from '../../src/use-cases/signing/signing-records.ts';
import { actorFor, createOrganizationWithMembers, createPerson, TEST_PASSWORD, type TestPerson } from '../support/people.ts';
import { createDraftNec, giveSecurityAnswers, putEAuthorizationOnRecord, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, testActor, type TestContext } from '../support/test-app.ts';

describe('copies of record rendered after signing', () => {
  let t: TestContext;
  let signer: TestPerson;
  let organizationId: string;
  let demoNecIds: string[];
  let demoLrpId: string;

  before(async () => {
    t = await createTestContext();
    signer = await createPerson(t, { name: 'Vera Fier' });
    const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    organizationId = (await createOrganizationWithMembers(t, { members: [{ userId: signer.id, role: 'lrp' }] })).id;
    await giveSecurityAnswers(t, signer.id);
    await putEAuthorizationOnRecord(t, { userId: signer.id, organizationId, reviewerId: reviewer.id });

    const demo = await seedDemo(t.services, { actor: testActor });
    demoNecIds = await seedDemoNecs(t.services, { actor: testActor, organizationId: demo.organizationId });
    demoLrpId = (await t.services.db.selectFrom('users').select('id').where('email', '=', 'lrp@demo.outfall.test').executeTakeFirstOrThrow()).id;
    const demoReviewer = await t.services.db.selectFrom('users').select('id').where('email', '=', 'reviewer.menominee@demo.outfall.test').executeTakeFirstOrThrow();
    await putEAuthorizationOnRecord(t, { userId: demoLrpId, organizationId: demo.organizationId, reviewerId: demoReviewer.id });
  });
  after(() => t.close());

  const storedPdfs = (submissionId: string) => t.services.db.selectFrom('copy_of_record_pdfs').selectAll().where('submission_id', '=', submissionId).execute();
  const renderedEvents = (submissionId: string) =>
    t.services.db
      .selectFrom('audit_events')
      .select(['data', 'actor_role', 'user_agent'])
      .where('event_type', '=', 'copy-of-record.rendered')
      .where(sql<string>`data->>'submissionId'`, '=', submissionId)
      .execute();
  const storedJson = async (submissionId: string) =>
    (await t.services.db.selectFrom('submissions').select(['canonical_json', 'sha256']).where('id', '=', submissionId).executeTakeFirstOrThrow());
  const authority = async (jurisdictionId: string) =>
    (await t.services.db.selectFrom('jurisdictions').select('authority').where('id', '=', jurisdictionId).executeTakeFirstOrThrow()).authority;

  /** Signs a draft NEC with one attachment; returns the submission and what signing used to render inline. */
  async function signNec(): Promise<{ submissionId: string; filingId: string; oldInline: CopyOfRecordContent }> {
    const { filingId } = await createDraftNec(t, { organizationId, createdBy: signer.id });
    await t.services.db
      .insertInto('attachments')
      .values({ filing_id: filingId, purpose: 'site-map', file_name: 'map.pdf', content_type: 'application/pdf', byte_size: 1234, sha256: 'b'.repeat(64), uploaded_by: signer.id, uploaded_at: t.clock.now() })
      .execute();
    const filing = await loadSigningFiling(t.services.db, filingId);
    const signedAt = t.clock.now();
    const result = await signFiling(t.services, {
      actor: actorFor(signer.id),
      filingId,
      idempotencyKey: `render-${filingId}`,
      certify: true,
      password: TEST_PASSWORD,
      securitySlot: 1,
      securityAnswer: TEST_SECURITY_ANSWER,
    });
    // What prepareSubmission passed to renderCopyOfRecordPdfInPool before rendering left it.
    const description = describeFiling(filing.kind, filing.answers, { jurisdictionId: filing.jurisdiction_id });
    const stored = await storedJson(result.submissionId);
    const oldInline: CopyOfRecordContent = {
      title: description.title,
      sections: description.sections,
      attachments: filing.attachments,
      certificationStatement: description.certificationStatement,
      submissionId: result.submissionId,
      sequence: result.sequence,
      organizationName: filing.organizationName,
      facilityName: filing.facilityName,
      signer: { name: signer.name, email: signer.email, roleLabel: memberRoleLabels.lrp },
      signedAt,
      signerIp: actorFor(signer.id).ip,
      canonicalJson: stored.canonical_json,
      sha256: stored.sha256,
      authority: await authority(filing.jurisdiction_id),
    };
    return { submissionId: result.submissionId, filingId, oldInline };
  }

  it('signing stores no PDF and queues one render; the render is byte for byte what signing rendered, stored and audited once', async () => {
    const { submissionId, oldInline } = await signNec();
    assert.deepEqual(await storedPdfs(submissionId), []);
    assert.deepEqual(t.jobs.queuedCopyOfRecordRenders.filter((id) => id === submissionId), [submissionId]);

    const expected = await renderCopyOfRecordPdf(oldInline);
    let waits = 0;
    const rendered = await renderCopyOfRecord(t.services, { submissionId, beforeRendering: async () => void waits++ });
    assert.equal(waits, 1);
    assert.equal(rendered.pdfSha256, sha256Hex(expected));
    assert.deepEqual(rendered.pdf, expected);

    const [row] = await storedPdfs(submissionId);
    assert.deepEqual(Buffer.from(row!.pdf), expected);
    assert.equal(row!.pdf_sha256, rendered.pdfSha256);
    assert.equal(new Date(row!.rendered_at).toISOString(), t.clock.now().toISOString());
    const events = await renderedEvents(submissionId);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.data, { submissionId, pdfSha256: rendered.pdfSha256 });
    assert.equal(events[0]!.actor_role, 'system');

    // Again (a retried job, a second server): the stored PDF, no render, no second event.
    const again = await renderCopyOfRecord(t.services, { submissionId, beforeRendering: async () => assert.fail('rendered twice') });
    assert.deepEqual(again, rendered);
    assert.equal((await renderedEvents(submissionId)).length, 1);
    assert.equal((await verifyAuditChain(t.services)).ok, true);
  });

  it('an NEC recertification renders what recertifying rendered, with the original and last certification dates of its time', async () => {
    const necId = demoNecIds[0]!;
    const nec = await loadNec(t.services.db, necId, t.clock.now());
    assert.ok(nec.isPending, 'the demo NEC is due');
    const preparation = await prepareRecertification(t.services, { actor: actorFor(demoLrpId), filingId: necId });
    const signedAt = t.clock.now();
    const result = await recertifyNec(t.services, {
      actor: actorFor(demoLrpId),
      filingId: necId,
      answers: allNo(),
      idempotencyKey: preparation.idempotencyKey,
      certify: true,
      password: DEMO_PASSWORD,
      securitySlot: preparation.securityQuestion!.slot,
      securityAnswer: DEMO_SECURITY_ANSWER,
    });
    assert.equal(result.outcome, 'recertified');
    const submission = result.outcome === 'recertified' ? result.submission : assert.fail('not recertified');
    assert.deepEqual(await storedPdfs(submission.submissionId), []);
    assert.ok(t.jobs.queuedCopyOfRecordRenders.includes(submission.submissionId));

    const lrp = await t.services.db.selectFrom('users').select(['name', 'email']).where('id', '=', demoLrpId).executeTakeFirstOrThrow();
    const answers = { ...nec.filing.answers, ...allNo() };
    const description = describeRecertification({
      jurisdictionId: nec.filing.jurisdiction_id,
      permitId: nec.permitId,
      facilityName: nec.filing.facilityName,
      answers,
      originalCertifiedAt: nec.original.signedAt,
      lastRecertifiedAt: nec.lastRecertification?.signedAt ?? null,
      dueDate: nec.dueDate,
      statement: recertificationStatement(rulePackFor(nec.filing.jurisdiction_id)!),
    });
    const stored = await storedJson(submission.submissionId);
    const expected = await renderCopyOfRecordPdf({
      title: description.title,
      sections: description.sections,
      attachments: nec.filing.attachments,
      certificationStatement: description.certificationStatement,
      submissionId: submission.submissionId,
      sequence: submission.sequence,
      organizationName: nec.filing.organizationName,
      facilityName: nec.filing.facilityName,
      signer: { name: lrp.name, email: lrp.email, roleLabel: memberRoleLabels.lrp },
      signedAt,
      signerIp: actorFor(demoLrpId).ip,
      canonicalJson: stored.canonical_json,
      sha256: stored.sha256,
      authority: await authority(nec.filing.jurisdiction_id),
    });
    const rendered = await renderCopyOfRecord(t.services, { submissionId: submission.submissionId });
    assert.equal(rendered.pdfSha256, sha256Hex(expected));
    assert.deepEqual(rendered.pdf, expected);
  });

  it('a download before the job ran renders the PDF then, and the job finds it done', async () => {
    const { submissionId } = await signNec();
    const view = await getSubmission(t.services, { actor: actorFor(signer.id), submissionId });
    assert.equal(view.pdfSha256, null, 'not rendered yet');
    const downloaded = await getSubmission(t.services, { actor: actorFor(signer.id), submissionId, withPdf: true });
    assert.ok(downloaded.pdf?.subarray(0, 5).toString('latin1') === '%PDF-');
    assert.equal(downloaded.pdfSha256, sha256Hex(downloaded.pdf!));
    assert.equal((await storedPdfs(submissionId)).length, 1);

    const byJob = await renderCopyOfRecord(t.services, { submissionId, beforeRendering: async () => assert.fail('rendered twice') });
    assert.deepEqual(byJob.pdf, downloaded.pdf);
    assert.equal((await renderedEvents(submissionId)).length, 1);
    assert.equal((await getSubmission(t.services, { actor: actorFor(signer.id), submissionId })).pdfSha256, byJob.pdfSha256);

    // /verify finds the rendered PDF by its hash.
    const verdict = await verifyCopyOfRecord(t.services, { content: downloaded.pdf! });
    assert.ok(verdict.outcome === 'authentic' && verdict.submission.id === submissionId);
  });

  it('renders every PDF not rendered yet (outfall copies-of-record render), and nothing the second time', async () => {
    const { submissionId } = await signNec();
    const unrendered = async () =>
      (
        await t.services.db
          .selectFrom('submissions')
          .leftJoin('copy_of_record_pdfs', 'copy_of_record_pdfs.submission_id', 'submissions.id')
          .select('submissions.id')
          .where('copy_of_record_pdfs.submission_id', 'is', null)
          .execute()
      ).map((r) => r.id);
    const before = await unrendered();
    assert.ok(before.includes(submissionId));
    assert.ok(before.length >= 4, 'the demo NECs and this one');
    assert.deepEqual(await renderPendingCopiesOfRecord(t.services), { rendered: before.length });
    assert.deepEqual(await unrendered(), []);
    assert.deepEqual(await renderPendingCopiesOfRecord(t.services), { rendered: 0 });
    assert.equal((await verifyAuditChain(t.services)).ok, true);
  });
});
