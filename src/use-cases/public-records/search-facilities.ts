// Public facility search over facility_listings (the one table search reads): anyone, no
// account. A name is matched word by word (migrations/0005_search_words.sql): each typed
// word is corrected against the dictionary of listed words (trigram similarity or a
// prefix: "keshna" → keshena, "sawm" → sawmill), and a listing matches when it holds a
// correction of every typed word, in any order, through the GIN index on its words. When a
// typed word corrects to nothing, or the words find nothing together, pg_trgm's word
// similarity against "name operator" (and a substring match) decides instead. The answer
// carries nothing about people (no contact names, e-mails or phones).
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
 * Whole-name fallback: word_similarity at or above this counts as a match. 0.6 (pg_trgm's
 * default) misses two typos in a short name; below 0.4 unrelated names start to match.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.45;
/** A dictionary word at or above this trigram similarity corrects a typed word. */
export const SPELLING_SIMILARITY_THRESHOLD = 0.3;
/** Corrections kept per typed word, most similar first. */
const MAX_CORRECTIONS = 50;

/** How q is matched: by corrected words (each list: the words that may stand for one typed word), or by trigrams. */
export type NameMatch = { kind: 'words'; corrections: string[][] } | { kind: 'trigram' };

type ListingQuery<O> = SelectQueryBuilder<Database, 'facility_listings', O>;

const haystack = sql<string>`(facility_listings.name || ' ' || facility_listings.operator)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The query's filters on any select from facility_listings (the page, the count, the CSV). */
export function applyFacilityFilters<O>(builder: ListingQuery<O>, query: FacilitySearchQuery, nameMatch: NameMatch): ListingQuery<O> {
  let b = builder;
  if (query.q && nameMatch.kind === 'words') {
    for (const words of nameMatch.corrections) b = b.where(sql<boolean>`facility_listings.search_words && ${sql.val(words)}::text[]`);
  } else if (query.q) {
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
  // A name like the words typed first, then an operator.
  if (sort === 'relevance') b = b.orderBy(sql`word_similarity(${query.q ?? ''}, facility_listings.name)`, 'desc').orderBy(sql`word_similarity(${query.q ?? ''}, ${haystack})`, 'desc');
  if (sort === 'permitId') b = b.orderBy(sql`facility_listings.permit_id ${sql.raw(direction)} nulls last`);
  if (sort === 'county') b = b.orderBy('facility_listings.county', direction);
  if (sort === 'status') b = b.orderBy('facility_listings.status', direction);
  return b.orderBy('facility_listings.name', sort === 'name' ? direction : 'asc').orderBy('facility_listings.facility_id');
}

/**
 * Corrects each word of q against the dictionary, with this transaction's thresholds set
 * (set_config(…, true) is SET LOCAL), so `%` and `<%` and their indexes use them.
 */
export async function resolveNameMatch(tx: Db, q: string): Promise<NameMatch> {
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true),
                   set_config('pg_trgm.similarity_threshold', ${String(SPELLING_SIMILARITY_THRESHOLD)}, true)`.execute(tx);
  const typed = await sql<{ token: string; corrections: string[] }>`
    SELECT t.token, array(
      SELECT word FROM search_words
      WHERE word % t.token OR word LIKE t.token || '%'
      ORDER BY word = t.token DESC, similarity(word, t.token) DESC, word
      LIMIT ${MAX_CORRECTIONS}) AS corrections
    FROM unnest(listing_search_words(${q})) AS t(token)`.execute(tx);
  // A typed word that corrects to nothing (a two-letter word with a typo, a word of no
  // listing) is left out, and the ranking by the whole q puts the best match first; only
  // when no word corrects does the (slower) whole-name similarity decide.
  const corrected = typed.rows.filter((r) => r.corrections.length > 0);
  if (corrected.length === 0) return { kind: 'trigram' };
  return { kind: 'words', corrections: corrected.map((r) => r.corrections) };
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
  // Only a name search needs a transaction (for its SET LOCAL thresholds); a permit ID or
  // county lookup saves the BEGIN and COMMIT round trips.
  const run = <T,>(work: (db: Db) => Promise<T>) => (query.q ? services.db.transaction().execute(work) : work(services.db));
  return run(async (tx) => {
    const page = async (nameMatch: NameMatch) => {
      // Exact, as the contract asks; the same filters, so the same indexes.
      const counted = await applyFacilityFilters(tx.selectFrom('facility_listings').select(sql<string>`count(*)`.as('total')), query, nameMatch).executeTakeFirstOrThrow();
      const total = Number(counted.total);
      const rows =
        total === 0
          ? []
          : await applyFacilityOrder(
              applyFacilityFilters(
                tx.selectFrom('facility_listings').select(['facility_id', 'permit_id', 'name', 'operator', 'county', 'status', 'jurisdiction_id']),
                query,
                nameMatch,
              ),
              query,
            )
              .limit(query.pageSize)
              .offset((query.page - 1) * query.pageSize)
              .execute();
      return { items: rows.map(toFacilitySummary), total, page: query.page, pageSize: query.pageSize, query };
    };
    const nameMatch: NameMatch = query.q ? await resolveNameMatch(tx, query.q) : { kind: 'trigram' };
    const answer = await page(nameMatch);
    // Words that exist but not together (or an extra word): the whole-name similarity may still find it.
    if (answer.total === 0 && nameMatch.kind === 'words') return page({ kind: 'trigram' });
    return answer;
  });
}
