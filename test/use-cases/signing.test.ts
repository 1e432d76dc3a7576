// Signing a filing (CROMERR): who may sign, eAuthorization, completeness, the lockout at
// exactly three wrong answers, idempotent retries, and the copy of record written once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MemberRole } from '../../src/db/schema.ts';
import { AppError } from '../../src/domain/errors.ts';
import { signFiling } from '../../src/use-cases/signing/sign-filing.ts';
import { prepareSigning } from '../../src/use-cases/signing/prepare-signing.ts';
import { actorFor, createOrganizationWithMembers, createPerson, TEST_PASSWORD } from '../support/people.ts';
import { completeNecAnswers, createDraftNec, giveSecurityAnswers, putEAuthorizationOnRecord, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

async function setup(role: MemberRole, options: { eAuthorization?: boolean; isLrpConfirmed?: boolean; answers?: Record<string, string> } = {}) {
  const signer = await createPerson(t);
  const reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
  const otherLrp = await createPerson(t);
  const org = await createOrganizationWithMembers(t, {
    members: [
      { userId: signer.id, role, isLrpConfirmed: options.isLrpConfirmed },
      { userId: otherLrp.id, role: 'lrp' },
    ],
  });
  await giveSecurityAnswers(t, signer.id);
  if (options.eAuthorization !== false) await putEAuthorizationOnRecord(t, { userId: signer.id, organizationId: org.id, reviewerId: reviewer.id });
  const { filingId } = await createDraftNec(t, { organizationId: org.id, createdBy: signer.id, answers: options.answers });
  return { signer, otherLrp, org, filingId };
}

const goodAnswers = (filingId: string, key = `key-${crypto.randomUUID()}`) => ({
  filingId,
  idempotencyKey: key,
  certify: true,
  password: TEST_PASSWORD,
  securitySlot: 2,
  securityAnswer: ` ${TEST_SECURITY_ANSWER.toUpperCase()} `,
});

async function auditCount(type: string, subjectId: string): Promise<number> {
  const rows = await t.services.db.selectFrom('audit_events').select('seq').where('event_type', '=', type).where('subject_id', '=', subjectId).execute();
  return rows.length;
}

describe('who may sign an NEC', () => {
  const cases: { name: string; role: MemberRole; eAuthorization: boolean; isLrpConfirmed?: boolean; expect: 'signed' | RegExp }[] = [
    { name: 'a confirmed LRP with an eAuthorization', role: 'lrp', eAuthorization: true, expect: 'signed' },
    { name: 'an LRP without an eAuthorization', role: 'lrp', eAuthorization: false, expect: /Electronic Signature Agreement/ },
    { name: 'an LRP not yet confirmed by the authority', role: 'lrp', eAuthorization: true, isLrpConfirmed: false, expect: /confirmed you/ },
    { name: 'a DAR (an NEC is LRP only)', role: 'dar', eAuthorization: true, expect: /Only a Legally Responsible Person/ },
    { name: 'a Data Submitter', role: 'submitter', eAuthorization: true, expect: /Only a Legally Responsible Person/ },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.expect === 'signed' ? 'signs' : 'is refused'}`, async () => {
      const { signer, filingId } = await setup(c.role, { eAuthorization: c.eAuthorization, isLrpConfirmed: c.isLrpConfirmed });
      const page = await prepareSigning(t.services, { actor: actorFor(signer.id), filingId });
      if (c.expect === 'signed') {
        assert.equal(page.refusal, null);
        const result = await signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId) });
        assert.equal(result.alreadySigned, false);
        assert.equal(result.sequence, 1);
        const filing = await t.services.db.selectFrom('filings').select(['status', 'submitted_at']).where('id', '=', filingId).executeTakeFirstOrThrow();
        assert.equal(filing.status, 'submitted');
        assert.ok(filing.submitted_at);
      } else {
        assert.match(page.refusal?.message ?? '', c.expect);
        await assert.rejects(signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId) }), (e: AppError) => e.code === 'forbidden' && c.expect instanceof RegExp && c.expect.test(e.message));
        assert.equal(await auditCount('filing.signed', filingId), 0);
      }
    });
  }

  it('a member of another organization is refused', async () => {
    const { filingId } = await setup('lrp');
    const stranger = await setup('lrp');
    await assert.rejects(prepareSigning(t.services, { actor: actorFor(stranger.signer.id), filingId }), (e: AppError) => e.code === 'forbidden');
    await assert.rejects(signFiling(t.services, { actor: actorFor(stranger.signer.id), ...goodAnswers(filingId) }), (e: AppError) => e.code === 'forbidden');
  });
});

describe('signing', () => {
  it('refuses an incomplete filing, naming what to fix', async () => {
    const answers = completeNecAnswers('Keshena Sawmill');
    delete answers.exposureC;
    const { signer, filingId } = await setup('lrp', { answers });
    const page = await prepareSigning(t.services, { actor: actorFor(signer.id), filingId });
    assert.deepEqual(page.incomplete.map((e) => e.path), ['exposureC']);
    await assert.rejects(signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId) }), (e: AppError) => e.code === 'validation' && e.fieldErrors[0]?.path === 'answers.exposureC');
  });

  it('refuses without the certification box ticked', async () => {
    const { signer, filingId } = await setup('lrp');
    await assert.rejects(signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId), certify: false }), (e: AppError) => e.fieldErrors.some((f) => f.path === 'certify'));
  });

  it('locks signing at exactly the third wrong answer, tells the owner, and unlocks after 24 hours', async () => {
    const { signer, filingId } = await setup('lrp');
    const actor = actorFor(signer.id);
    await assert.rejects(signFiling(t.services, { actor, ...goodAnswers(filingId), password: 'wrong' }), (e: AppError) => e.code === 'validation' && e.fieldErrors[0]?.path === 'password');
    await assert.rejects(signFiling(t.services, { actor, ...goodAnswers(filingId), securityAnswer: 'red' }), (e: AppError) => e.code === 'validation' && e.fieldErrors[0]?.path === 'securityAnswer');
    let user = await t.services.db.selectFrom('users').select(['signing_failures', 'signing_locked_at']).where('id', '=', signer.id).executeTakeFirstOrThrow();
    assert.equal(user.signing_failures, 2);
    assert.equal(user.signing_locked_at, null);
    await assert.rejects(signFiling(t.services, { actor, ...goodAnswers(filingId), password: 'wrong' }), (e: AppError) => e.code === 'forbidden' && /locked/.test(e.message));
    user = await t.services.db.selectFrom('users').select(['signing_failures', 'signing_locked_at']).where('id', '=', signer.id).executeTakeFirstOrThrow();
    assert.equal(user.signing_failures, 3);
    assert.ok(user.signing_locked_at);
    assert.equal(await auditCount('filing.signing-failed', filingId), 3);
    assert.equal(await auditCount('filing.signing-locked', filingId), 1);
    const mail = await t.deliverMail();
    assert.ok(mail.some((m) => m.to === signer.email && /locked/.test(m.subject)));
    // Even the right answers are refused while locked.
    await assert.rejects(signFiling(t.services, { actor, ...goodAnswers(filingId) }), (e: AppError) => e.code === 'forbidden' && /unlocks/.test(e.message));
    t.clock.advanceMinutes(24 * 60 + 1);
    const result = await signFiling(t.services, { actor, ...goodAnswers(filingId) });
    assert.equal(result.alreadySigned, false);
    user = await t.services.db.selectFrom('users').select(['signing_failures', 'signing_locked_at']).where('id', '=', signer.id).executeTakeFirstOrThrow();
    assert.equal(user.signing_failures, 0);
    assert.equal(user.signing_locked_at, null);
  });

  it('records a retried submission once: one submission, one audit row, one set of e-mails', async () => {
    const { signer, otherLrp, filingId } = await setup('lrp');
    const attachmentHash = 'a'.repeat(64);
    await t.services.db
      .insertInto('attachments')
      .values({ filing_id: filingId, purpose: 'site-map', file_name: 'map.pdf', content_type: 'application/pdf', byte_size: 1234, sha256: attachmentHash, uploaded_by: signer.id, uploaded_at: t.clock.now() })
      .execute();
    await t.deliverMail();
    const answers = goodAnswers(filingId);
    const first = await signFiling(t.services, { actor: actorFor(signer.id), ...answers });
    const second = await signFiling(t.services, { actor: actorFor(signer.id), ...answers });
    assert.equal(second.alreadySigned, true);
    assert.equal(second.submissionId, first.submissionId);
    const submissions = await t.services.db.selectFrom('submissions').select(['id', 'sha256', 'canonical_json']).where('filing_id', '=', filingId).execute();
    assert.equal(submissions.length, 1);
    assert.equal(await auditCount('filing.signed', filingId), 1);
    // Signing renders no PDF: it queues one job to render it after commit, once.
    assert.equal(await t.services.db.selectFrom('copy_of_record_pdfs').select('submission_id').where('submission_id', '=', first.submissionId).executeTakeFirst(), undefined);
    assert.deepEqual(t.jobs.queuedCopyOfRecordRenders.filter((id) => id === first.submissionId), [first.submissionId]);
    const signed = await t.services.db.selectFrom('audit_events').select(['schema_version', 'data']).where('event_type', '=', 'filing.signed').where('subject_id', '=', filingId).executeTakeFirstOrThrow();
    assert.equal(signed.schema_version, 2);
    assert.deepEqual(Object.keys(signed.data as object).sort(), ['kind', 'sequence', 'sha256', 'submissionId']);
    const mail = (await t.deliverMail()).filter((m) => m.subject.includes(first.submissionId));
    assert.deepEqual(mail.map((m) => m.to).sort(), [signer.email, otherLrp.email].sort());
    assert.ok(mail.every((m) => m.text.includes(first.sha256)));

    const json = JSON.parse(submissions[0]!.canonical_json);
    assert.equal(json.type, 'outfall.copy-of-record');
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.signer.userId, signer.id);
    assert.equal(json.filing.answers.exposureA, 'no');
    assert.match(json.certificationStatement, /I certify under penalty of law/);
    assert.deepEqual(json.attachments, [{ purpose: 'site-map', fileName: 'map.pdf', contentType: 'application/pdf', byteSize: 1234, sha256: attachmentHash }]);

    await t.renderCopiesOfRecord();
    const stored = await t.services.db.selectFrom('copy_of_record_pdfs').select('pdf').where('submission_id', '=', first.submissionId).executeTakeFirstOrThrow();
    const pdf = Buffer.from(stored.pdf).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-1.7'));
    assert.ok(pdf.includes(first.sha256), 'the hash is in the PDF');
    assert.ok(pdf.includes('PublicSans'), 'Public Sans is embedded');
    assert.ok(pdf.includes('/FontFile2'), 'the font program is embedded');
    assert.ok(!pdf.includes('Helvetica'), 'no standard 14 font');
    assert.ok(pdf.includes('copy-of-record.json'), 'the canonical JSON is attached');

    // A signed filing cannot be signed again, and the copy of record cannot be changed.
    await assert.rejects(signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId) }), (e: AppError) => e.code === 'conflict');
    await assert.rejects(t.services.db.updateTable('submissions').set({ signer_name: 'Someone else' }).where('id', '=', first.submissionId).execute(), /copies of record/);

    // Returned for correction, it is signed again as submission 2; the first copy stays.
    await t.services.db.updateTable('filings').set({ status: 'returned' }).where('id', '=', filingId).execute();
    const again = await signFiling(t.services, { actor: actorFor(signer.id), ...goodAnswers(filingId) });
    assert.equal(again.sequence, 2);
    assert.notEqual(again.sha256, first.sha256);
    assert.equal((await t.services.db.selectFrom('submissions').select('id').where('filing_id', '=', filingId).execute()).length, 2);
  });
});
