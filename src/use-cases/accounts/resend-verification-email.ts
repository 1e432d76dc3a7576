// A new verification link for an address not yet confirmed. The caller always shows the
// same answer, whether or not the address has an account, so the form cannot be used to
// find out who is registered.
import { verifyEmailMail } from '../../domain/accounts/account-mail.ts';
import { emailOnlySchema } from '../../domain/accounts/account-schemas.ts';
import { isAccountMailThrottled } from '../../domain/accounts/account-mail-throttle.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { issueAccountToken, recentAccountTokenCount } from './account-tokens.ts';

export async function resendVerificationEmail(services: Services, options: { input: unknown; actor: Actor }): Promise<void> {
  const { email } = parseInput(emailOnlySchema, options.input);
  await services.db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'name', 'email_verified_at']).where('email', '=', email).executeTakeFirst();
    if (!user || user.email_verified_at !== null) return;
    if (isAccountMailThrottled(await recentAccountTokenCount(tx, { userId: user.id, purpose: 'verify-email', now: services.clock.now() }))) return;
    const { link } = await issueAccountToken(tx, services, { userId: user.id, purpose: 'verify-email' });
    await recordAuditEvent(tx, services.clock, {
      type: 'user.verification-email-resent',
      data: {},
      actor: options.actor,
      actorRole: null,
      subject: { type: 'user', id: user.id },
    });
    await enqueueMail(tx, services, { to: email, ...verifyEmailMail({ name: user.name, link }) });
  });
}
