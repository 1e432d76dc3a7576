// Single-use e-mailed tokens (verify e-mail: 24 hours; reset password: 1 hour). The link
// carries 32 random bytes; the table keeps only their SHA-256, like session ids. Issuing a
// new token spends the user's older unused ones of the same purpose, so only the latest
// e-mail works.
import { ACCOUNT_MAIL_WINDOW_MS } from '../../domain/accounts/account-mail-throttle.ts';
import type { AccountTokenPurpose } from '../../db/schema.ts';
import type { Clock, Db, Services, Tx } from '../services.ts';
import { hashToken, newSecretToken } from '../sessions/session-token.ts';

export const tokenLifetimeMinutes: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * 60,
  'reset-password': 60,
};

const tokenPaths: Record<AccountTokenPurpose, string> = {
  'verify-email': '/verify-email',
  'reset-password': '/reset-password',
};

export async function issueAccountToken(
  tx: Tx,
  services: Pick<Services, 'clock' | 'config'>,
  options: { userId: string; purpose: AccountTokenPurpose },
): Promise<{ token: string; link: string }> {
  const now = services.clock.now();
  await tx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('user_id', '=', options.userId)
    .where('purpose', '=', options.purpose)
    .where('used_at', 'is', null)
    .execute();
  const token = newSecretToken();
  await tx
    .insertInto('account_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: options.purpose,
      user_id: options.userId,
      created_at: now,
      expires_at: new Date(now.getTime() + tokenLifetimeMinutes[options.purpose] * 60_000),
    })
    .execute();
  return { token, link: `${services.config.publicUrl}${tokenPaths[options.purpose]}?token=${encodeURIComponent(token)}` };
}

/** The user a token is good for now (right purpose, unused, not expired), or null. */
export async function findUsableAccountToken(
  db: Db | Tx,
  clock: Clock,
  options: { token: string; purpose: AccountTokenPurpose },
): Promise<{ userId: string; tokenHash: string } | null> {
  if (!options.token) return null;
  const row = await db
    .selectFrom('account_tokens')
    .select(['user_id', 'token_hash'])
    .where('token_hash', '=', hashToken(options.token))
    .where('purpose', '=', options.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', clock.now())
    .executeTakeFirst();
  return row ? { userId: row.user_id, tokenHash: row.token_hash } : null;
}

/** Marks the token used; false when another request used it first (single use under races). */
export async function spendAccountToken(tx: Tx, clock: Clock, tokenHash: string): Promise<boolean> {
  const result = await tx
    .updateTable('account_tokens')
    .set({ used_at: clock.now() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Links of this purpose issued to the user within the throttle window (used or not). */
export async function recentAccountTokenCount(tx: Tx, options: { userId: string; purpose: AccountTokenPurpose; now: Date }): Promise<number> {
  const row = await tx
    .selectFrom('account_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', options.userId)
    .where('purpose', '=', options.purpose)
    .where('created_at', '>', new Date(options.now.getTime() - ACCOUNT_MAIL_WINDOW_MS))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
