// A new session with a new id at every sign-in (no fixation); the absolute limit is fixed
// now, the idle limit is checked against last_seen_at on every request.
//
// The sign-in is one statement, and so its own transaction: it clears the failed sign-ins
// the right password forgives, ends the session this browser had, starts the new one and
// appends 'user.signed-in' to the audit chain, all or nothing. As four statements in a
// transaction it was six round trips on every sign-in (docs/performance.md).
import { auditEventAppend } from '../audit/record-audit-event.ts';
import type { Actor, Db, Services } from '../services.ts';
import { hashToken, newSecretToken } from './session-token.ts';

export async function startSession(
  db: Db,
  services: Pick<Services, 'clock' | 'config'>,
  options: { userId: string; actor: Actor; /** A session this browser already had: it ends now. */ endingSessionToken: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken();
  const now = services.clock.now();
  const expiresAt = new Date(now.getTime() + services.config.sessionAbsoluteHours * 3_600_000);
  const actor = { ...options.actor, userId: options.userId };
  const endingIdHash = options.endingSessionToken ? hashToken(options.endingSessionToken) : null;
  await db
    .with('forgiven', (cte) =>
      cte
        .updateTable('users')
        .set({ failed_sign_ins: 0, locked_until: null })
        .where('id', '=', options.userId)
        .where((eb) => eb.or([eb('failed_sign_ins', '<>', 0), eb('locked_until', 'is not', null)])),
    )
    .with('ended', (cte) => cte.deleteFrom('sessions').where('id_hash', '=', endingIdHash))
    .with('started', (cte) =>
      cte.insertInto('sessions').values({
        id_hash: hashToken(token),
        user_id: options.userId,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: actor.ip,
        user_agent: actor.userAgent,
      }),
    )
    .selectNoFrom(
      auditEventAppend(services.clock, { type: 'user.signed-in', data: {}, actor, actorRole: 'self', subject: { type: 'user', id: options.userId } }).as('seq'),
    )
    .execute();
  return { token, expiresAt };
}
