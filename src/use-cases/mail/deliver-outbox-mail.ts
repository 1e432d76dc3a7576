// Sends outbox messages and marks them sent. A crash after sending but before marking
// leaves them unsent; the job is retried and each message goes again with the same
// Message-ID, which lets the receiving side (and the .eml file name) see it as the same.
//
// A batch (the worker fetches up to 50 jobs) is claimed in one statement and marked sent in
// one more: an October 1 recertification acknowledges every LRP of the organization, and
// two statements per message were a fifth of the spike's queries.
import type { MailTransport } from '../../mail/mail-transport.ts';
import type { Services } from '../services.ts';

export type DeliveryResult = 'sent' | 'already-sent' | 'missing';

/** Raised after a batch in which some messages could not be sent (the others are marked sent). */
export class MailDeliveryError extends Error {
  constructor(
    readonly failures: { outboxId: string; error: unknown }[],
    readonly results: Map<string, DeliveryResult>,
  ) {
    const first = failures[0]!.error;
    super(failures.length === 1 ? (first instanceof Error ? first.message : String(first)) : `${failures.length} messages were not sent; the first: ${first instanceof Error ? first.message : String(first)}`);
    this.name = 'MailDeliveryError';
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function deliverOutboxMails(
  services: Pick<Services, 'db' | 'config' | 'clock'>,
  options: { outboxIds: readonly string[]; transport: MailTransport },
): Promise<Map<string, DeliveryResult>> {
  const ids = [...new Set(options.outboxIds)];
  const results = new Map<string, DeliveryResult>();
  if (ids.length === 0) return results;
  // Counting the attempt and reading the message are one statement; a message already sent
  // is not counted again.
  const claimed = await services.db
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids)
    .where('sent_at', 'is', null)
    .returningAll()
    .execute();
  const claimedIds = new Set(claimed.map((row) => row.id));
  const unclaimed = ids.filter((id) => !claimedIds.has(id));
  if (unclaimed.length > 0) {
    const existing = new Set((await services.db.selectFrom('mail_outbox').select('id').where('id', 'in', unclaimed).execute()).map((row) => row.id));
    for (const id of unclaimed) results.set(id, existing.has(id) ? 'already-sent' : 'missing');
  }
  const sent: string[] = [];
  const failures: { outboxId: string; error: unknown }[] = [];
  for (const row of claimed) {
    try {
      await options.transport.send({
        messageId: row.message_id,
        from: services.config.mailFrom,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        date: new Date(row.created_at),
      });
      sent.push(row.id);
      results.set(row.id, 'sent');
    } catch (error) {
      failures.push({ outboxId: row.id, error });
    }
  }
  if (sent.length > 0) {
    await services.db.updateTable('mail_outbox').set({ sent_at: services.clock.now(), last_error: null }).where('id', 'in', sent).execute();
  }
  for (const failure of failures) {
    await services.db.updateTable('mail_outbox').set({ last_error: errorText(failure.error) }).where('id', '=', failure.outboxId).execute();
  }
  if (failures.length > 0) throw new MailDeliveryError(failures, results);
  return results;
}

/** One message: what a test or a single retried job sends. */
export async function deliverOutboxMail(
  services: Pick<Services, 'db' | 'config' | 'clock'>,
  options: { outboxId: string; transport: MailTransport },
): Promise<DeliveryResult> {
  const results = await deliverOutboxMails(services, { outboxIds: [options.outboxId], transport: options.transport });
  return results.get(options.outboxId)!;
}
