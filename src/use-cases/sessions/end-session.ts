import type { Db, Tx } from '../services.ts';
import { hashToken } from './session-token.ts';

export async function endSession(db: Db | Tx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

/**
 * Ends the user's sessions everywhere (after a password reset), or everywhere but the one
 * in use (after a password change): whoever knew the old password is signed out.
 */
export async function endUserSessions(db: Db | Tx, userId: string, options: { exceptIdHash?: string } = {}): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.exceptIdHash) query = query.where('id_hash', '!=', options.exceptIdHash);
  await query.execute();
}
