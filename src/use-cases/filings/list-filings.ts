// The filings of the organizations the actor belongs to, newest change first.
import { filingKindLabels, filingStatusLabels, type FilingKind, type FilingStatus } from '../../domain/filings/filing-kinds.ts';
import { isAllowedInOrganization } from '../../domain/permissions.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface FilingListItem {
  id: string;
  kind: FilingKind;
  kindLabel: string;
  status: FilingStatus;
  statusLabel: string;
  facilityId: string;
  facilityName: string;
  organizationName: string;
  updatedAt: Date;
  permitId: string | null;
}

export interface FilingList {
  filings: FilingListItem[];
  /** Facilities the actor may start a filing for. */
  facilities: { id: string; name: string }[];
}

export async function listFilings(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<FilingList> {
  const roles = await loadActorRoles(services.db, options.actor);
  const organizationIds = [...roles.memberships].filter(([, m]) => isAllowedInOrganization(m, 'filing.view')).map(([id]) => id);
  if (organizationIds.length === 0) return { filings: [], facilities: [] };
  const draftingIds = [...roles.memberships].filter(([, m]) => isAllowedInOrganization(m, 'filing.draft')).map(([id]) => id);
  const facilities = draftingIds.length
    ? await services.db.selectFrom('facilities').select(['id', 'name']).where('organization_id', 'in', draftingIds).orderBy('name').limit(500).execute()
    : [];
  const rows = await services.db
    .selectFrom('filings')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .innerJoin('organizations', 'organizations.id', 'filings.organization_id')
    .select(['filings.id', 'filings.kind', 'filings.status', 'filings.updated_at', 'filings.permit_id', 'facilities.id as facility_id', 'facilities.name as facility_name', 'organizations.name as organization_name'])
    .where('filings.organization_id', 'in', organizationIds)
    .orderBy('filings.updated_at', 'desc')
    .limit(500)
    .execute();
  const filings = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: filingKindLabels[r.kind],
    status: r.status,
    statusLabel: filingStatusLabels[r.status],
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    organizationName: r.organization_name,
    updatedAt: new Date(r.updated_at),
    permitId: r.permit_id,
  }));
  return { filings, facilities };
}
