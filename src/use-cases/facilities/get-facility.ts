// A facility's page (members of the owning organization, staff of its jurisdiction) or its
// edit form (members whose role may edit).
import { isAllowedInOrganization } from '../../domain/permissions.ts';
import { loadActorRoles, requireOrganizationOrStaff, requireOrganizationPermission } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findFacility, type FacilityDetailsView } from './facility-records.ts';

export interface FacilityView {
  facility: FacilityDetailsView;
  viewerRole: string;
  canEdit: boolean;
}

export async function getFacility(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; facilityId: string; purpose?: 'view' | 'edit' },
): Promise<FacilityView> {
  const roles = await loadActorRoles(services.db, options.actor);
  const facility = await findFacility(services.db, options.facilityId);
  const viewerRole =
    options.purpose === 'edit'
      ? requireOrganizationPermission(roles, facility.organizationId, 'facility.edit').role
      : requireOrganizationOrStaff(roles, { id: facility.organizationId, jurisdictionId: facility.jurisdictionId }, 'facility.view', 'facility.view-any');
  return { facility, viewerRole, canEdit: isAllowedInOrganization(roles.memberships.get(facility.organizationId), 'facility.edit') };
}
