// Every facility matching a public search, for the CSV download (/search.csv): the search's
// own filters and order, without paging, up to a cap so one request cannot read the whole
// state into memory (the jurisdiction's full export is `outfall export`).
import type { Selectable } from 'kysely';
import type { FacilityListingTable } from '../../db/schema.ts';
import { facilitySearchQuerySchema } from '../../domain/public-records/facility-search-query.ts';
import type { FacilityCsvRow } from '../../domain/public-records/public-csv.ts';
import { parseInput } from '../../domain/schema-parsing.ts';
import type { Services } from '../services.ts';
import { applyFacilityFilters, applyFacilityOrder, resolveNameMatch, type NameMatch } from './search-facilities.ts';

export const MAX_DOWNLOAD_ROWS = 100_000;

export async function listFacilityListings(services: Pick<Services, 'db'>, options: { query: unknown }): Promise<FacilityCsvRow[]> {
  const query = parseInput(facilitySearchQuerySchema, options.query);
  return services.db.transaction().execute(async (tx) => {
    const list = (nameMatch: NameMatch) =>
      applyFacilityOrder(applyFacilityFilters(tx.selectFrom('facility_listings').selectAll(), query, nameMatch), query).limit(MAX_DOWNLOAD_ROWS).execute();
    const nameMatch: NameMatch = query.q ? await resolveNameMatch(tx, query.q) : { kind: 'trigram' };
    let rows = await list(nameMatch);
    // As the search: words found apart from each other fall back to whole-name similarity.
    if (rows.length === 0 && nameMatch.kind === 'words') rows = await list({ kind: 'trigram' });
    return rows.map(toFacilityCsvRow);
  });
}

/** A listing as a row of the facilities CSV (the search download and `outfall export`). */
export function toFacilityCsvRow(r: Selectable<FacilityListingTable>): FacilityCsvRow {
  return {
    permitId: r.permit_id,
    name: r.name,
    operator: r.operator,
    city: r.city,
    county: r.county,
    status: r.status,
    statusDate: r.status_date ? String(r.status_date).slice(0, 10) : null,
    receivingWater: r.receiving_water,
    sicCodes: r.sic_codes,
    filingKinds: r.filing_kinds,
    jurisdiction: r.jurisdiction_id,
    latitude: r.latitude,
    longitude: r.longitude,
    url: `/facilities/${r.facility_id}`,
  };
}
