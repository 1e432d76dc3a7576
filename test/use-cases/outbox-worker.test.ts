// The real worker: pg-boss on the test database's own pool (one connection on PGlite),
// sending what a committed transaction queued and never what a rolled-back one did.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createJobRunner, MAIL_QUEUE, QUIET_MAIL_QUEUE, type JobRunner } from '../../src/jobs/job-runner.ts';
import type { MailMessage } from '../../src/mail/mail-transport.ts';
import { enqueueMail, enqueueMails } from '../../src/use-cases/mail/enqueue-mail.ts';
import type { Services } from '../../src/use-cases/services.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

const MAX_WAIT_MS = 20_000;

describe('e-mail outbox worker on pg-boss', () => {
  let t: TestContext;
  let runner: JobRunner;
  let services: Services;
  const delivered: MailMessage[] = [];

  before(async () => {
    // OUTFALL_RENDER_BUSY_ELU=1: mail that may wait never finds the server busy here.
    t = await createTestContext({ OUTFALL_RENDER_BUSY_ELU: '1' });
    runner = createJobRunner(t.database.pool);
    services = { ...t.services, jobs: runner };
    await runner.start({ work: true, services, transport: { send: async (message) => void delivered.push(message) } });
  });
  after(async () => {
    await runner.stop();
    await t.close();
  });

  async function waitUntilSent(outboxId: string): Promise<Date | null> {
    const deadline = Date.now() + MAX_WAIT_MS;
    while (Date.now() < deadline) {
      const row = await t.services.db.selectFrom('mail_outbox').select('sent_at').where('id', '=', outboxId).executeTakeFirstOrThrow();
      if (row.sent_at) return new Date(row.sent_at);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  it('delivers a mail queued in a committed transaction within seconds, and never one whose transaction rolled back', async () => {
    await assert.rejects(
      services.db.transaction().execute(async (tx) => {
        await enqueueMail(tx, services, { to: 'ghost@example.test', subject: 'Never sent', text: 'x', template: 'test' });
        throw new Error('the event failed');
      }),
      /the event failed/,
    );
    const started = Date.now();
    const outboxId = await services.db.transaction().execute((tx) =>
      enqueueMail(tx, services, { to: 'lrp@example.test', subject: 'Your e-mail address', text: 'Hello', template: 'test' }),
    );
    const sentAt = await waitUntilSent(outboxId);
    assert.ok(sentAt, `sent within ${MAX_WAIT_MS / 1000} s`);
    assert.ok(Date.now() - started < MAX_WAIT_MS);

    assert.deepEqual(delivered.map((m) => [m.to, m.subject]), [['lrp@example.test', 'Your e-mail address']]);
    const row = await t.services.db.selectFrom('mail_outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    assert.equal(delivered[0]!.messageId, row.message_id);
    assert.equal(row.attempts, 1);
    // Only the committed message ever reached the outbox or the queue.
    assert.equal((await t.services.db.selectFrom('mail_outbox').select('id').execute()).length, 1);
    const jobs = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pgboss.job WHERE name = ${MAIL_QUEUE}`.execute(t.services.db);
    assert.equal(jobs.rows[0]!.n, '1');
  });

  it('queues several messages at once (an acknowledgment to every LRP, which may wait for a quiet server) and delivers each exactly once', async () => {
    const recipients = ['lrp1@example.test', 'lrp2@example.test', 'lrp3@example.test'];
    const ids = await services.db.transaction().execute((tx) =>
      enqueueMails(tx, services, recipients.map((to) => ({ to, subject: 'Submission received', text: 'Received.', template: 'test' })), { whenQuiet: true }),
    );
    const queued = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pgboss.job WHERE name = ${QUIET_MAIL_QUEUE}`.execute(t.services.db);
    assert.equal(queued.rows[0]!.n, '3');
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) assert.ok(await waitUntilSent(id), `outbox ${id} sent within ${MAX_WAIT_MS / 1000} s`);
    const sent = delivered.filter((m) => m.subject === 'Submission received').map((m) => m.to).sort();
    assert.deepEqual(sent, recipients);
  });
});

describe('e-mail that may wait, on a busy server', () => {
  it('sends account mail at once while acknowledgments wait for the server to quiet down', async () => {
    // OUTFALL_RENDER_BUSY_ELU=0: the server always counts as busy, so mail that may wait
    // waits its longest (a minute), while mail that may not goes at once.
    const t = await createTestContext({ OUTFALL_RENDER_BUSY_ELU: '0' });
    const runner = createJobRunner(t.database.pool);
    const services = { ...t.services, jobs: runner };
    const delivered: string[] = [];
    try {
      await runner.start({ work: true, services, transport: { send: async (message) => void delivered.push(message.subject) } });
      await services.db.transaction().execute(async (tx) => {
        await enqueueMails(tx, services, [{ to: 'lrp@example.test', subject: 'Recertified', text: 'Received.', template: 'test' }], { whenQuiet: true });
        await enqueueMail(tx, services, { to: 'lrp@example.test', subject: 'Reset your password', text: 'Open the link.', template: 'test' });
      });
      const deadline = Date.now() + MAX_WAIT_MS;
      while (!delivered.includes('Reset your password') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(delivered, ['Reset your password']);
    } finally {
      await runner.stop();
      await t.close();
    }
  });
});

describe('queueing mail without the job runner', () => {
  it('fails the transaction when the mail queue was never installed, leaving no message behind', async () => {
    const t = await createTestContext();
    try {
      const runner = createJobRunner(t.database.pool);
      const services = { ...t.services, jobs: runner };
      await assert.rejects(
        services.db.transaction().execute((tx) => enqueueMail(tx, services, { to: 'lrp@example.test', subject: 'Lost', text: 'x', template: 'test' })),
        /The mail-delivery queue is not installed/,
      );
      assert.equal((await t.services.db.selectFrom('mail_outbox').select('id').execute()).length, 0);
    } finally {
      await t.close();
    }
  });
});
