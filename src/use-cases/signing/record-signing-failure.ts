// A wrong password or security answer at a signature: counted, audited, and at the third
// the account's signing is locked and its owner told by e-mail (a borrowed session must not
// become a way to guess the credential). Commits on its own: the refusal must not undo it.
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { isSigningLocked, MAX_SIGNING_FAILURES, signingLockedMessage } from './signing-rules.ts';

export async function recordSigningFailure(
  services: Services,
  options: { actor: Actor; actorRole: string; userId: string; filing: { id: string; organization_id: string; jurisdiction_id: string }; reason: 'password' | 'security-answer' },
): Promise<{ isLocked: boolean; message: string | null }> {
  return services.db.transaction().execute(async (tx) => {
    const now = services.clock.now();
    const user = await tx
      .selectFrom('users')
      .select(['email', 'name', 'signing_failures', 'signing_locked_at'])
      .where('id', '=', options.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A lock that has run out starts a fresh count.
    const expired = user.signing_locked_at !== null && !isSigningLocked(new Date(user.signing_locked_at), now);
    const failures = (expired ? 0 : user.signing_failures) + 1;
    const locks = failures >= MAX_SIGNING_FAILURES;
    await tx
      .updateTable('users')
      .set({ signing_failures: failures, signing_locked_at: locks ? now : null })
      .where('id', '=', options.userId)
      .execute();
    const context = {
      actor: options.actor,
      actorRole: options.actorRole,
      organizationId: options.filing.organization_id,
      jurisdictionId: options.filing.jurisdiction_id,
      subject: { type: 'filing', id: options.filing.id },
    };
    await recordAuditEvent(tx, services.clock, { type: 'filing.signing-failed', data: { reason: options.reason, signingFailures: failures }, ...context });
    if (!locks) return { isLocked: false, message: null };
    await recordAuditEvent(tx, services.clock, { type: 'filing.signing-locked', data: { signingFailures: failures }, ...context });
    const message = signingLockedMessage(now);
    await enqueueMail(tx, services, {
      to: user.email,
      template: 'signing-locked',
      subject: 'Signing is locked on your Outfall account',
      text: [
        `Hello ${user.name},`,
        '',
        `Someone signed in as you gave a wrong password or security answer ${failures} times while signing a filing, so signing is locked on your account.`,
        message,
        '',
        `${services.config.publicUrl}/account`,
      ].join('\n'),
    });
    return { isLocked: true, message };
  });
}
