// A signed-in person asks to join an organization in a role; its confirmed LRPs are told
// by e-mail and decide (decide-membership.ts).
import { AppError } from '../../domain/errors.ts';
import { membershipRequestSchema } from '../../domain/organizations/organization-input.ts';
import { memberRoleLabels } from '../../domain/permissions.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles } from '../authorization.ts';
import { enqueueMail } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { confirmedLrpEmails, findOrganization } from './organization-records.ts';

export async function requestMembership(
  services: Services,
  options: { actor: Actor; input: unknown },
): Promise<{ membershipId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const input = parseInput(membershipRequestSchema, options.input);
  const organization = await findOrganization(services.db, input.organizationId);
  const requester = await services.db.selectFrom('users').select(['name', 'email']).where('id', '=', roles.userId).executeTakeFirstOrThrow();

  return services.db.transaction().execute(async (tx) => {
    const open = await tx
      .selectFrom('memberships')
      .select('status')
      .where('organization_id', '=', organization.id)
      .where('user_id', '=', roles.userId)
      .where('status', 'in', ['active', 'pending'])
      .executeTakeFirst();
    if (open) {
      throw new AppError(
        'conflict',
        open.status === 'active' ? `You are already a member of ${organization.name}.` : `You have already asked to join ${organization.name}. Its Legally Responsible Person will decide.`,
      );
    }
    const now = services.clock.now();
    const membership = await tx
      .insertInto('memberships')
      .values({ organization_id: organization.id, user_id: roles.userId, role: input.role, status: 'pending', requested_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'membership.requested',
      data: { userId: roles.userId, role: input.role },
      actor: options.actor,
      actorRole: 'self',
      organizationId: organization.id,
      jurisdictionId: organization.jurisdictionId,
      subject: { type: 'membership', id: membership.id },
    });
    for (const to of await confirmedLrpEmails(tx, organization.id)) {
      await enqueueMail(tx, services, {
        to,
        template: 'membership-requested',
        subject: `${requester.name} asks to join ${organization.name}`,
        text: [
          `${requester.name} (${requester.email}) asks to join ${organization.name} as ${memberRoleLabels[input.role]}.`,
          '',
          `Approve or refuse the request on the organization's page:`,
          `${services.config.publicUrl}/organizations/${organization.id}`,
          '',
          'If you do not know this person, refuse the request.',
        ].join('\n'),
      });
    }
    return { membershipId: membership.id };
  });
}
