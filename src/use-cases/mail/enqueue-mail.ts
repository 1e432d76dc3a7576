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
  const host = new URL(services.config.publicUrl).hostname || 'outfall.local';
  const row = await tx
    .insertInto('mail_outbox')
    .values({
      message_id: `<${randomUUID()}@${host}>`,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      template: mail.template,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await services.jobs.enqueueMailDelivery(tx, row.id);
  return row.id;
}
