// Writes an e-mail to the outbox inside the caller's transaction and queues its delivery
// job there too: the message exists exactly when the event it reports does.
import { randomUUID } from 'node:crypto';
import type { Services, Tx } from '../services.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Which message this is (verify-email, account-locked …), for the outbox listing. */
  template: string;
}

export async function enqueueMail(tx: Tx, services: Pick<Services, 'jobs' | 'config'>, mail: OutgoingMail): Promise<string> {
  const [id] = await enqueueMails(tx, services, [mail]);
  return id!;
}

/** The outbox rows of these messages, each with its id and Message-ID made here. */
export function outboxRows(services: Pick<Services, 'config'>, mails: readonly OutgoingMail[]) {
  const host = new URL(services.config.publicUrl).hostname || 'outfall.local';
  return mails.map((mail) => ({
    id: randomUUID(),
    message_id: `<${randomUUID()}@${host}>`,
    to_address: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    template: mail.template,
  }));
}

/**
 * Several messages at once (an acknowledgment to every LRP): one insert, one job insert.
 * `whenQuiet`: they may wait while the server is busy (JobQueue.enqueueMailDeliveries).
 */
export async function enqueueMails(tx: Tx, services: Pick<Services, 'jobs' | 'config'>, mails: readonly OutgoingMail[], options: { whenQuiet?: boolean } = {}): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = outboxRows(services, mails);
  await tx.insertInto('mail_outbox').values(rows).execute();
  const ids = rows.map((row) => row.id);
  await services.jobs.enqueueMailDeliveries(tx, ids, options);
  return ids;
}
