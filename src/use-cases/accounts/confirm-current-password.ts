// Re-authentication before a change to the credential itself (CROMERR asks for it before
// every signature, and we ask it before a password or security question change). A wrong
// password counts towards the lockout like a failed sign-in: a borrowed session must not
// become a way to guess the password.
import { isLocked, lockedMessage } from '../../domain/accounts/account-lockout.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import type { Actor, Services } from '../services.ts';
import { recordFailedAttempt } from './record-failed-attempt.ts';
import { verifyPassword } from './secret-hashing.ts';

export interface ConfirmedUser {
  id: string;
  email: string;
  name: string;
}

export async function confirmCurrentPassword(
  services: Services,
  options: { userId: string; password: string; actor: Actor; field?: string },
): Promise<ConfirmedUser> {
  const user = await services.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash', 'failed_sign_ins', 'locked_until'])
    .where('id', '=', options.userId)
    .executeTakeFirst();
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  const lock = { failedSignIns: user.failed_sign_ins, lockedUntil: user.locked_until ? new Date(user.locked_until) : null };
  if (lock.lockedUntil && isLocked(lock, services.clock.now())) throw new AppError('account-locked', lockedMessage(lock.lockedUntil));
  if (await verifyPassword(user.password_hash, options.password)) return { id: user.id, email: user.email, name: user.name };

  const state = await services.db
    .transaction()
    .execute((tx) => recordFailedAttempt(tx, services, { userId: user.id, secret: 'password', actor: options.actor }));
  if (state.lockedUntil && isLocked(state, services.clock.now())) throw new AppError('account-locked', lockedMessage(state.lockedUntil));
  throw validationError([{ path: options.field ?? 'currentPassword', message: 'Your current password is not right. Check it and try again' }]);
}
