// A reviewer of the organization's jurisdiction confirms its first LRP, who then holds LRP
// powers (decides memberships; later, signs). The reviewer is expected to have checked
// who the person is, as the authority's procedure requires, before confirming.
import { AppError } from '../../domain/errors.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireJurisdictionPermission } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { findMembership } from './organization-records.ts';

export async function confirmLrp(services: Services, options: { actor: Actor; membershipId: string }): Promise<{ organizationId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const found = await findMembership(services.db, options.membershipId);
  requireJurisdictionPermission(roles, found.jurisdictionId, 'membership.confirm-lrp');

  return services.db.transaction().execute(async (tx) => {
    const membership = await findMembership(tx, options.membershipId, { lock: true });
    if (membership.status !== 'active' || membership.role !== 'lrp') {
      throw new AppError('conflict', `${membership.userName} is no longer an active Legally Responsible Person of ${membership.organizationName}.`);
    }
    if (membership.isLrpConfirmed) throw new AppError('conflict', `${membership.userName} is already confirmed.`);
    await tx
      .updateTable('memberships')
      .set({ lrp_confirmed_at: services.clock.now(), lrp_confirmed_by: roles.userId })
      .where('id', '=', membership.id)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'membership.lrp-confirmed',
      data: { userId: membership.userId },
      actor: options.actor,
      actorRole: 'reviewer',
      organizationId: membership.organizationId,
      jurisdictionId: membership.jurisdictionId,
      subject: { type: 'membership', id: membership.id },
    });
    await enqueueMail(tx, services, {
      to: membership.userEmail,
      template: 'lrp-confirmed',
      subject: `You are confirmed as Legally Responsible Person of ${membership.organizationName}`,
      text: [
        `The permitting authority has confirmed you as Legally Responsible Person of ${membership.organizationName}.`,
        'You can now approve requests to join the organization and manage its members.',
        '',
        `${services.config.publicUrl}/organizations/${membership.organizationId}`,
      ].join('\n'),
    });
    return { organizationId: membership.organizationId };
  });
}
