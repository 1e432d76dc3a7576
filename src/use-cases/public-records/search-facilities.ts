// Public facility search over facility_listings (the one table search reads): anyone, no
// account. A name is matched with pg_trgm's word similarity against "name operator", so
// typos and word order do not matter ("Keshna Sawmil", "Sawmill Keshena"), with a
// substring match (ILIKE) as well for short or partial words; both use the trigram GIN
// index. The answer carries nothing about people (no contact names, e-mails or phones).
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  effectiveSort,
  facilitySearchQuerySchema,
  type FacilitySearchQuery,
  type FacilitySearchResult,
  type FacilitySummary,
} from '../../domain/public-records/facility-search-query.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import type { Db, Services } from '../services.ts';

/**
 * word_similarity at or above this counts as a match. 0.6 (pg_trgm's default) misses two
 * typos in a short name; below 0.4 unrelated names start to match.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.45;

type ListingQuery<O> = SelectQueryBuilder<Database, 'facility_listings', O>;

const haystack = sql<string>`(facility_listings.name || ' ' || facility_listings.operator)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The query's filters on any select from facility_listings (the page, the count, the CSV). */
export function applyFacilityFilters<O>(builder: ListingQuery<O>, query: FacilitySearchQuery): ListingQuery<O> {
  let b = builder;
  if (query.q) {
    b = b.where(sql<boolean>`(${query.q} <% ${haystack} OR ${haystack} ILIKE ${`%${escapeLike(query.q)}%`})`);
  }
  if (query.permitId) b = b.where('facility_listings.permit_id', '=', query.permitId);
  if (query.county) b = b.where(sql<string>`lower(facility_listings.county)`, '=', query.county.toLowerCase());
  if (query.status) b = b.where('facility_listings.status', '=', query.status);
  if (query.receivingWater) b = b.where('facility_listings.receiving_water', 'ilike', `%${escapeLike(query.receivingWater)}%`);
  if (query.filingKind) b = b.where(sql<boolean>`${query.filingKind} = ANY(facility_listings.filing_kinds)`);
  return b;
}

/** The query's order, always ending on the id so pages never overlap. */
export function applyFacilityOrder<O>(builder: ListingQuery<O>, query: FacilitySearchQuery): ListingQuery<O> {
  const direction = query.order === 'desc' ? 'desc' : 'asc';
  const sort = effectiveSort(query);
  let b = builder;
  if (sort === 'relevance') b = b.orderBy(sql`word_similarity(${query.q ?? ''}, ${haystack})`, 'desc');
  if (sort === 'permitId') b = b.orderBy(sql`facility_listings.permit_id ${sql.raw(direction)} nulls last`);
  if (sort === 'county') b = b.orderBy('facility_listings.county', direction);
  if (sort === 'status') b = b.orderBy('facility_listings.status', direction);
  return b.orderBy('facility_listings.name', sort === 'name' ? direction : 'asc').orderBy('facility_listings.facility_id');
}

/** Sets the similarity threshold for this transaction only (SET LOCAL), so the `<%` operator and its index use it. */
export async function useNameSimilarityThreshold(tx: Db): Promise<void> {
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`.execute(tx);
}

export function toFacilitySummary(row: { facility_id: string; permit_id: string | null; name: string; operator: string; county: string; status: string; jurisdiction_id: string }): FacilitySummary {
  return {
    id: row.facility_id,
    permitId: row.permit_id,
    name: row.name,
    operator: row.operator,
    county: row.county,
    status: row.status as FacilitySummary['status'],
    jurisdiction: row.jurisdiction_id,
    url: `/facilities/${row.facility_id}`,
  };
}

/** Parses the raw query (AppError 'validation' naming each parameter) and answers one page. */
export async function searchFacilities(services: Pick<Services, 'db'>, options: { query: unknown }): Promise<FacilitySearchResult & { query: FacilitySearchQuery }> {
  const query = parseInput(facilitySearchQuerySchema, options.query);
  return services.db.transaction().execute(async (tx) => {
    if (query.q) await useNameSimilarityThreshold(tx);
    const rows = await applyFacilityOrder(
      applyFacilityFilters(
        tx.selectFrom('facility_listings').select(['facility_id', 'permit_id', 'name', 'operator', 'county', 'status', 'jurisdiction_id']),
        query,
      ),
      query,
    )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    // Exact, as the contract asks; the same filters, so the same indexes.
    const counted = await applyFacilityFilters(tx.selectFrom('facility_listings').select(sql<string>`count(*)`.as('total')), query).executeTakeFirstOrThrow();
    return { items: rows.map(toFacilitySummary), total: Number(counted.total), page: query.page, pageSize: query.pageSize, query };
  });
}
