// Changing the password from the profile: the current one is required, the new one meets
// the policy, and every other session of the user ends (whoever knew the old password is
// signed out); the session in use stays.
import { passwordChangedMail } from '../../domain/accounts/account-mail.ts';
import { passwordChangeSchema } from '../../domain/accounts/account-schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { endUserSessions } from '../sessions/end-session.ts';
import { confirmCurrentPassword } from './confirm-current-password.ts';
import { hashPassword } from './secret-hashing.ts';

export async function changePassword(
  services: Services,
  options: { input: unknown; actor: Actor; currentSessionIdHash: string },
): Promise<void> {
  if (!options.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue.');
  const userId = options.actor.userId;
  const email = (await services.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
  const input = parseInput(passwordChangeSchema(email), options.input);
  const user = await confirmCurrentPassword(services, { userId, password: input.currentPassword, actor: options.actor });
  const passwordHash = await hashPassword(input.password);
  await services.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash, updated_at: services.clock.now() }).where('id', '=', userId).execute();
    await endUserSessions(tx, userId, { exceptIdHash: options.currentSessionIdHash });
    await recordAuditEvent(tx, services.clock, {
      type: 'user.password-changed',
      data: {},
      actor: options.actor,
      actorRole: 'self',
      subject: { type: 'user', id: userId },
    });
    await enqueueMail(tx, services, { to: user.email, ...passwordChangedMail({ name: user.name, how: 'changed' }) });
  });
}
