// The real worker: pg-boss on the test database's own pool. A signature queues the render of
// its copy of record in its own transaction; the worker renders and stores the PDF soon after
// commit. A transaction that rolls back leaves no job. (OUTFALL_RENDER_BUSY_ELU=1: the
// worker does not wait for a quiet server here; render-yielding.test.ts tests the waiting.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { COPY_OF_RECORD_RENDER_QUEUE, createJobRunner, QUIET_MAIL_QUEUE, type JobRunner } from '../../src/jobs/job-runner.ts';
import { describeFiling } from '../../src/domain/filings/filing-description.ts';
import { loadSigningFiling } from '../../src/use-cases/signing/signing-records.ts';
import { prepareSubmission, storeSubmission, SubmissionRefused } from '../../src/use-cases/signing/write-submission.ts';
import type { Services, Tx } from '../../src/use-cases/services.ts';
import { signFiling } from '../../src/use-cases/signing/sign-filing.ts';
import { actorFor, createOrganizationWithMembers, createPerson, TEST_PASSWORD } from '../support/people.ts';
import { createDraftNec, giveSecurityAnswers, putEAuthorizationOnRecord, TEST_SECURITY_ANSWER } from '../support/signing-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const MAX_WAIT_MS = 30_000;

describe('copy-of-record render worker on pg-boss', () => {
  let t: TestContext;
  let runner: JobRunner;
  let services: Services;

  before(async () => {
    t = await createTestContext({ OUTFALL_RENDER_BUSY_ELU: '1' });
    runner = createJobRunner(t.database.pool);
    services = { ...t.services, jobs: runner };
    await runner.start({ work: true, services, transport: { send: async () => {} } });
  });
  after(async () => {
    await runner.stop();
    await t.close();
  });

  const jobsFor = async (submissionId: string, db: Services['db'] | Tx = t.services.db) =>
    Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM pgboss.job WHERE name = ${COPY_OF_RECORD_RENDER_QUEUE} AND data->>'submissionId' = ${submissionId}`.execute(db))
        .rows[0]!.n,
    );

  async function waitUntilRendered(submissionId: string): Promise<string | null> {
    const deadline = Date.now() + MAX_WAIT_MS;
    while (Date.now() < deadline) {
      const row = await t.services.db.selectFrom('copy_of_record_pdfs').select('pdf_sha256').where('submission_id', '=', submissionId).executeTakeFirst();
      if (row) return row.pdf_sha256;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  /** An LRP's NEC signed with the real job queue; a second LRP gets the acknowledgment too. */
  async function signNec() {
    const lrp = await createPerson(t);
    const otherLrp = await createPerson(t);
    const reviewer = await createPerson(t);
    const org = await createOrganizationWithMembers(t, { members: [{ userId: lrp.id, role: 'lrp' }, { userId: otherLrp.id, role: 'lrp' }] });
    await giveSecurityAnswers(t, lrp.id);
    await putEAuthorizationOnRecord(t, { userId: lrp.id, organizationId: org.id, reviewerId: reviewer.id });
    const { filingId } = await createDraftNec(t, { organizationId: org.id, createdBy: lrp.id });
    const signed = await signFiling(services, {
      actor: actorFor(lrp.id),
      filingId,
      idempotencyKey: `worker-${filingId}`,
      certify: true,
      password: TEST_PASSWORD,
      securitySlot: 1,
      securityAnswer: TEST_SECURITY_ANSWER,
    });
    return { lrp, filingId, signed };
  }

  it('renders the PDF of a signature after it commits, once', async () => {
    const { signed } = await signNec();
    assert.equal(await jobsFor(signed.submissionId), 1);
    const pdfSha256 = await waitUntilRendered(signed.submissionId);
    assert.ok(pdfSha256, `rendered within ${MAX_WAIT_MS / 1000} s`);
    const events = await t.services.db.selectFrom('audit_events').select('data').where('event_type', '=', 'copy-of-record.rendered').execute();
    assert.deepEqual(events.map((e) => e.data), [{ submissionId: signed.submissionId, pdfSha256 }]);
  });

  it('queues, with the copy of record, a delivery job for each acknowledgment, on the queue that waits for a quiet server', async () => {
    const { signed } = await signNec();
    const acknowledgments = await t.services.db.selectFrom('mail_outbox').select('id').where('subject', 'like', `%(submission ${signed.submissionId})`).execute();
    assert.ok(acknowledgments.length >= 1, 'the signer is acknowledged');
    const jobs = await sql<{ outbox_id: string }>`SELECT data->>'outboxId' AS outbox_id FROM pgboss.job WHERE name = ${QUIET_MAIL_QUEUE}`.execute(t.services.db);
    for (const { id } of acknowledgments) assert.ok(jobs.rows.some((job) => job.outbox_id === id), `a delivery job for ${id}`);
  });

  /** Another copy of record of a filing signNec signed, numbered after its last submission unless told otherwise. */
  async function prepareAnotherCopy(filingId: string, lrpId: string, copy: { idempotencyKey: string; signerHasFailures: boolean; signedAt: Date; lastSequence?: number }) {
    const filing = await loadSigningFiling(t.services.db, filingId);
    return prepareSubmission(
      t.services.db,
      {
        filing,
        answers: filing.answers,
        attachments: filing.attachments,
        description: describeFiling(filing.kind, filing.answers, { jurisdictionId: filing.jurisdiction_id }),
        signer: { userId: lrpId, name: 'LRP', email: 'lrp@example.test', role: 'lrp' },
        signerHasFailures: copy.signerHasFailures,
        actor: actorFor(lrpId),
        idempotencyKey: copy.idempotencyKey,
        purpose: 'filing',
        signedAt: copy.signedAt,
      },
      copy.lastSequence === undefined ? {} : { lastSequence: copy.lastSequence },
    );
  }

  // A copy of record the database refuses writes nothing: no message, job, audit event or
  // mark on the filing, whether its statement is the last of a transaction or stands alone.
  const refusals: { name: string; alone: boolean; lastSequence: number; key?: 'the signed one'; guard?: 'accepted' }[] = [
    { name: 'its number (filing, sequence) taken, in a transaction', alone: false, lastSequence: 0 },
    { name: 'its number taken, standing alone', alone: true, lastSequence: 0 },
    { name: "its form's idempotency key taken, standing alone", alone: true, lastSequence: 1, key: 'the signed one' },
    { name: 'its filing no longer in the guarded status, standing alone', alone: true, lastSequence: 1, guard: 'accepted' },
  ];
  for (const refusal of refusals) {
    it(`leaves nothing of a copy of record refused for ${refusal.name}`, async () => {
      const { lrp, filingId, signed } = await signNec();
      // The worker's own writes (the PDF and its audit event) are done before counting.
      assert.ok(await waitUntilRendered(signed.submissionId));
      const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(t.services.db)).rows[0]!.n);
      const signatureJobs = async () =>
        Number(
          (await sql<{ n: string }>`SELECT count(*)::text AS n FROM pgboss.job WHERE name IN (${COPY_OF_RECORD_RENDER_QUEUE}, ${QUIET_MAIL_QUEUE})`.execute(t.services.db))
            .rows[0]!.n,
        );
      const filingMark = async () => (await t.services.db.selectFrom('filings').select(['status', 'updated_at', 'updated_by']).where('id', '=', filingId).executeTakeFirstOrThrow());
      const counts = async () => ({
        mails: await count('mail_outbox'),
        jobs: await signatureJobs(),
        events: await count('audit_events'),
        submissions: await count('submissions'),
        filing: await filingMark(),
      });
      const before = await counts();
      assert.equal(before.filing.status, 'submitted');
      const prepared = await prepareAnotherCopy(filingId, lrp.id, {
        idempotencyKey: refusal.key ? `worker-${filingId}` : `second-${filingId}`,
        signerHasFailures: true,
        signedAt: new Date(),
        lastSequence: refusal.lastSequence,
      });
      const acknowledgment = { otherLrpEmails: ['other@example.test'], subject: 'Received', summary: 'Signed' };
      const guard = refusal.guard ? { status: refusal.guard, now: new Date(), userId: lrp.id } : undefined;
      await assert.rejects(
        refusal.alone
          ? storeSubmission(services.db, services, prepared, acknowledgment, guard)
          : services.db.transaction().execute((tx) => storeSubmission(tx, services, prepared, acknowledgment, guard)),
        (error: unknown) => error instanceof SubmissionRefused && /signed by someone else a moment ago/.test(error.message),
      );
      assert.deepEqual(await counts(), before);
    });
  }

  it('stores a copy of record standing alone when its filing is in the guarded status, and marks the filing', async () => {
    const { lrp, filingId } = await signNec();
    const now = new Date();
    const prepared = await prepareAnotherCopy(filingId, lrp.id, { idempotencyKey: `guarded-${filingId}`, signerHasFailures: false, signedAt: now });
    const stored = await storeSubmission(services.db, services, prepared, null, { status: 'submitted', now, userId: lrp.id });
    assert.deepEqual([stored.sequence, stored.alreadySigned], [2, false]);
    assert.equal(await jobsFor(stored.submissionId), 1);
    const mark = await t.services.db.selectFrom('filings').select(['updated_at', 'updated_by']).where('id', '=', filingId).executeTakeFirstOrThrow();
    assert.deepEqual([new Date(mark.updated_at).getTime(), mark.updated_by], [now.getTime(), lrp.id]);
    const event = await t.services.db.selectFrom('audit_events').select('data').where('event_type', '=', 'filing.signed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((event.data as { submissionId: string }).submissionId, stored.submissionId);
  });

  it('queues nothing when the transaction rolls back', async () => {
    const submissionId = crypto.randomUUID();
    await assert.rejects(
      services.db.transaction().execute(async (tx) => {
        await sql`WITH jobs AS (${await runner.jobsInsert(tx, [{ kind: 'copy-of-record-render', submissionId }])}) SELECT 1`.execute(tx);
        assert.equal(await jobsFor(submissionId, tx), 1, 'queued inside the transaction');
        throw new Error('the signature failed');
      }),
      /the signature failed/,
    );
    assert.equal(await jobsFor(submissionId), 0);
  });
});
