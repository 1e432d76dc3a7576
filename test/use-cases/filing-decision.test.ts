import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.ts';
import { isEditable } from '../../src/domain/filings/filing-kinds.ts';
import { acceptFiling } from '../../src/use-cases/review/accept-filing.ts';
import { denyFiling } from '../../src/use-cases/review/deny-filing.ts';
import { getFilingHistory } from '../../src/use-cases/review/get-filing-history.ts';
import { returnFiling } from '../../src/use-cases/review/return-filing.ts';
import { addSubmission, createSubmittedFiling } from '../support/filing-review-fixtures.ts';
import { actorFor, createOrganizationWithMembers, createPerson, type TestPerson, type TestOrganization } from '../support/people.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe('review decisions', () => {
  let t: TestContext;
  let reviewer: TestPerson;
  let californiaReviewer: TestPerson;
  let lrp: TestPerson;
  let otherLrp: TestPerson;
  let submitter: TestPerson;
  let organization: TestOrganization;

  before(async () => {
    t = await createTestContext();
    reviewer = await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'reviewer' }] });
    californiaReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    lrp = await createPerson(t, { email: 'lrp@sawmill.test' });
    otherLrp = await createPerson(t, { email: 'lrp2@sawmill.test' });
    submitter = await createPerson(t, { email: 'submitter@sawmill.test' });
    organization = await createOrganizationWithMembers(t, {
      jurisdictionId: 'menominee',
      members: [
        { userId: lrp.id, role: 'lrp' },
        { userId: otherLrp.id, role: 'lrp' },
        { userId: submitter.id, role: 'submitter' },
      ],
    });
  });
  after(() => t.close());

  const filingRow = (id: string) => t.services.db.selectFrom('filings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditRows = (id: string) => t.services.db.selectFrom('audit_events').select(['event_type', 'data', 'actor_role']).where('subject_id', '=', id).orderBy('seq').execute();

  it('accepting assigns the permit ID and coverage start, records the decision, audits and e-mails the LRPs and the signer', async () => {
    t.clock.set('2026-11-22T15:00:00Z');
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, kind: 'noi-construction', signedAt: new Date('2026-11-20T10:00:00Z') });
    const before = t.jobs.queuedOutboxIds.length;
    const result = await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    assert.match(result.permitId!, /^MEN-C-2026-\d{5}$/);
    assert.equal(result.coverageStart, '2026-11-22');
    const row = await filingRow(submitted.filingId);
    assert.equal(row.status, 'accepted');
    assert.equal(row.permit_id, result.permitId);
    assert.equal(String(row.coverage_start).slice(0, 10), '2026-11-22');
    assert.ok(row.decided_at);
    const decisions = await t.services.db.selectFrom('review_decisions').selectAll().where('filing_id', '=', submitted.filingId).execute();
    assert.deepEqual(decisions.map((d) => [d.decision, d.submission_id, d.decided_by]), [['accepted', submitted.submissionId, reviewer.id]]);
    const audit = await auditRows(submitted.filingId);
    assert.equal(audit.at(-1)!.event_type, 'filing.accepted');
    assert.deepEqual(audit.at(-1)!.data, { submissionId: submitted.submissionId, permitId: result.permitId, coverageStart: '2026-11-22' });
    assert.equal(t.jobs.queuedOutboxIds.length - before, 2, 'both confirmed LRPs (the signer is one of them)');
    const mail = await t.deliverMail();
    assert.deepEqual(mail.map((m) => m.to).sort(), ['lrp2@sawmill.test', 'lrp@sawmill.test']);
    assert.ok(mail.every((m) => m.text.includes(result.permitId!) && m.text.includes('2026-11-22')));
  });

  it('coverage starts two days after submission when accepted sooner', async () => {
    t.clock.set('2026-11-30T16:00:00Z');
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, kind: 'nec', signedAt: new Date('2026-11-30T09:00:00Z') });
    const result = await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    assert.equal(result.coverageStart, '2026-12-02');
    assert.match(result.permitId!, /^MEN-X-2026-\d{5}$/);
    await t.deliverMail();
  });

  it('returning needs reasons, makes the filing editable, and a second submission can then be accepted', async () => {
    t.clock.set('2026-11-22T15:00:00Z');
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id, kind: 'noi-construction' });
    await assert.rejects(returnFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: { reasons: '  ' } }), (error: unknown) => {
      assert.ok(error instanceof AppError && error.code === 'validation');
      assert.equal(error.fieldErrors[0]!.path, 'reasons');
      return true;
    });
    assert.equal((await filingRow(submitted.filingId)).status, 'submitted');

    await returnFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: { reasons: 'Give the receiving waters.' } });
    const returned = await filingRow(submitted.filingId);
    assert.equal(returned.status, 'returned');
    assert.ok(isEditable(returned.status));
    assert.equal((await auditRows(submitted.filingId)).at(-1)!.event_type, 'filing.returned');
    const returnMail = await t.deliverMail();
    assert.ok(returnMail.length === 2 && returnMail.every((m) => m.text.includes('Give the receiving waters.')));

    t.clock.advanceMinutes(60 * 24);
    const second = await addSubmission(t, { filingId: submitted.filingId, signerUserId: lrp.id });
    const accepted = await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    assert.ok(accepted.permitId);
    const history = await getFilingHistory(t.services, { actor: actorFor(submitter.id), filingId: submitted.filingId });
    assert.deepEqual(
      history.history.map((h) => (h.type === 'submission' ? `submission ${h.sequence}` : `${h.decision} ${h.submissionSequence} ${h.reasons ?? ''}`.trim())),
      ['submission 1', 'returned 1 Give the receiving waters.', 'submission 2', 'accepted 2'],
    );
    assert.equal(history.decisions.at(-1)!.submissionId, second);
    await t.deliverMail();
  });

  it('denying needs reasons and records them', async () => {
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id });
    await assert.rejects(denyFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: {} }), isCode('validation'));
    await denyFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: { reasons: 'The site is not in the jurisdiction.' } });
    const row = await filingRow(submitted.filingId);
    assert.equal(row.status, 'denied');
    assert.equal(row.permit_id, null);
    const audit = (await auditRows(submitted.filingId)).at(-1)!;
    assert.equal(audit.event_type, 'filing.denied');
    assert.deepEqual(audit.data, { submissionId: submitted.submissionId, reasons: 'The site is not in the jurisdiction.' });
    const mail = await t.deliverMail();
    assert.ok(mail.length === 2 && mail.every((m) => m.subject.startsWith('Denied')));
  });

  it('a decision on a filing that is not awaiting review is a conflict', async () => {
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id });
    await acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    await t.deliverMail();
    const decide = [
      () => acceptFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId }),
      () => returnFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: { reasons: 'x' } }),
      () => denyFiling(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId, input: { reasons: 'x' } }),
    ];
    for (const attempt of decide) await assert.rejects(attempt(), isCode('conflict'));
    await t.services.db.updateTable('filings').set({ status: 'draft' }).where('id', '=', submitted.filingId).execute();
    await assert.rejects(decide[0]!(), isCode('conflict'));
    const decisions = await t.services.db.selectFrom('review_decisions').select('id').where('filing_id', '=', submitted.filingId).execute();
    assert.equal(decisions.length, 1);
  });

  it('two accepts in the same series at once get different sequence numbers', async () => {
    const secondReviewer = await createPerson(t, { staff: [{ jurisdictionId: 'california', role: 'reviewer' }] });
    const caOrganization = await createOrganizationWithMembers(t, { jurisdictionId: 'california', members: [{ userId: lrp.id, role: 'lrp' }] });
    const a = await createSubmittedFiling(t, { organizationId: caOrganization.id, jurisdictionId: 'california', signerUserId: lrp.id, kind: 'noi-nonconstruction', county: 'Orange' });
    const b = await createSubmittedFiling(t, { organizationId: caOrganization.id, jurisdictionId: 'california', signerUserId: lrp.id, kind: 'nec', county: 'orange county' });
    const [first, second] = await Promise.all([
      acceptFiling(t.services, { actor: actorFor(californiaReviewer.id), filingId: a.filingId }),
      acceptFiling(t.services, { actor: actorFor(secondReviewer.id), filingId: b.filingId }),
    ]);
    assert.deepEqual([first.permitId, second.permitId].sort(), ['9 30I000001', '9 30I000002']);
    await t.deliverMail();
  });

  describe('who may decide', () => {
    const actions = [
      { name: 'accept', run: (userId: string, filingId: string) => acceptFiling(t.services, { actor: actorFor(userId), filingId }) },
      { name: 'return', run: (userId: string, filingId: string) => returnFiling(t.services, { actor: actorFor(userId), filingId, input: { reasons: 'Fix it.' } }) },
      { name: 'deny', run: (userId: string, filingId: string) => denyFiling(t.services, { actor: actorFor(userId), filingId, input: { reasons: 'No.' } }) },
    ];
    const people: { name: string; userId: () => Promise<string> }[] = [
      { name: 'a reviewer of the other jurisdiction', userId: async () => californiaReviewer.id },
      { name: 'an administrator who is not a reviewer', userId: async () => (await createPerson(t, { staff: [{ jurisdictionId: 'menominee', role: 'administrator' }] })).id },
      { name: 'an LRP of the organization', userId: async () => lrp.id },
      { name: 'a Data Submitter of the organization', userId: async () => submitter.id },
    ];
    for (const person of people) {
      for (const action of actions) {
        it(`${person.name} may not ${action.name}, and nothing is written`, async () => {
          const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id });
          const queued = t.jobs.queuedOutboxIds.length;
          await assert.rejects(action.run(await person.userId(), submitted.filingId), isCode('forbidden'));
          const row = await filingRow(submitted.filingId);
          assert.equal(row.status, 'submitted');
          assert.equal(row.permit_id, null);
          assert.equal((await t.services.db.selectFrom('review_decisions').select('id').where('filing_id', '=', submitted.filingId).execute()).length, 0);
          assert.equal((await auditRows(submitted.filingId)).length, 0);
          assert.equal(t.jobs.queuedOutboxIds.length, queued);
        });
      }
    }
  });

  it('the history is for members and staff only', async () => {
    const submitted = await createSubmittedFiling(t, { organizationId: organization.id, jurisdictionId: 'menominee', signerUserId: lrp.id });
    const stranger = await createPerson(t);
    await assert.rejects(getFilingHistory(t.services, { actor: actorFor(stranger.id), filingId: submitted.filingId }), isCode('forbidden'));
    await assert.rejects(getFilingHistory(t.services, { actor: actorFor(californiaReviewer.id), filingId: submitted.filingId }), isCode('forbidden'));
    const seen = await getFilingHistory(t.services, { actor: actorFor(reviewer.id), filingId: submitted.filingId });
    assert.equal(seen.submissions.length, 1);
    await assert.rejects(getFilingHistory(t.services, { actor: actorFor(reviewer.id), filingId: 'not-a-uuid' }), isCode('not-found'));
  });
});
