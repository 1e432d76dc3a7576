// Which audit histories a user may read: their own account's, each organization whose
// role allows it, each jurisdiction they are staff of. The /history page links to these.
import { isAllowedInJurisdiction, isAllowedInOrganization } from '../../domain/permissions.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface HistoryViews {
  organizations: { id: string; name: string }[];
  jurisdictions: { id: string; name: string }[];
}

export async function listHistoryViews(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<HistoryViews> {
  const { db } = services;
  const roles = await loadActorRoles(db, options.actor);
  const organizationIds = [...roles.memberships].filter(([, m]) => isAllowedInOrganization(m, 'audit.view-organization')).map(([id]) => id);
  const jurisdictionIds = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((id) => isAllowedInJurisdiction(roles.staff, id, 'audit.view-jurisdiction'));
  const [organizations, jurisdictions] = await Promise.all([
    organizationIds.length ? db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', organizationIds).orderBy('name').execute() : [],
    jurisdictionIds.length ? db.selectFrom('jurisdictions').select(['id', 'name']).where('id', 'in', jurisdictionIds).orderBy('name').execute() : [],
  ]);
  return { organizations, jurisdictions };
}
