// The reviewer's queue of first LRPs awaiting the authority's confirmation, for the
// jurisdictions where the actor is a reviewer. Administrators may open the page but
// confirm nothing unless they are reviewers too.
import { forbidden } from '../../domain/errors.ts';
import { isAllowedInJurisdiction } from '../../domain/permissions.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface PendingLrpConfirmation {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  organizationAddress: string;
  organizationPhone: string;
  jurisdictionId: string;
  jurisdictionName: string;
  userName: string;
  userEmail: string;
  userPhone: string;
  since: Date;
}

export interface LrpConfirmationQueue {
  reviewerJurisdictions: string[];
  items: PendingLrpConfirmation[];
}

export async function listLrpConfirmations(services: Pick<Services, 'db'>, options: { actor: Actor }): Promise<LrpConfirmationQueue> {
  const roles = await loadActorRoles(services.db, options.actor);
  if (roles.staff.length === 0) throw forbidden('Only the authority\'s reviewers and administrators may see the review queue.');
  const reviewerJurisdictions = [...new Set(roles.staff.map((g) => g.jurisdictionId))].filter((j) =>
    isAllowedInJurisdiction(roles.staff, j, 'membership.confirm-lrp'),
  );
  if (reviewerJurisdictions.length === 0) return { reviewerJurisdictions, items: [] };
  const rows = await services.db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'organizations.jurisdiction_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'organizations.id as organization_id',
      'organizations.name as organization_name',
      'organizations.kind',
      'organizations.address',
      'organizations.phone as organization_phone',
      'organizations.jurisdiction_id',
      'jurisdictions.name as jurisdiction_name',
      'users.name as user_name',
      'users.email',
      'users.phone as user_phone',
      'memberships.requested_at',
    ])
    .where('memberships.role', '=', 'lrp')
    .where('memberships.status', '=', 'active')
    .where('memberships.lrp_confirmed_at', 'is', null)
    .where('organizations.jurisdiction_id', 'in', reviewerJurisdictions)
    .orderBy('memberships.requested_at')
    .execute();
  return {
    reviewerJurisdictions,
    items: rows.map((r) => ({
      membershipId: r.id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      organizationKind: r.kind,
      organizationAddress: r.address,
      organizationPhone: r.organization_phone,
      jurisdictionId: r.jurisdiction_id,
      jurisdictionName: r.jurisdiction_name,
      userName: r.user_name,
      userEmail: r.email,
      userPhone: r.user_phone,
      since: new Date(r.requested_at),
    })),
  };
}
