// The reviewer's list: every LRP and DAR of the organizations in the reviewer's
// jurisdictions, with their current eAuthorization if one is on record.
import { memberRoleLabels } from '../../domain/permissions.ts';
import { forbidden } from '../../domain/errors.ts';
import { isAllowedInJurisdiction } from '../../domain/permissions.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface EAuthorizationListEntry {
  userId: string;
  userName: string;
  userEmail: string;
  roleLabel: string;
  organizationId: string;
  organizationName: string;
  jurisdictionId: string;
  current: { id: string; receivedAt: Date } | null;
}

export async function listEAuthorizations(services: Services, options: { actor: Actor }): Promise<EAuthorizationListEntry[]> {
  const roles = await loadActorRoles(services.db, options.actor);
  const jurisdictionIds = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((id) =>
    isAllowedInJurisdiction(roles.staff, id, 'e-authorization.record'),
  );
  if (jurisdictionIds.length === 0) throw forbidden('Only a reviewer of the authority may record electronic signature agreements.');
  const rows = await services.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .leftJoin('e_authorizations', (join) =>
      join
        .onRef('e_authorizations.user_id', '=', 'memberships.user_id')
        .onRef('e_authorizations.organization_id', '=', 'memberships.organization_id')
        .on('e_authorizations.status', '=', 'received'),
    )
    .select([
      'users.id as userId',
      'users.name as userName',
      'users.email as userEmail',
      'memberships.role',
      'organizations.id as organizationId',
      'organizations.name as organizationName',
      'organizations.jurisdiction_id as jurisdictionId',
      'e_authorizations.id as eAuthorizationId',
      'e_authorizations.received_at as receivedAt',
    ])
    .where('memberships.status', '=', 'active')
    .where('memberships.role', 'in', ['lrp', 'dar'])
    .where('organizations.jurisdiction_id', 'in', jurisdictionIds)
    .orderBy('organizations.name')
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({
    userId: r.userId,
    userName: r.userName,
    userEmail: r.userEmail,
    roleLabel: memberRoleLabels[r.role],
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    jurisdictionId: r.jurisdictionId,
    current: r.eAuthorizationId && r.receivedAt ? { id: r.eAuthorizationId, receivedAt: new Date(r.receivedAt) } : null,
  }));
}
