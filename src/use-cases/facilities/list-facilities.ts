// The facilities a person may see: their organizations' (by role) and, for the authority's
// staff, every facility in their jurisdictions.
import { isAllowedInJurisdiction, isAllowedInOrganization } from '../../domain/permissions.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface FacilityListItem {
  id: string;
  name: string;
  city: string;
  state: string;
  county: string;
  organizationId: string;
  organizationName: string;
  jurisdictionName: string;
}

const LIST_LIMIT = 500;

export async function listFacilities(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; /** Only this organization's facilities (among those visible). */ organizationId?: string },
): Promise<FacilityListItem[]> {
  const roles = await loadActorRoles(services.db, options.actor);
  const organizationIds = [...roles.memberships].filter(([, m]) => isAllowedInOrganization(m, 'facility.view')).map(([id]) => id);
  const jurisdictionIds = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((j) => isAllowedInJurisdiction(roles.staff, j, 'facility.view-any'));
  if (organizationIds.length === 0 && jurisdictionIds.length === 0) return [];
  let query = services.db
    .selectFrom('facilities')
    .innerJoin('organizations', 'organizations.id', 'facilities.organization_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'facilities.jurisdiction_id')
    .select([
      'facilities.id',
      'facilities.name',
      'facilities.city',
      'facilities.state',
      'facilities.county',
      'facilities.organization_id',
      'organizations.name as organization_name',
      'jurisdictions.name as jurisdiction_name',
    ])
    .where((eb) =>
      eb.or([
        ...(organizationIds.length ? [eb('facilities.organization_id', 'in', organizationIds)] : []),
        ...(jurisdictionIds.length ? [eb('facilities.jurisdiction_id', 'in', jurisdictionIds)] : []),
      ]),
    )
    .orderBy('facilities.name')
    .limit(LIST_LIMIT);
  if (options.organizationId !== undefined) {
    if (!isRecordId(options.organizationId)) return [];
    query = query.where('facilities.organization_id', '=', options.organizationId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    city: r.city,
    state: r.state,
    county: r.county,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    jurisdictionName: r.jurisdiction_name,
  }));
}
