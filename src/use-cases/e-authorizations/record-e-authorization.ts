// A reviewer of the organization's jurisdiction records a signed Electronic Signature
// Agreement as received; the signer is told by e-mail and may sign from then on. The
// reviewer is expected to have checked the wet signature against the person's identity.
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Db, Services } from '../services.ts';
import { hasCurrentEAuthorization } from './has-current-e-authorization.ts';

export const eAuthorizationTargetSchema = z.object({
  userId: z.uuid({ error: 'Choose a person from the list' }),
  organizationId: z.uuid({ error: 'Choose an organization from the list' }),
});

export async function findSigningMember(db: Db, userId: string, organizationId: string) {
  const member = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['users.name as userName', 'users.email as userEmail', 'organizations.name as organizationName', 'organizations.jurisdiction_id as jurisdictionId', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.organization_id', '=', organizationId)
    .where('memberships.status', '=', 'active')
    .executeTakeFirst();
  if (!member) throw new AppError('not-found', 'This person is not an active member of this organization.');
  return member;
}

export async function recordEAuthorization(services: Services, options: { actor: Actor; input: unknown }): Promise<{ eAuthorizationId: string }> {
  const input = parseInput(eAuthorizationTargetSchema, options.input);
  const roles = await loadActorRoles(services.db, options.actor);
  const member = await findSigningMember(services.db, input.userId, input.organizationId);
  requireJurisdictionPermission(roles, member.jurisdictionId, 'e-authorization.record');
  if (member.role === 'submitter') throw new AppError('conflict', `${member.userName} is a Data Submitter and never signs, so needs no electronic signature agreement.`);

  return services.db.transaction().execute(async (tx) => {
    if (await hasCurrentEAuthorization(tx, input.userId, input.organizationId)) {
      throw new AppError('conflict', `An agreement from ${member.userName} for ${member.organizationName} is already on record.`);
    }
    const now = services.clock.now();
    const row = await tx
      .insertInto('e_authorizations')
      .values({ user_id: input.userId, organization_id: input.organizationId, status: 'received', received_at: now, received_by: roles.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'e-authorization.received',
      data: { userId: input.userId, organizationId: input.organizationId },
      actor: options.actor,
      actorRole: 'reviewer',
      organizationId: input.organizationId,
      jurisdictionId: member.jurisdictionId,
      subject: { type: 'e-authorization', id: row.id },
    });
    await enqueueMail(tx, services, {
      to: member.userEmail,
      template: 'e-authorization-received',
      subject: `Your electronic signature agreement for ${member.organizationName} is on record`,
      text: [
        `The permitting authority has received your signed Electronic Signature Agreement for ${member.organizationName}.`,
        'You can now sign filings for this organization electronically, with your password and one of your security questions.',
        'Keep your password and security answers secret. If you think someone else knows them, change them at once and tell the authority.',
        '',
        `${services.config.publicUrl}/organizations/${input.organizationId}`,
      ].join('\n'),
    });
    return { eAuthorizationId: row.id };
  });
}
