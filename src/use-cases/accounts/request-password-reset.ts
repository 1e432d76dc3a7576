// "Forgot your password?": e-mails a single-use link valid for 1 hour. The caller always
// shows the same answer, so the form does not reveal whether an address has an account.
import { resetPasswordMail } from '../../domain/accounts/account-mail.ts';
import { emailOnlySchema } from '../../domain/accounts/account-schemas.ts';
import { isAccountMailThrottled } from '../../domain/accounts/account-mail-throttle.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { issueAccountToken, recentAccountTokenCount } from './account-tokens.ts';

export async function requestPasswordReset(services: Services, options: { input: unknown; actor: Actor }): Promise<void> {
  const { email } = parseInput(emailOnlySchema, options.input);
  await services.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirst();
    if (!user) return;
    if (isAccountMailThrottled(await recentAccountTokenCount(tx, { userId: user.id, purpose: 'reset-password', now: services.clock.now() }))) return;
    const { link } = await issueAccountToken(tx, services, { userId: user.id, purpose: 'reset-password' });
    await recordAuditEvent(tx, services.clock, {
      type: 'user.password-reset-requested',
      data: {},
      actor: options.actor,
      actorRole: null,
      subject: { type: 'user', id: user.id },
    });
    await enqueueMail(tx, services, { to: email, ...resetPasswordMail({ name: user.name, link }) });
  });
}
