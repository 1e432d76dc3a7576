// Sends one outbox message and marks it sent. A crash after sending but before marking
// leaves it unsent; the job is retried and the message goes again with the same
// Message-ID, which lets the receiving side (and the .eml file name) see it as the same.
import type { MailTransport } from '../../mail/mail-transport.ts';
import type { Services } from '../services.ts';

export type DeliveryResult = 'sent' | 'already-sent' | 'missing';

export async function deliverOutboxMail(
  services: Pick<Services, 'db' | 'config' | 'clock'>,
  options: { outboxId: string; transport: MailTransport },
): Promise<DeliveryResult> {
  // Counting the attempt and reading the message are one statement; a message already sent
  // is not counted again.
  const row = await services.db
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', options.outboxId)
    .where('sent_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const sent = await services.db.selectFrom('mail_outbox').select('id').where('id', '=', options.outboxId).executeTakeFirst();
    return sent ? 'already-sent' : 'missing';
  }
  try {
    await options.transport.send({
      messageId: row.message_id,
      from: services.config.mailFrom,
      to: row.to_address,
      subject: row.subject,
      text: row.body_text,
      date: new Date(row.created_at),
    });
  } catch (error) {
    await services.db
      .updateTable('mail_outbox')
      .set({ last_error: error instanceof Error ? error.message : String(error) })
      .where('id', '=', row.id)
      .execute();
    throw error;
  }
  await services.db
    .updateTable('mail_outbox')
    .set({ sent_at: services.clock.now(), last_error: null })
    .where('id', '=', row.id)
    .execute();
  return 'sent';
}
