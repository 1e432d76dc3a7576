// The recertification sweeps as the running server does them: the job runner writes the
// hourly pg-boss schedule, and a sweep job (as the cron would make it) sends the reminders
// due on the clock's day, once, however often it runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import { createJobRunner } from '../../src/jobs/job-runner.ts';
import { RECERTIFICATION_SWEEP_CRON, RECERTIFICATION_SWEEP_QUEUE, startRecertificationSweeps } from '../../src/jobs/recertification-schedule-jobs.ts';
import type { Services } from '../../src/use-cases/services.ts';
import { createAcceptedNec } from '../support/recertification-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const MAX_WAIT_MS = 20_000;
const noMail = { send: async () => undefined };

describe('scheduled recertification sweeps on pg-boss', () => {
  let t: TestContext;

  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  it('the job runner schedules the sweep hourly, once for the cluster however many servers start', async () => {
    const first = createJobRunner(t.database.pool);
    const second = createJobRunner(t.database.pool);
    try {
      await first.start({ work: true, services: { ...t.services, jobs: first }, transport: noMail });
      await second.start({ work: true, services: { ...t.services, jobs: second }, transport: noMail });
      const schedules = await sql<{ name: string; cron: string; timezone: string }>`SELECT name, cron, timezone FROM pgboss.schedule`.execute(t.services.db);
      assert.deepEqual(schedules.rows, [{ name: RECERTIFICATION_SWEEP_QUEUE, cron: RECERTIFICATION_SWEEP_CRON, timezone: 'UTC' }]);
      assert.equal(RECERTIFICATION_SWEEP_CRON, '7 * * * *', 'hourly');
      const queue = await sql<{ policy: string }>`SELECT policy FROM pgboss.queue WHERE name = ${RECERTIFICATION_SWEEP_QUEUE}`.execute(t.services.db);
      assert.equal(queue.rows[0]?.policy, 'stately', 'at most one sweep queued and one running');
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  describe('a sweep job', () => {
    let boss: PgBoss;
    let services: Services;

    before(async () => {
      services = t.services;
      boss = new PgBoss({
        db: { executeSql: async (text: string, values?: unknown[]) => t.database.pool.query(text, values as unknown[]) },
        schema: 'pgboss',
        supervise: false,
        schedule: false,
      } as ConstructorParameters<typeof PgBoss>[0]);
      await boss.start();
      await startRecertificationSweeps(boss, services, { pollingIntervalSeconds: 1 });
      // A job the previous test's cron may have made on the real clock's minute would hold
      // the stately queue's one 'created' place; these tests send their own.
      await sql`DELETE FROM pgboss.job WHERE name = ${RECERTIFICATION_SWEEP_QUEUE}`.execute(t.services.db);
    });
    after(async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    });

    async function sweepAsTheCronWould(): Promise<void> {
      const jobId = await boss.send(RECERTIFICATION_SWEEP_QUEUE, {});
      assert.ok(jobId, 'the sweep job was queued');
      const deadline = Date.now() + MAX_WAIT_MS;
      while (Date.now() < deadline) {
        const job = await sql<{ state: string; output: unknown }>`SELECT state, output FROM pgboss.job WHERE id = ${jobId}`.execute(t.services.db);
        const state = job.rows[0]?.state;
        if (state === 'completed') return;
        if (state === 'failed' || state === 'retry') assert.fail(`the sweep job failed: ${JSON.stringify(job.rows[0]?.output)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.fail(`the sweep job did not complete within ${MAX_WAIT_MS / 1000} s`);
    }

    const noticesOf = (filingId: string) =>
      t.services.db.selectFrom('recertification_notices').select(['kind', 'due_date']).where('filing_id', '=', filingId).orderBy('sent_at').execute();
    const mailTo = (email: string) => t.services.db.selectFrom('mail_outbox').select(['template', 'subject']).where('to_address', '=', email).execute();

    it('sends the reminder due on the clock\'s day once, and the lapse notice after the due date once', async () => {
      // Menominee, certified 2026-03-10 → due 2031-03-10.
      const nec = await createAcceptedNec(t, { jurisdictionId: 'menominee', permitId: 'MN-NEC-0077', signedAt: '2026-03-10T17:00:00Z', facilityName: 'Keshena Sawmill' });

      t.clock.set('2030-12-10T15:00:00Z'); // day −90
      await sweepAsTheCronWould();
      assert.deepEqual(await noticesOf(nec.filingId), [{ kind: 'reminder-90', due_date: '2031-03-10' }]);
      await sweepAsTheCronWould(); // the next hour, the same day
      assert.deepEqual((await noticesOf(nec.filingId)).map((n) => n.kind), ['reminder-90']);
      assert.deepEqual((await mailTo(nec.lrp.email)).map((m) => m.template), ['nec-recertification-reminder']);

      t.clock.set('2031-03-11T15:00:00Z'); // the day after the due date
      await sweepAsTheCronWould();
      await sweepAsTheCronWould();
      assert.deepEqual((await noticesOf(nec.filingId)).map((n) => n.kind), ['reminder-90', 'lapsed']);
      assert.deepEqual((await mailTo(nec.lrp.email)).map((m) => m.template).sort(), ['nec-lapsed', 'nec-recertification-reminder']);

      const audit = await t.services.db
        .selectFrom('audit_events')
        .select(['event_type', 'actor_role', 'user_agent'])
        .where('subject_id', '=', nec.filingId)
        .where('event_type', 'like', 'nec.%')
        .orderBy('seq')
        .execute();
      assert.deepEqual(audit, [
        { event_type: 'nec.reminder-sent', actor_role: 'system', user_agent: 'outfall-scheduler' },
        { event_type: 'nec.lapsed', actor_role: 'system', user_agent: 'outfall-scheduler' },
      ]);
    });
  });
});
