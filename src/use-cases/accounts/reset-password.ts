// Choosing a new password from an e-mailed reset link: the link (something the user has)
// plus one security answer (something they know). Success spends the link, clears the
// lockout count, signs the user out everywhere and tells them by e-mail. A wrong answer
// counts towards the lockout, and a locked account cannot be reset until the lock ends,
// or the link would allow unlimited guessing of the answers.
import { isLocked, lockedMessage } from '../../domain/accounts/account-lockout.ts';
import { passwordChangedMail } from '../../domain/accounts/account-mail.ts';
import { passwordResetSchema } from '../../domain/accounts/account-schemas.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { endUserSessions } from '../sessions/end-session.ts';
import { findUsableAccountToken, spendAccountToken } from './account-tokens.ts';
import { unusableResetLink } from './choose-reset-question.ts';
import { recordFailedAttempt } from './record-failed-attempt.ts';
import { hashPassword, verifySecurityAnswer } from './secret-hashing.ts';

export async function resetPassword(services: Services, options: { token: string; input: unknown; actor: Actor }): Promise<{ userId: string }> {
  const found = await findUsableAccountToken(services.db, services.clock, { token: options.token, purpose: 'reset-password' });
  if (!found) throw unusableResetLink();
  const user = await services.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'failed_sign_ins', 'locked_until'])
    .where('id', '=', found.userId)
    .executeTakeFirstOrThrow();
  const lockedUntil = user.locked_until ? new Date(user.locked_until) : null;
  if (lockedUntil && isLocked({ failedSignIns: user.failed_sign_ins, lockedUntil }, services.clock.now())) {
    throw new AppError('account-locked', lockedMessage(lockedUntil));
  }
  const input = parseInput(passwordResetSchema(user.email), options.input);
  // The slot comes back from a hidden field: it must be one of this user's own.
  const stored = await services.db
    .selectFrom('security_answers')
    .select(['answer_hash'])
    .where('user_id', '=', user.id)
    .where('slot', '=', input.slot)
    .executeTakeFirst();
  if (!stored) throw validationError([{ path: 'answer', message: 'Answer the security question shown on this page' }]);

  const actor = { ...options.actor, userId: user.id };
  if (!(await verifySecurityAnswer(stored.answer_hash, input.answer))) {
    const state = await services.db
      .transaction()
      .execute((tx) => recordFailedAttempt(tx, services, { userId: user.id, secret: 'security-answer', actor: options.actor }));
    if (state.lockedUntil && isLocked(state, services.clock.now())) throw new AppError('account-locked', lockedMessage(state.lockedUntil));
    throw validationError([{ path: 'answer', message: 'This answer does not match the one you gave when you registered. Check it and try again' }]);
  }

  const passwordHash = await hashPassword(input.password);
  return services.db.transaction().execute(async (tx) => {
    if (!(await spendAccountToken(tx, services.clock, found.tokenHash))) throw unusableResetLink();
    const now = services.clock.now();
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await endUserSessions(tx, user.id);
    await recordAuditEvent(tx, services.clock, {
      type: 'user.password-reset',
      data: {},
      actor,
      actorRole: 'self',
      subject: { type: 'user', id: user.id },
    });
    await enqueueMail(tx, services, { to: user.email, ...passwordChangedMail({ name: user.name, how: 'reset' }) });
    return { userId: user.id };
  });
}
