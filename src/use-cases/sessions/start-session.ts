// A new session with a new id at every sign-in (no fixation); the absolute limit is fixed
// now, the idle limit is checked against last_seen_at on every request.
import type { Actor, Services, Tx } from '../services.ts';
import { hashToken, newSecretToken } from './session-token.ts';

export async function startSession(
  tx: Tx,
  services: Pick<Services, 'clock' | 'config'>,
  options: { userId: string; actor: Actor },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken();
  const now = services.clock.now();
  const expiresAt = new Date(now.getTime() + services.config.sessionAbsoluteHours * 3_600_000);
  await tx
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: options.userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: options.actor.ip,
      user_agent: options.actor.userAgent,
    })
    .execute();
  return { token, expiresAt };
}
