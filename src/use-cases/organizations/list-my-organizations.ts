// The organizations a person belongs to or has asked to join, with their role in each.
import { isAllowedInOrganization, type MemberRole } from '../../domain/permissions.ts';
import type { MembershipStatus } from '../../db/schema.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface MyOrganization {
  organizationId: string;
  name: string;
  jurisdictionId: string;
  jurisdictionName: string;
  membershipId: string;
  role: MemberRole;
  status: MembershipStatus;
  isLrpConfirmed: boolean;
  canRegisterFacilities: boolean;
}

export async function listMyOrganizations(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<MyOrganization[]> {
  const roles = await loadActorRoles(services.db, options.actor);
  const rows = await services.db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'organizations.jurisdiction_id')
    .select([
      'organizations.id as organization_id',
      'organizations.name',
      'organizations.jurisdiction_id',
      'jurisdictions.name as jurisdiction_name',
      'memberships.id as membership_id',
      'memberships.role',
      'memberships.status',
      'memberships.lrp_confirmed_at',
    ])
    .where('memberships.user_id', '=', roles.userId)
    .where('memberships.status', 'in', ['active', 'pending'])
    .orderBy('organizations.name')
    .execute();
  return rows.map((r) => {
    const isLrpConfirmed = r.lrp_confirmed_at !== null;
    return {
      organizationId: r.organization_id,
      name: r.name,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionName: r.jurisdiction_name,
      membershipId: r.membership_id,
      role: r.role,
      status: r.status,
      isLrpConfirmed,
      canRegisterFacilities: r.status === 'active' && isAllowedInOrganization({ role: r.role, isLrpConfirmed }, 'facility.register'),
    };
  });
}
