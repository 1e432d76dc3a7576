// A reviewer revokes a current eAuthorization (the signer left, or the credential may be
// compromised); the signer cannot sign for the organization until a new one is recorded.
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { eAuthorizationTargetSchema, findSigningMember } from './record-e-authorization.ts';

const revocationSchema = eAuthorizationTargetSchema.extend({
  reason: z.string({ error: 'Say why the agreement is revoked' }).trim().min(1, 'Say why the agreement is revoked').max(1000, 'Keep the reason under 1,000 characters'),
});

export async function revokeEAuthorization(services: Services, options: { actor: Actor; input: unknown }): Promise<void> {
  const input = parseInput(revocationSchema, options.input);
  const roles = await loadActorRoles(services.db, options.actor);
  const member = await findSigningMember(services.db, input.userId, input.organizationId).catch(async () => {
    // A removed member's agreement can still be revoked: find the organization directly.
    const org = await services.db.selectFrom('organizations').select(['name', 'jurisdiction_id']).where('id', '=', input.organizationId).executeTakeFirst();
    const user = await services.db.selectFrom('users').select(['name', 'email']).where('id', '=', input.userId).executeTakeFirst();
    if (!org || !user) throw new AppError('not-found', 'There is no such agreement.');
    return { userName: user.name, userEmail: user.email, organizationName: org.name, jurisdictionId: org.jurisdiction_id };
  });
  requireJurisdictionPermission(roles, member.jurisdictionId, 'e-authorization.record');

  await services.db.transaction().execute(async (tx) => {
    const now = services.clock.now();
    const row = await tx
      .updateTable('e_authorizations')
      .set({ status: 'revoked', revoked_at: now, revoked_by: roles.userId, revocation_reason: input.reason })
      .where('user_id', '=', input.userId)
      .where('organization_id', '=', input.organizationId)
      .where('status', '=', 'received')
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', `${member.userName} has no current agreement for ${member.organizationName}.`);
    await recordAuditEvent(tx, services.clock, {
      type: 'e-authorization.revoked',
      data: { userId: input.userId, organizationId: input.organizationId, reason: input.reason },
      actor: options.actor,
      actorRole: 'reviewer',
      organizationId: input.organizationId,
      jurisdictionId: member.jurisdictionId,
      subject: { type: 'e-authorization', id: row.id },
    });
    await enqueueMail(tx, services, {
      to: member.userEmail,
      template: 'e-authorization-revoked',
      subject: `Your electronic signature agreement for ${member.organizationName} was revoked`,
      text: [
        `The permitting authority has revoked your Electronic Signature Agreement for ${member.organizationName}.`,
        `Reason: ${input.reason}`,
        'You cannot sign for this organization until a new signed agreement is recorded.',
        '',
        `${services.config.publicUrl}/organizations/${input.organizationId}/e-authorization`,
      ].join('\n'),
    });
  });
}
