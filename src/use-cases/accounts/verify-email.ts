// Opening the e-mailed link proves the address works: the account may now sign in.
import { AppError } from '../../domain/errors.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services } from '../services.ts';
import { findUsableAccountToken, spendAccountToken } from './account-tokens.ts';

export const unusableVerificationLink = () =>
  new AppError('invalid-token', 'This link has expired or has already been used. If you have not yet confirmed your e-mail address, ask for a new link.');

export async function verifyEmail(services: Services, options: { token: string; actor: Actor }): Promise<{ userId: string }> {
  return services.db.transaction().execute(async (tx) => {
    const found = await findUsableAccountToken(tx, services.clock, { token: options.token, purpose: 'verify-email' });
    if (!found || !(await spendAccountToken(tx, services.clock, found.tokenHash))) throw unusableVerificationLink();
    const now = services.clock.now();
    await tx
      .updateTable('users')
      .set((eb) => ({ email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)), updated_at: now }))
      .where('id', '=', found.userId)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'user.email-verified',
      data: {},
      actor: { ...options.actor, userId: found.userId },
      actorRole: 'self',
      subject: { type: 'user', id: found.userId },
    });
    return { userId: found.userId };
  });
}
