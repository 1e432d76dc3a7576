// pg-boss on the app's own pool: jobs are rows in the same database, queued inside the
// transaction that causes them (send with the transaction as its db). Any app server may
// work any job, so servers stay stateless.
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { MailTransport } from '../mail/mail-transport.ts';
import { deliverOutboxMails } from '../use-cases/mail/deliver-outbox-mail.ts';
import { startCopyOfRecordRendering } from './copy-of-record-render-jobs.ts';
import { RENDER_WAIT_STEP_MS, sleepUnlessStopped, waitWhileServerBusy } from './render-yielding.ts';
import { startRecertificationSweeps } from './recertification-schedule-jobs.ts';
import type { Db, JobQueue, Services, Tx } from '../use-cases/services.ts';
import { embeddedStatement } from '../db/sql-placeholders.ts';

export const MAIL_QUEUE = 'mail-delivery';
/** Mail that may wait while the server is busy: acknowledgments, reminders, lapse notices. */
export const QUIET_MAIL_QUEUE = 'mail-delivery-when-quiet';
// A batch of such mail waits at most this long for a quiet server, then goes anyway.
const QUIET_MAIL_MAX_WAIT_MS = 60_000;
export const COPY_OF_RECORD_RENDER_QUEUE = 'copy-of-record-render';

// Retry with back-off: 10 s, 20 s, 40 s … for about a day before giving up.
const mailRetry = { retryLimit: 12, retryDelay: 10, retryBackoff: true } as const;
// A render waits up to 5 minutes for a quiet server (jobs/render-yielding.ts), then takes
// tens of milliseconds: 15 minutes before pg-boss counts it as failed, then a few retries
// (a reader who needs the PDF meanwhile renders it on the spot).
const renderRetry = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

function executorFor(db: Db | Tx) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows };
    },
  };
}

export interface JobRunner extends JobQueue {
  start(options: { work: boolean; services: Services; transport: MailTransport }): Promise<void>;
  stop(): Promise<void>;
}

export function createJobRunner(pool: pg.Pool): JobRunner {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => pool.query(text, values as unknown[]) },
    schema: 'pgboss',
    supervise: true,
    // The cron schedules (recertification sweeps) run in every server that starts the
    // runner; pg-boss's cron lock turns each due schedule into one job for the cluster.
    schedule: true,
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (error: Error) => console.error(`[jobs] ${error.message}`));
  let started = false;
  // pg-boss's insert skips, without a word, jobs of a queue that does not exist yet: fail
  // the transaction rather than commit a message or a signature no job will ever follow up.
  // A queue, once there, stays, so each process looks once per queue. (No pgboss schema at
  // all fails the query, and the transaction with it, the same way.)
  const queuesSeen = new Set<string>();
  const assertQueueInstalled = async (db: ReturnType<typeof executorFor>, queue: string, what: string) => {
    if (queuesSeen.has(queue)) return;
    const { rows } = await db.executeSql('SELECT 1 FROM pgboss.queue WHERE name = $1', [queue]).catch(() => ({ rows: [] }));
    if (rows.length === 0) throw new Error(`The ${queue} queue is not installed; start the job runner before queueing its jobs (${what}).`);
    queuesSeen.add(queue);
  };
  // Jobs waiting for a quiet server stop waiting when the runner stops (and are retried).
  const stopping = new AbortController();
  const untilStopped = sleepUnlessStopped(stopping.signal);
  return {
    async start({ work, services, transport }) {
      await boss.start();
      await boss.createQueue(MAIL_QUEUE);
      await boss.createQueue(QUIET_MAIL_QUEUE);
      await boss.createQueue(COPY_OF_RECORD_RENDER_QUEUE);
      started = true;
      if (!work) return;
      // Up to 50 messages per fetch (one query fetches the jobs, one claims their messages,
      // one marks them sent, one completes the jobs), every half second: jobs queued with
      // insert do not wake the worker as send did, and an October 1 spike queues an
      // acknowledgment to every LRP of the organization per recertification. A failure
      // fails the batch; pg-boss retries it, and the messages already sent are skipped.
      await boss.work<{ outboxId: string }>(MAIL_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 50 }, async (jobs) => {
        await deliverOutboxMails(services, { outboxIds: jobs.map((job) => job.data.outboxId), transport });
      });
      // The same, after waiting (at most a minute a batch) while the server is busy, as
      // copies of record do (render-yielding.ts): on October 1 the acknowledgments queue up
      // behind the signatures and go out as soon as they let up.
      const quietPolicy = { busyEventLoopUtilization: services.config.renderBusyEventLoopUtilization, stepMs: RENDER_WAIT_STEP_MS, maxWaitMs: QUIET_MAIL_MAX_WAIT_MS };
      await boss.work<{ outboxId: string }>(QUIET_MAIL_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 50 }, async (jobs) => {
        await waitWhileServerBusy({ policy: quietPolicy, sleep: untilStopped });
        await deliverOutboxMails(services, { outboxIds: jobs.map((job) => job.data.outboxId), transport });
      });
      await startCopyOfRecordRendering(boss, services, COPY_OF_RECORD_RENDER_QUEUE, untilStopped);
      await startRecertificationSweeps(boss, services);
    },
    async stop() {
      stopping.abort();
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
    async enqueueMailDeliveries(tx, outboxIds, options = {}) {
      if (outboxIds.length === 0) return;
      const db = executorFor(tx);
      const queue = options.whenQuiet ? QUIET_MAIL_QUEUE : MAIL_QUEUE;
      await assertQueueInstalled(db, queue, `outbox ${outboxIds.join(', ')}`);
      await boss.insert(
        outboxIds.map((outboxId) => ({ name: queue, data: { outboxId }, ...mailRetry })),
        { db } as PgBoss.InsertOptions,
      );
    },
    async jobsInsert(tx, jobs) {
      const rows = jobs.map((job) =>
        job.kind === 'copy-of-record-render'
          ? { name: COPY_OF_RECORD_RENDER_QUEUE, data: { submissionId: job.submissionId }, ...renderRetry }
          : { name: job.whenQuiet ? QUIET_MAIL_QUEUE : MAIL_QUEUE, data: { outboxId: job.outboxId }, ...mailRetry },
      );
      const db = executorFor(tx);
      for (const queue of new Set(rows.map((row) => row.name))) await assertQueueInstalled(db, queue, 'the signature');
      // pg-boss's own insert (the one enqueueMailDeliveries runs), written but not run: this
      // executor keeps the statement and its values for the caller's statement.
      let written: { text: string; values: unknown[] } | undefined;
      const writer = {
        executeSql: async (text: string, values: unknown[] = []) => {
          written = { text, values };
          return { rows: [] };
        },
      };
      await boss.insert(rows, { db: writer } as PgBoss.InsertOptions);
      if (!written) throw new Error('pg-boss wrote no insert for the jobs');
      return embeddedStatement(written.text, written.values);
    },
  };
}
