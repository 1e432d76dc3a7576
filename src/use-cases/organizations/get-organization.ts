// An organization's page: details for its members and the jurisdiction's staff; members and
// pending requests; and what the viewer may do there.
import { isAllowedInOrganization, type MemberRole } from '../../domain/permissions.ts';
import { loadActorRoles, requireOrganizationOrStaff } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';
import { findOrganization, type OrganizationSummary } from './organization-records.ts';

export interface OrganizationMember {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  isLrpConfirmed: boolean;
  requestedAt: Date;
}

export interface OrganizationView {
  organization: OrganizationSummary;
  /** lrp, dar, submitter, reviewer or administrator. */
  viewerRole: string;
  members: OrganizationMember[];
  pendingRequests: OrganizationMember[];
  facilityCount: number;
  can: { decideMemberships: boolean; changeRoles: boolean; removeMembers: boolean; registerFacilities: boolean; viewHistory: boolean };
}

export async function getOrganization(services: Pick<Services, 'db'>, options: { actor: Actor; organizationId: string }): Promise<OrganizationView> {
  const roles = await loadActorRoles(services.db, options.actor);
  const organization = await findOrganization(services.db, options.organizationId);
  const viewerRole = requireOrganizationOrStaff(roles, organization, 'organization.view', 'organization.view-any');
  const membership = roles.memberships.get(organization.id);
  const allows = (action: Parameters<typeof isAllowedInOrganization>[1]) => isAllowedInOrganization(membership, action);

  const [rows, facilities] = await Promise.all([
    services.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.id', 'memberships.user_id', 'users.name', 'users.email', 'memberships.role', 'memberships.status', 'memberships.lrp_confirmed_at', 'memberships.requested_at'])
      .where('memberships.organization_id', '=', organization.id)
      .where('memberships.status', 'in', ['active', 'pending'])
      .orderBy('users.name')
      .execute(),
    services.db.selectFrom('facilities').select((eb) => eb.fn.countAll<string>().as('n')).where('organization_id', '=', organization.id).executeTakeFirstOrThrow(),
  ]);
  const toMember = (r: (typeof rows)[number]): OrganizationMember => ({
    membershipId: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    isLrpConfirmed: r.lrp_confirmed_at !== null,
    requestedAt: new Date(r.requested_at),
  });
  const isStaff = !membership;
  return {
    organization,
    viewerRole,
    members: rows.filter((r) => r.status === 'active').map(toMember),
    pendingRequests: rows.filter((r) => r.status === 'pending').map(toMember),
    facilityCount: Number(facilities.n),
    can: {
      decideMemberships: allows('membership.decide'),
      changeRoles: allows('membership.change-role'),
      removeMembers: allows('membership.remove'),
      registerFacilities: allows('facility.register'),
      viewHistory: isStaff || allows('audit.view-organization'),
    },
  };
}
