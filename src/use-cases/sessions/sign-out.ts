// Sign-out ends the session in the database (not only the cookie), with its audit row.
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services } from '../services.ts';
import { endSession } from './end-session.ts';

export async function signOut(services: Services, options: { token: string; actor: Actor }): Promise<void> {
  if (!options.actor.userId) return;
  const userId = options.actor.userId;
  await services.db.transaction().execute(async (tx) => {
    await endSession(tx, options.token);
    await recordAuditEvent(tx, services.clock, {
      type: 'user.signed-out',
      data: {},
      actor: options.actor,
      actorRole: 'self',
      subject: { type: 'user', id: userId },
    });
  });
}
