// One wrong password or security answer, counted against the account inside the caller's
// transaction: the count, its audit row and (at the fifth) the lock, its audit row and the
// e-mail to the owner commit together or not at all.
import { accountLockedMail } from '../../domain/accounts/account-mail.ts';
import { afterFailedAttempt, isLocked, type LockState } from '../../domain/accounts/account-lockout.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services, Tx } from '../services.ts';

export async function recordFailedAttempt(
  tx: Tx,
  services: Pick<Services, 'clock' | 'config' | 'jobs'>,
  options: { userId: string; secret: 'password' | 'security-answer'; actor: Actor },
): Promise<LockState> {
  const now = services.clock.now();
  // FOR UPDATE: two wrong guesses at the same moment must count as two.
  const user = await tx
    .selectFrom('users')
    .select(['email', 'name', 'failed_sign_ins', 'locked_until'])
    .where('id', '=', options.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const current: LockState = { failedSignIns: user.failed_sign_ins, lockedUntil: user.locked_until ? new Date(user.locked_until) : null };
  if (isLocked(current, now)) return current;
  const next = afterFailedAttempt(current, now);
  await tx
    .updateTable('users')
    .set({ failed_sign_ins: next.failedSignIns, locked_until: next.lockedUntil, updated_at: now })
    .where('id', '=', options.userId)
    .execute();
  const subject = { type: 'user', id: options.userId };
  const actor = options.actor;
  await recordAuditEvent(tx, services.clock, {
    type: options.secret === 'password' ? 'user.sign-in-failed' : 'user.security-answer-failed',
    data: { failedSignIns: next.failedSignIns },
    actor,
    actorRole: null,
    subject,
  });
  if (next.isNewlyLocked && next.lockedUntil) {
    await recordAuditEvent(tx, services.clock, {
      type: 'user.locked',
      data: { lockedUntil: next.lockedUntil.toISOString(), failedSignIns: next.failedSignIns },
      actor,
      actorRole: 'system',
      subject,
    });
    const mail = accountLockedMail({ name: user.name, lockedUntil: next.lockedUntil });
    await enqueueMail(tx, services, { to: user.email, ...mail });
  }
  return { failedSignIns: next.failedSignIns, lockedUntil: next.lockedUntil };
}
