// A confirmed LRP changes a member's role. Giving someone the LRP role vouches for them;
// taking it away ends their confirmation. The last confirmed LRP keeps the role.
import { AppError } from '../../domain/errors.ts';
import { isLastConfirmedLrp, isLrpConfirmedOnDecision, lastLrpMessage } from '../../domain/organizations/membership-rules.ts';
import { memberRoleChangeSchema } from '../../domain/organizations/organization-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findMembership, lockActiveMembers } from './organization-records.ts';

export async function changeMemberRole(
  services: Services,
  options: { actor: Actor; membershipId: string; role: unknown },
): Promise<{ organizationId: string; isChanged: boolean }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const found = await findMembership(services.db, options.membershipId);
  const changer = requireOrganizationPermission(roles, found.organizationId, 'membership.change-role');
  const { role } = parseInput(memberRoleChangeSchema, { role: options.role });

  return services.db.transaction().execute(async (tx) => {
    const members = await lockActiveMembers(tx, found.organizationId);
    const membership = await findMembership(tx, options.membershipId, { lock: true });
    if (membership.status !== 'active') throw new AppError('conflict', `${membership.userName} is not an active member.`);
    if (membership.role === role) return { organizationId: membership.organizationId, isChanged: false };
    if (isLastConfirmedLrp(members, membership.id)) throw new AppError('conflict', lastLrpMessage);
    const isConfirmedLrp = isLrpConfirmedOnDecision(role);
    const now = services.clock.now();
    await tx
      .updateTable('memberships')
      .set({
        role,
        lrp_confirmed_at: isConfirmedLrp ? now : null,
        lrp_confirmed_by: isConfirmedLrp ? roles.userId : null,
      })
      .where('id', '=', membership.id)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'membership.role-changed',
      data: { previous: { role: membership.role }, new: { role } },
      actor: options.actor,
      actorRole: changer.role,
      organizationId: membership.organizationId,
      jurisdictionId: membership.jurisdictionId,
      subject: { type: 'membership', id: membership.id },
    });
    return { organizationId: membership.organizationId, isChanged: true };
  });
}
