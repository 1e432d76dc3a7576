// Reads shared by the organization and membership use cases (not a use case itself).
import { notFound } from '../../domain/errors.ts';
import type { MemberStanding } from '../../domain/organizations/membership-rules.ts';
import { isRecordId } from '../../domain/organizations/record-id.ts';
import type { MemberRole } from '../../domain/permissions.ts';
import type { Expression, Kysely } from 'kysely';
import type { Database, MembershipStatus } from '../../db/schema.ts';
import type { Db, Tx } from '../services.ts';

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
  jurisdictionId: string;
  jurisdictionName: string;
  address: string;
  phone: string;
}

export async function findOrganization(db: Db | Tx, organizationId: string): Promise<OrganizationSummary> {
  if (!isRecordId(organizationId)) throw notFound('The organization');
  const row = await db
    .selectFrom('organizations')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'organizations.jurisdiction_id')
    .select([
      'organizations.id',
      'organizations.name',
      'organizations.kind',
      'organizations.jurisdiction_id',
      'jurisdictions.name as jurisdiction_name',
      'organizations.address',
      'organizations.phone',
    ])
    .where('organizations.id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('The organization');
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    jurisdictionId: row.jurisdiction_id,
    jurisdictionName: row.jurisdiction_name,
    address: row.address,
    phone: row.phone,
  };
}

export interface MembershipRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  jurisdictionId: string;
  userId: string;
  userName: string;
  userEmail: string;
  role: MemberRole;
  status: MembershipStatus;
  isLrpConfirmed: boolean;
}

/** The membership and its organization; locked FOR UPDATE when read inside a transaction. */
export async function findMembership(db: Db | Tx, membershipId: string, options: { lock?: boolean } = {}): Promise<MembershipRecord> {
  if (!isRecordId(membershipId)) throw notFound('The membership');
  let query = db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'memberships.organization_id',
      'organizations.name as organization_name',
      'organizations.jurisdiction_id',
      'memberships.user_id',
      'users.name as user_name',
      'users.email as user_email',
      'memberships.role',
      'memberships.status',
      'memberships.lrp_confirmed_at',
    ])
    .where('memberships.id', '=', membershipId);
  if (options.lock) query = query.forUpdate('memberships');
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The membership');
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    jurisdictionId: row.jurisdiction_id,
    userId: row.user_id,
    userName: row.user_name,
    userEmail: row.user_email,
    role: row.role,
    status: row.status,
    isLrpConfirmed: row.lrp_confirmed_at !== null,
  };
}

/** Active members, locked so two LRPs cannot each remove the other at the same moment. */
export async function lockActiveMembers(tx: Tx, organizationId: string): Promise<MemberStanding[]> {
  const rows = await tx
    .selectFrom('memberships')
    .select(['id', 'role', 'lrp_confirmed_at'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .forUpdate()
    .execute();
  return rows.map((r) => ({ membershipId: r.id, role: r.role, isLrpConfirmed: r.lrp_confirmed_at !== null }));
}

/**
 * The query for an organization's active, confirmed Legally Responsible Persons' e-mail
 * addresses; given an ExpressionBuilder it is a subquery (signing-records.ts).
 */
export function confirmedLrpEmailQuery(qc: { selectFrom: Kysely<Database>['selectFrom'] }, organizationId: string | Expression<string>) {
  return qc
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.organization_id', '=', organizationId)
    .where('memberships.status', '=', 'active')
    .where('memberships.role', '=', 'lrp')
    .where('memberships.lrp_confirmed_at', 'is not', null);
}

export async function confirmedLrpEmails(db: Db | Tx, organizationId: string): Promise<string[]> {
  const rows = await confirmedLrpEmailQuery(db, organizationId).execute();
  return rows.map((r) => r.email);
}
