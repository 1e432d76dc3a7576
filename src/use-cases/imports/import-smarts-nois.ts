// `outfall import smarts-nois FILE`: each row of SMARTS's industrial NOI export becomes (or
// updates) an organization (the operator), a facility and its imported permit (WDID, status,
// dates), and the facility's public listing, in one transaction per row. The permit is found
// again by REG_MEAS_ID; a row whose normalized content hashes the same is left alone.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.ts';
import {
  normalizeOperatorName, organizationKindForOperatorType, readSmartsNoiRow, smartsNoiPublicData, smartsNoiRequiredColumns,
  type SmartsNoiRow,
} from '../../domain/smarts/smarts-noi-row.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';
import type { Services, Tx } from '../services.ts';
import { DEFAULT_IMPORT_JURISDICTION, RowRefusal, runSmartsImport, type ImportSummary, type RowOutcome, type SmartsImportOptions } from './smarts-import-run.ts';

export const SMARTS_SOURCE = 'smarts';

function joinAddress(parts: { address: string; city: string; state: string; zip: string }): string {
  const place = [parts.state, parts.zip].filter(Boolean).join(' ');
  return [parts.address, parts.city, place].filter(Boolean).join(', ');
}

/** The operator's organization: found by normalized name in the jurisdiction, else created. */
async function operatorOrganization(tx: Tx, row: SmartsNoiRow, jurisdictionId: string, now: Date): Promise<string> {
  const importKey = `${SMARTS_SOURCE}:${normalizeOperatorName(row.operator.name)}`;
  const details = { kind: organizationKindForOperatorType(row.operator.type), address: joinAddress(row.operator), phone: row.operator.phone };
  const existing = await tx
    .selectFrom('organizations')
    .select(['id', 'kind', 'address', 'phone'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('import_key', '=', importKey)
    .executeTakeFirst();
  if (existing) {
    if (existing.kind !== details.kind || existing.address !== details.address || existing.phone !== details.phone) {
      await tx.updateTable('organizations').set({ ...details, updated_at: now }).where('id', '=', existing.id).execute();
    }
    return existing.id;
  }
  const created = await tx
    .insertInto('organizations')
    .values({ jurisdiction_id: jurisdictionId, name: row.operator.name, import_key: importKey, ...details, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/** The facility of the permit, else of another permit with the same WDID, else none. */
async function facilityOfWdid(tx: Tx, wdid: string, jurisdictionId: string): Promise<string | null> {
  const permit = await tx
    .selectFrom('imported_permits')
    .select('facility_id')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('permit_id', '=', wdid)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return permit?.facility_id ?? null;
}

function contentHashOf(row: SmartsNoiRow, jurisdictionId: string): string {
  return createHash('sha256').update(canonicalJson({ jurisdictionId, row })).digest('hex');
}

async function storeNoiRow(tx: Tx, row: SmartsNoiRow, context: { jurisdictionId: string; now: Date }): Promise<RowOutcome> {
  const { jurisdictionId, now } = context;
  const contentHash = contentHashOf(row, jurisdictionId);
  const existing = await tx
    .selectFrom('imported_permits')
    .select(['id', 'facility_id', 'content_hash'])
    .where('source', '=', SMARTS_SOURCE)
    .where('source_id', '=', row.sourceId)
    .forUpdate()
    .executeTakeFirst();
  if (existing && existing.content_hash === contentHash) return 'unchanged';

  const organizationId = await operatorOrganization(tx, row, jurisdictionId, now);
  const facility = {
    organization_id: organizationId,
    jurisdiction_id: jurisdictionId,
    name: row.facility.name,
    address: row.facility.address,
    city: row.facility.city,
    state: row.facility.state,
    zip: row.facility.zip,
    county: row.facility.county,
    receiving_waters: row.facility.receivingWater,
    sic_codes: row.facility.sicCodes.map((s) => s.code),
    updated_at: now,
  };
  let facilityId = existing?.facility_id ?? (await facilityOfWdid(tx, row.wdid, jurisdictionId));
  if (facilityId) {
    await tx.updateTable('facilities').set(facility).where('id', '=', facilityId).execute();
  } else {
    // SMARTS's NOI export has no position: the sampling export may give one later.
    const created = await tx
      .insertInto('facilities')
      .values({ ...facility, latitude: null, longitude: null, discharges_to_ms4: false, ms4_name: null, in_indian_country: false, naics_codes: [], created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    facilityId = created.id;
  }

  const permit = {
    jurisdiction_id: jurisdictionId,
    facility_id: facilityId,
    organization_id: organizationId,
    permit_id: row.wdid,
    permit_type: row.permitType,
    status: row.status,
    received_date: row.receivedDate,
    processed_date: row.processedDate,
    termination_date: row.terminationDate,
    status_date: row.statusDate,
    certified_at: row.certifiedAt,
    public_data: JSON.stringify(smartsNoiPublicData(row)),
    content_hash: contentHash,
    updated_at: now,
  };
  if (existing) {
    await tx.updateTable('imported_permits').set(permit).where('id', '=', existing.id).execute();
  } else {
    await tx
      .insertInto('imported_permits')
      .values({ ...permit, source: SMARTS_SOURCE, source_id: row.sourceId, imported_at: now })
      .execute();
  }
  await refreshFacilityListing(tx, facilityId, now);
  return existing ? 'updated' : 'imported';
}

export async function importSmartsNois(services: Services, options: SmartsImportOptions): Promise<ImportSummary> {
  // A REG_MEAS_ID given twice with different values would flip between them on every run
  // (never "unchanged"): the later row fails, naming the first. An identical repeat is
  // simply unchanged.
  const firstOfId = new Map<string, { line: number; row: SmartsNoiRow }>();
  const conflicts = new WeakMap<SmartsNoiRow, number>();
  const jurisdictionId = options.jurisdictionId ?? DEFAULT_IMPORT_JURISDICTION;
  return runSmartsImport(services, options, {
    source: 'smarts-nois',
    exportName: 'industrial NOI ("Industrial Application Specific Data")',
    requiredColumns: smartsNoiRequiredColumns,
    readRow: (fields) => readSmartsNoiRow(fields),
    prepare: (rows) => {
      for (const { record, row } of rows) {
        const first = firstOfId.get(row.sourceId);
        if (!first) firstOfId.set(row.sourceId, { line: record.line, row });
        else if (contentHashOf(first.row, jurisdictionId) !== contentHashOf(row, jurisdictionId)) conflicts.set(row, first.line);
      }
    },
    storeRow: (tx, row, context) => {
      const firstLine = conflicts.get(row);
      if (firstLine !== undefined) throw new RowRefusal(`REG_MEAS_ID: ${row.sourceId} is already on line ${firstLine} with other values`);
      return storeNoiRow(tx, row, context);
    },
  });
}
