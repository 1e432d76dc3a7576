import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFileMailTransport, fileNameForMessageId, type MailMessage, type MailTransport } from '../../src/mail/mail-transport.ts';
import { deliverOutboxMail, deliverOutboxMails, MailDeliveryError } from '../../src/use-cases/mail/deliver-outbox-mail.ts';
import { enqueueMail } from '../../src/use-cases/mail/enqueue-mail.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('e-mail outbox delivery', () => {
  let t: TestContext;
  let mailDir: string;
  before(async () => {
    t = await createTestContext();
    mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-mail-'));
  });
  after(async () => {
    await t.close();
    fs.rmSync(mailDir, { recursive: true, force: true });
  });

  async function enqueue(subject: string): Promise<string> {
    return t.services.db.transaction().execute((tx) =>
      enqueueMail(tx, t.services, { to: 'lrp@example.test', subject, text: `Open http://localhost:3000/verify-email?token=abc to ${subject}.`, template: 'test' }),
    );
  }

  it('writes the outbox row and queues its delivery in the same transaction, or neither', async () => {
    const id = await enqueue('Committed');
    assert.ok(t.jobs.queuedOutboxIds.includes(id));
    await assert.rejects(
      t.services.db.transaction().execute(async (tx) => {
        await enqueueMail(tx, t.services, { to: 'x@example.test', subject: 'Rolled back', text: 'x', template: 'test' });
        throw new Error('the event failed');
      }),
      /the event failed/,
    );
    const subjects = (await t.services.db.selectFrom('mail_outbox').select('subject').execute()).map((r) => r.subject);
    assert.deepEqual(subjects, ['Committed']);
    await t.deliverMail();
  });

  it('a crash between sending and marking resends with the same Message-ID', async () => {
    const id = await enqueue('Crash between send and mark');
    const deliveries: MailMessage[] = [];
    let attempt = 0;
    // The first attempt hands the message to the mail server, then the worker "dies"
    // before the row is marked sent (the transport throws after recording it).
    const crashingOnce: MailTransport = {
      async send(message) {
        deliveries.push(message);
        attempt++;
        if (attempt === 1) throw new Error('worker died after sending');
      },
    };
    await assert.rejects(deliverOutboxMail(t.services, { outboxId: id, transport: crashingOnce }), /worker died/);
    const afterCrash = await t.services.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(afterCrash.sent_at, null);
    assert.equal(afterCrash.attempts, 1);
    assert.equal(afterCrash.last_error, 'worker died after sending');

    // The job is retried: the message goes again.
    assert.equal(await deliverOutboxMail(t.services, { outboxId: id, transport: crashingOnce }), 'sent');
    assert.equal(deliveries.length, 2);
    assert.equal(deliveries[0]!.messageId, deliveries[1]!.messageId);
    assert.equal(deliveries[0]!.messageId, afterCrash.message_id);
    assert.deepEqual(deliveries[0]!.date, deliveries[1]!.date);
    const row = await t.services.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.sent_at);
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, null);

    // A duplicate job after success sends nothing more.
    assert.equal(await deliverOutboxMail(t.services, { outboxId: id, transport: crashingOnce }), 'already-sent');
    assert.equal(deliveries.length, 2);
  });

  it('the file transport writes one .eml named by the Message-ID, and a resend overwrites it', async () => {
    const id = await enqueue('File delivery');
    const row = await t.services.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const transport = createFileMailTransport(mailDir);
    const message: MailMessage = { messageId: row.message_id, from: t.config.mailFrom, to: row.to_address, subject: row.subject, text: row.body_text, date: new Date(row.created_at) };
    await transport.send(message);
    await transport.send(message);
    const files = fs.readdirSync(mailDir);
    assert.deepEqual(files, [fileNameForMessageId(row.message_id)]);
    assert.match(files[0]!, /^[A-Za-z0-9._-]+\.eml$/);
    const eml = fs.readFileSync(path.join(mailDir, files[0]!), 'utf8');
    assert.ok(eml.includes(`Message-ID: ${row.message_id}`), eml);
    assert.match(eml, /Subject: File delivery/);
    assert.match(eml, /To: lrp@example\.test/);
    assert.match(eml, /verify-email\?token=abc/);

    assert.equal(await deliverOutboxMail(t.services, { outboxId: id, transport }), 'sent');
    assert.equal(fs.readdirSync(mailDir).length, 1);
  });

  it('a batch claims and marks its messages together; one failure leaves only that one unsent', async () => {
    const ids = [await enqueue('Batch one'), await enqueue('Batch two'), await enqueue('Batch three')];
    const alreadySent = await enqueue('Batch, sent before');
    await deliverOutboxMail(t.services, { outboxId: alreadySent, transport: { async send() {} } });
    const missing = '00000000-0000-4000-8000-000000000001';
    const delivered: string[] = [];
    const refusingTwo: MailTransport = {
      async send(message) {
        if (message.subject === 'Batch two') throw new Error('mailbox full');
        delivered.push(message.subject);
      },
    };
    const failure = await deliverOutboxMails(t.services, { outboxIds: [...ids, alreadySent, missing], transport: refusingTwo }).then(
      () => assert.fail('a batch with a failure must throw, so that its jobs are retried'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof MailDeliveryError);
    assert.equal(failure.message, 'mailbox full');
    assert.deepEqual(
      [...failure.results].sort(),
      [
        [ids[0], 'sent'],
        [ids[2], 'sent'],
        [alreadySent, 'already-sent'],
        [missing, 'missing'],
      ].sort(),
    );
    assert.deepEqual(delivered.sort(), ['Batch one', 'Batch three']);
    const rows = await t.services.db.selectFrom('mail_outbox').select(['id', 'sent_at', 'attempts', 'last_error']).where('id', 'in', [...ids, alreadySent]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, sent, attempts, lastError] of [
      [ids[0], true, 1, null],
      [ids[1], false, 1, 'mailbox full'],
      [ids[2], true, 1, null],
      [alreadySent, true, 1, null],
    ] as const) {
      const row = byId.get(id!)!;
      assert.equal(row.sent_at !== null, sent, `${id} sent`);
      assert.equal(row.attempts, attempts, `${id} attempts`);
      assert.equal(row.last_error, lastError, `${id} last error`);
    }
    // The retried batch sends only the one that failed.
    delivered.length = 0;
    const retried = await deliverOutboxMails(t.services, { outboxIds: ids, transport: { async send(message) { delivered.push(message.subject); } } });
    assert.deepEqual(delivered, ['Batch two']);
    assert.deepEqual([...retried.values()].sort(), ['already-sent', 'already-sent', 'sent']);
  });

  it('reports a message that no longer exists instead of failing the job forever', async () => {
    assert.equal(await deliverOutboxMail(t.services, { outboxId: '00000000-0000-4000-8000-000000000000', transport: createFileMailTransport(mailDir) }), 'missing');
  });
});
