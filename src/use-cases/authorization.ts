// Loads what an actor may do and refuses what they may not: every use case that touches an
// organization's or a jurisdiction's data calls one of the require* functions first.
import {
  isAllowedInJurisdiction,
  isAllowedInOrganization,
  type ActiveMembership,
  type JurisdictionAction,
  type OrganizationAction,
  type StaffGrant,
} from '../domain/permissions.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import type { Actor, Db } from './services.ts';
import type { SignedInUser } from './sessions/resume-session.ts';

export interface ActorRoles {
  userId: string;
  memberships: Map<string, ActiveMembership>;
  staff: StaffGrant[];
}

/** The roles of a signed-in user as their session read them (resumeSession), for Actor.roles. */
export function actorRolesOf(user: SignedInUser): ActorRoles {
  return {
    userId: user.id,
    memberships: new Map(user.memberships.map((m) => [m.organizationId, { role: m.role, isLrpConfirmed: m.isLrpConfirmed }])),
    staff: user.staffRoles.map((s) => ({ jurisdictionId: s.jurisdictionId, role: s.role })),
  };
}

export async function loadActorRoles(db: Db, actor: Actor): Promise<ActorRoles> {
  if (!actor.userId) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (actor.roles?.userId === actor.userId) return actor.roles;
  const [memberships, staff] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['organization_id', 'role', 'lrp_confirmed_at'])
      .where('user_id', '=', actor.userId)
      .where('status', '=', 'active')
      .execute(),
    db.selectFrom('staff_roles').select(['jurisdiction_id', 'role']).where('user_id', '=', actor.userId).execute(),
  ]);
  return {
    userId: actor.userId,
    memberships: new Map(memberships.map((m) => [m.organization_id, { role: m.role, isLrpConfirmed: m.lrp_confirmed_at !== null }])),
    staff: staff.map((s) => ({ jurisdictionId: s.jurisdiction_id, role: s.role })),
  };
}

/** Returns the actor's role in the organization, or throws 'forbidden'. */
export function requireOrganizationPermission(roles: ActorRoles, organizationId: string, action: OrganizationAction): ActiveMembership {
  const membership = roles.memberships.get(organizationId);
  if (!membership || !isAllowedInOrganization(membership, action)) {
    throw forbidden(
      membership
        ? 'Your role in this organization does not allow this.'
        : 'You are not a member of this organization.',
    );
  }
  return membership;
}

export function requireJurisdictionPermission(roles: ActorRoles, jurisdictionId: string, action: JurisdictionAction): StaffGrant {
  if (!isAllowedInJurisdiction(roles.staff, jurisdictionId, action)) {
    throw forbidden('Only the authority\'s staff for this jurisdiction may do this.');
  }
  return roles.staff.find((g) => g.jurisdictionId === jurisdictionId)!;
}

/**
 * For reading an organization's data: its members (with the action's right) or the staff of
 * its jurisdiction. Returns the role to record in the audit trail.
 */
export function requireOrganizationOrStaff(
  roles: ActorRoles,
  organization: { id: string; jurisdictionId: string },
  action: OrganizationAction,
  staffAction: JurisdictionAction,
): string {
  const membership = roles.memberships.get(organization.id);
  if (membership && isAllowedInOrganization(membership, action)) return membership.role;
  if (isAllowedInJurisdiction(roles.staff, organization.jurisdictionId, staffAction)) {
    return roles.staff.find((g) => g.jurisdictionId === organization.jurisdictionId)!.role;
  }
  throw forbidden(membership ? 'Your role in this organization does not allow this.' : 'You are not a member of this organization.');
}
