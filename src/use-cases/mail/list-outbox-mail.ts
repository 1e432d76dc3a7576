// The outbox as the demo mode's /dev/mail shows it: newest first, with its delivery state.
// Only mounted in demo mode, where every account is a demo account.
import type { Actor, Services } from '../services.ts';

export const OUTBOX_LISTING_LIMIT = 200;

export interface OutboxListing {
  id: string;
  to: string;
  subject: string;
  template: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

export async function listOutboxMail(services: Pick<Services, 'db'>, _options: { actor: Actor }): Promise<OutboxListing[]> {
  const rows = await services.db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'template', 'created_at', 'sent_at', 'attempts', 'last_error'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(OUTBOX_LISTING_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    template: r.template,
    createdAt: new Date(r.created_at),
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}
