// A signed-in person creates an organization and becomes its first member, as LRP. Until a
// reviewer of the jurisdiction confirms them they hold no LRP powers (permissions.ts), but
// they may already register the organization's facilities.
import { validationError } from '../../domain/errors.ts';
import { organizationInputSchema } from '../../domain/organizations/organization-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export async function createOrganization(
  services: Services,
  options: { actor: Actor; input: unknown },
): Promise<{ organizationId: string; membershipId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const input = parseInput(organizationInputSchema, options.input);
  const jurisdiction = await services.db.selectFrom('jurisdictions').select('id').where('id', '=', input.jurisdictionId).executeTakeFirst();
  if (!jurisdiction) throw validationError([{ path: 'jurisdictionId', message: 'Select a jurisdiction from the list' }]);

  return services.db.transaction().execute(async (tx) => {
    const now = services.clock.now();
    const organization = await tx
      .insertInto('organizations')
      .values({
        jurisdiction_id: input.jurisdictionId,
        name: input.name,
        kind: input.kind,
        address: input.address,
        phone: input.phone,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const membership = await tx
      .insertInto('memberships')
      .values({
        organization_id: organization.id,
        user_id: roles.userId,
        role: 'lrp',
        status: 'active',
        requested_at: now,
        decided_at: now,
        lrp_confirmed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'organization.created',
      data: { name: input.name, kind: input.kind, jurisdictionId: input.jurisdictionId, address: input.address, phone: input.phone },
      actor: options.actor,
      actorRole: 'self',
      organizationId: organization.id,
      jurisdictionId: input.jurisdictionId,
      subject: { type: 'organization', id: organization.id },
    });
    return { organizationId: organization.id, membershipId: membership.id };
  });
}
