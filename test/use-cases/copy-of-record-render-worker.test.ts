// The real worker: pg-boss on the test database's own pool. A signature queues the render of
// its copy of record in its own transaction; the worker renders and stores the PDF soon after
// commit. A transaction that rolls back leaves no job. (OUTFALL_RENDER_BUSY_ELU=1: the
// worker does not wait for a quiet server here; render-yielding.test.ts tests the waiting.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { COPY_OF_RECORD_RENDER_QUEUE, createJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts';
import type { Services } from '../../src/use-cases/services.ts';
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

  const jobsFor = async (submissionId: string) =>
    Number(
      (await sql<{ n: string }>`SELECT count(*)::text AS n FROM pgboss.job WHERE name = ${COPY_OF_RECORD_RENDER_QUEUE} AND data->>'submissionId' = ${submissionId}`.execute(t.services.db))
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

  it('renders the PDF of a signature after it commits, once', async () => {
    const lrp = await createPerson(t);
    const reviewer = await createPerson(t);
    const org = await createOrganizationWithMembers(t, { members: [{ userId: lrp.id, role: 'lrp' }] });
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
    assert.equal(await jobsFor(signed.submissionId), 1);
    const pdfSha256 = await waitUntilRendered(signed.submissionId);
    assert.ok(pdfSha256, `rendered within ${MAX_WAIT_MS / 1000} s`);
    const events = await t.services.db.selectFrom('audit_events').select('data').where('event_type', '=', 'copy-of-record.rendered').execute();
    assert.deepEqual(events.map((e) => e.data), [{ submissionId: signed.submissionId, pdfSha256 }]);
  });

  it('queues nothing when the transaction rolls back', async () => {
    const submissionId = crypto.randomUUID();
    await assert.rejects(
      services.db.transaction().execute(async (tx) => {
        await runner.enqueueCopyOfRecordRender(tx, submissionId);
        throw new Error('the signature failed');
      }),
      /the signature failed/,
    );
    assert.equal(await jobsFor(submissionId), 0);
  });
});
