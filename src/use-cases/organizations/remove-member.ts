// A confirmed LRP removes a member (the row stays, status 'removed', for the record).
// The last confirmed LRP cannot be removed.
import { AppError } from '../../domain/errors.ts';
import { isLastConfirmedLrp, lastLrpMessage } from '../../domain/organizations/membership-rules.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findMembership, lockActiveMembers } from './organization-records.ts';

export async function removeMember(
  services: Services,
  options: { actor: Actor; membershipId: string },
): Promise<{ organizationId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const found = await findMembership(services.db, options.membershipId);
  const remover = requireOrganizationPermission(roles, found.organizationId, 'membership.remove');

  return services.db.transaction().execute(async (tx) => {
    const members = await lockActiveMembers(tx, found.organizationId);
    const membership = await findMembership(tx, options.membershipId, { lock: true });
    if (membership.status !== 'active') throw new AppError('conflict', `${membership.userName} is not an active member.`);
    if (isLastConfirmedLrp(members, membership.id)) throw new AppError('conflict', lastLrpMessage);
    await tx
      .updateTable('memberships')
      .set({ status: 'removed', decided_at: services.clock.now(), decided_by: roles.userId })
      .where('id', '=', membership.id)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'membership.removed',
      data: { userId: membership.userId, role: membership.role },
      actor: options.actor,
      actorRole: remover.role,
      organizationId: membership.organizationId,
      jurisdictionId: membership.jurisdictionId,
      subject: { type: 'membership', id: membership.id },
    });
    return { organizationId: membership.organizationId };
  });
}
