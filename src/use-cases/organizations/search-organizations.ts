// Finding an organization to join: only its name and jurisdiction are shown to a
// non-member, never its members or facilities.
import { organizationSearchSchema } from '../../domain/organizations/organization-input.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import { loadActorRoles } from '../authorization.ts';
import type { Actor, Services } from '../services.ts';

export interface OrganizationSearchResult {
  id: string;
  name: string;
  jurisdictionName: string;
  /** The searcher's own standing: already a member, already asked, or neither. */
  standing: 'member' | 'pending' | null;
}

const RESULT_LIMIT = 50;

export async function searchOrganizations(
  services: Pick<Services, 'db'>,
  options: { actor: Actor; query: unknown },
): Promise<OrganizationSearchResult[]> {
  const roles = await loadActorRoles(services.db, options.actor);
  const { query } = parseInput(organizationSearchSchema, { query: options.query ?? '' });
  if (query === '') return [];
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await services.db
    .selectFrom('organizations')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'organizations.jurisdiction_id')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.organization_id', '=', 'organizations.id')
        .on('memberships.user_id', '=', roles.userId)
        .on('memberships.status', 'in', ['active', 'pending']),
    )
    .select(['organizations.id', 'organizations.name', 'jurisdictions.name as jurisdiction_name', 'memberships.status'])
    .where('organizations.name', 'ilike', pattern)
    .orderBy('organizations.name')
    .limit(RESULT_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jurisdictionName: r.jurisdiction_name,
    standing: r.status === 'active' ? 'member' : r.status === 'pending' ? 'pending' : null,
  }));
}
