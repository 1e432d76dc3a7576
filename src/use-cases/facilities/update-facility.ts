// A member edits a facility's details; the audit row holds only what changed, as
// { previous, new }. Saving with no change writes nothing.
import { validationError } from '../../domain/errors.ts';
import { diffChanges } from '../../domain/audit/audit-event-types.ts';
import { facilityInputSchema, type FacilityRecord } from '../../domain/facilities/facility-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { loadActorRoles, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findFacility, jurisdictionExists, toFacilityColumns } from './facility-records.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

export async function updateFacility(
  services: Services,
  options: { actor: Actor; facilityId: string; input: unknown },
): Promise<{ isChanged: boolean }> {
  const roles = await loadActorRoles(services.db, options.actor);
  const current = await findFacility(services.db, options.facilityId);
  const member = requireOrganizationPermission(roles, current.organizationId, 'facility.edit');
  const details = parseInput(facilityInputSchema, options.input);
  const jurisdictionId = details.jurisdictionId ?? current.jurisdictionId;
  if (!(await jurisdictionExists(services.db, jurisdictionId))) {
    throw validationError([{ path: 'jurisdictionId', message: 'Select a jurisdiction from the list' }]);
  }

  return services.db.transaction().execute(async (tx) => {
    const locked = await findFacility(tx, options.facilityId, { lock: true });
    const { id: _id, organizationId, organizationName: _o, jurisdictionName: _j, createdAt: _c, updatedAt: _u, ...previous } = locked;
    const next: FacilityRecord = { ...details, jurisdictionId };
    const changes = diffChanges<FacilityRecord>(previous, next);
    if (Object.keys(changes.new).length === 0) return { isChanged: false };
    await tx
      .updateTable('facilities')
      .set({ ...toFacilityColumns(next), updated_at: services.clock.now() })
      .where('id', '=', locked.id)
      .execute();
    await recordAuditEvent(tx, services.clock, {
      type: 'facility.updated',
      data: changes,
      actor: options.actor,
      actorRole: member.role,
      organizationId,
      jurisdictionId,
      subject: { type: 'facility', id: locked.id },
    });
    await refreshFacilityListing(tx, locked.id, services.clock.now());
    return { isChanged: true };
  });
}
