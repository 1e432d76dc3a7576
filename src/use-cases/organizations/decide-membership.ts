// A confirmed LRP approves or refuses a request to join. Approving someone as LRP makes
// them a confirmed LRP at once: the deciding LRP vouches for them (membership-rules.ts).
import { AppError } from '../../domain/errors.ts';
import { isLrpConfirmedOnDecision } from '../../domain/organizations/membership-rules.ts';
import { memberRoleLabels } from '../../domain/permissions.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { findMembership } from './organization-records.ts';

export type MembershipDecision = 'approve' | 'refuse';

export async function decideMembership(
  services: Services,
  options: { actor: Actor; membershipId: string; decision: MembershipDecision },
): Promise<{ organizationId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const found = await findMembership(services.db, options.membershipId);
  const decider = requireOrganizationPermission(roles, found.organizationId, 'membership.decide');

  return services.db.transaction().execute(async (tx) => {
    const membership = await findMembership(tx, options.membershipId, { lock: true });
    if (membership.status !== 'pending') throw new AppError('conflict', `${membership.userName}'s request has already been decided.`);
    const now = services.clock.now();
    const isApproved = options.decision === 'approve';
    const isConfirmedLrp = isApproved && isLrpConfirmedOnDecision(membership.role);
    await tx
      .updateTable('memberships')
      .set({
        status: isApproved ? 'active' : 'refused',
        decided_at: now,
        decided_by: roles.userId,
        lrp_confirmed_at: isConfirmedLrp ? now : null,
        lrp_confirmed_by: isConfirmedLrp ? roles.userId : null,
      })
      .where('id', '=', membership.id)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: isApproved ? 'membership.approved' : 'membership.refused',
      data: { userId: membership.userId, role: membership.role },
      actor: options.actor,
      actorRole: decider.role,
      organizationId: membership.organizationId,
      jurisdictionId: membership.jurisdictionId,
      subject: { type: 'membership', id: membership.id },
    });
    const role = memberRoleLabels[membership.role];
    await enqueueMail(tx, services, {
      to: membership.userEmail,
      template: isApproved ? 'membership-approved' : 'membership-refused',
      subject: isApproved ? `You are now a member of ${membership.organizationName}` : `Your request to join ${membership.organizationName} was refused`,
      text: isApproved
        ? [
            `Your request to join ${membership.organizationName} as ${role} was approved.`,
            '',
            `${services.config.publicUrl}/organizations/${membership.organizationId}`,
          ].join('\n')
        : [
            `Your request to join ${membership.organizationName} as ${role} was refused by its Legally Responsible Person.`,
            '',
            'If you think this is a mistake, contact the organization directly.',
          ].join('\n'),
    });
    return { organizationId: membership.organizationId };
  });
}
