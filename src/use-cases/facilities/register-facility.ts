// A member registers a facility (site) for their organization. Its jurisdiction defaults to
// the organization's.
import { validationError, type FieldError } from '../../domain/errors.ts';
import { facilityInputSchema, type FacilityRecord } from '../../domain/facilities/facility-input.ts';
import { parseInput, toFieldErrors } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import { findOrganization } from '../organizations/organization-records.ts';
import type { Actor, Services } from '../services.ts';
import { jurisdictionExists, toFacilityColumns } from './facility-records.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

export async function registerFacility(
  services: Services,
  options: { actor: Actor; organizationId: string | null | undefined; input: unknown },
): Promise<{ facilityId: string }> {
  const roles = await loadActorRoles(services.db, options.actor);
  if (!options.organizationId) {
    // Name every missing field at once, the organization among them.
    const parsed = facilityInputSchema.safeParse(options.input);
    const errors: FieldError[] = [{ path: 'organizationId', message: 'Select the organization that owns the facility' }];
    throw validationError(parsed.success ? errors : [...errors, ...toFieldErrors(parsed.error)]);
  }
  const organization = await findOrganization(services.db, options.organizationId);
  const member = requireOrganizationPermission(roles, organization.id, 'facility.register');
  const details = parseInput(facilityInputSchema, options.input);
  const facility: FacilityRecord = { ...details, jurisdictionId: details.jurisdictionId ?? organization.jurisdictionId };
  if (!(await jurisdictionExists(services.db, facility.jurisdictionId))) {
    throw validationError([{ path: 'jurisdictionId', message: 'Select a jurisdiction from the list' }]);
  }

  return services.db.transaction().execute(async (tx) => {
    const now = services.clock.now();
    const row = await tx
      .insertInto('facilities')
      .values({ ...toFacilityColumns(facility), organization_id: organization.id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(tx, services.clock, {
      type: 'facility.registered',
      data: facility,
      actor: options.actor,
      actorRole: member.role,
      organizationId: organization.id,
      jurisdictionId: facility.jurisdictionId,
      subject: { type: 'facility', id: row.id },
    });
    await refreshFacilityListing(tx, row.id, now);
    return { facilityId: row.id };
  });
}
