// Sign-in with e-mail and password (CROMERR, 40 CFR 3.2000(b)(5)(vii)): every outcome is
// one transaction — success (count reset, new session, audit: one statement, in
// start-session.ts) or failure (count, audit, and at the fifth the lock and the owner's
// e-mail). An unknown address and a wrong password get the same answer after about the
// same time, so the form does not reveal who has an account. Failures are returned, not
// thrown, because their transaction must commit.
import { isLocked } from '../../domain/accounts/account-lockout.ts';
import { signInSchema } from '../../domain/accounts/account-schemas.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordFailedAttempt } from '../accounts/record-failed-attempt.ts';
import { hashPassword, verifyPassword } from '../accounts/secret-hashing.ts';
import type { Actor, Services } from '../services.ts';
import { startSession } from './start-session.ts';

export type SignInResult =
  | { outcome: 'signed-in'; userId: string; token: string; expiresAt: Date }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'locked'; lockedUntil: Date }
  | { outcome: 'email-not-verified' };

// Hashed once, lazily: verifying against it costs what verifying a real hash costs.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no account has this password; it only spends time');
  return dummyHash;
}

export async function signIn(
  services: Services,
  options: { input: unknown; actor: Actor; /** A session this browser already had: it ends now. */ previousSessionToken?: string | null },
): Promise<SignInResult> {
  const { email, password } = parseInput(signInSchema, options.input);
  const user = await services.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'email_verified_at', 'failed_sign_ins', 'locked_until'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { outcome: 'wrong-credentials' };
  }
  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  // Even the right password is refused while locked: otherwise the lock stops nothing.
  if (lockedUntil && isLocked({ failedSignIns: user.failed_sign_ins, lockedUntil }, services.clock.now())) {
    return { outcome: 'locked', lockedUntil };
  }

  const isRightPassword = await verifyPassword(user.password_hash, password);
  if (!isRightPassword) {
    const state = await services.db
      .transaction()
      .execute((tx) => recordFailedAttempt(tx, services, { userId: user.id, secret: 'password', actor: options.actor }));
    return state.lockedUntil && isLocked(state, services.clock.now()) ? { outcome: 'locked', lockedUntil: state.lockedUntil } : { outcome: 'wrong-credentials' };
  }
  // Said only after the right password, so it reveals nothing to someone guessing.
  if (user.email_verified_at === null) return { outcome: 'email-not-verified' };

  const session = await startSession(services.db, services, { userId: user.id, actor: options.actor, endingSessionToken: options.previousSessionToken ?? null });
  return { outcome: 'signed-in', userId: user.id, token: session.token, expiresAt: session.expiresAt };
}
