// One outbox message in full, for the demo mode's /dev/mail/:id.
import { z } from 'zod';
import { notFound } from '../../domain/errors.ts';
import type { Actor, Services } from '../services.ts';
import type { OutboxListing } from './list-outbox-mail.ts';

export interface OutboxMessage extends OutboxListing {
  messageId: string;
  text: string;
}

export async function showOutboxMail(services: Pick<Services, 'db'>, options: { actor: Actor; outboxId: string }): Promise<OutboxMessage> {
  if (!z.uuid().safeParse(options.outboxId).success) throw notFound('The message');
  const r = await services.db.selectFrom('mail_outbox').selectAll().where('id', '=', options.outboxId).executeTakeFirst();
  if (!r) throw notFound('The message');
  return {
    id: r.id,
    messageId: r.message_id,
    to: r.to_address,
    subject: r.subject,
    template: r.template,
    text: r.body_text,
    createdAt: new Date(r.created_at),
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}
