// `outfall import smarts-monitoring FILE`: each sampling result of SMARTS's export is
// attached to the facility with its WDID (an imported permit's, else a permit Outfall
// issued). A result is never changed once stored: a corrected value is a new result, so
// "updated" stays 0. The facility and its listing get the export's position when they have
// none.
import {
  occurrenceCounter, readSmartsMonitoringRow, samplingSourceKey, smartsMonitoringRequiredColumns, type SmartsMonitoringRow,
} from '../../domain/smarts/smarts-monitoring-row.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';
import type { Services, Tx } from '../services.ts';
import { RowRefusal, runSmartsImport, type ImportSummary, type RowOutcome, type SmartsImportOptions } from './smarts-import-run.ts';

export const SMARTS_MONITORING_SOURCE = 'smarts-monitoring';

async function facilityWithWdid(tx: Tx, wdid: string, jurisdictionId: string): Promise<{ id: string; latitude: string | null } | null> {
  const imported = await tx
    .selectFrom('imported_permits')
    .innerJoin('facilities', 'facilities.id', 'imported_permits.facility_id')
    .select(['facilities.id', 'facilities.latitude'])
    .where('imported_permits.jurisdiction_id', '=', jurisdictionId)
    .where('imported_permits.permit_id', '=', wdid)
    .orderBy('imported_permits.updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (imported) return imported;
  const native = await tx
    .selectFrom('filings')
    .innerJoin('facilities', 'facilities.id', 'filings.facility_id')
    .select(['facilities.id', 'facilities.latitude'])
    .where('filings.jurisdiction_id', '=', jurisdictionId)
    .where('filings.permit_id', '=', wdid)
    .where('filings.status', '=', 'accepted')
    .limit(1)
    .executeTakeFirst();
  return native ?? null;
}

type KeyedRow = SmartsMonitoringRow & { occurrence: number };

export async function importSmartsMonitoring(services: Services, options: SmartsImportOptions): Promise<ImportSummary> {
  const occurrences = new WeakMap<SmartsMonitoringRow, number>();
  return runSmartsImport<SmartsMonitoringRow>(services, options, {
    source: 'smarts-monitoring',
    exportName: 'sampling data (monitoring)',
    requiredColumns: smartsMonitoringRequiredColumns,
    readRow: (fields) => readSmartsMonitoringRow(fields),
    prepare: (rows) => {
      const count = occurrenceCounter();
      for (const { row } of rows) occurrences.set(row, count(samplingSourceKey('', row, 0)));
    },
    storeRow: async (tx, row, { jurisdictionId, now }): Promise<RowOutcome> => {
      const keyed: KeyedRow = { ...row, occurrence: occurrences.get(row) ?? 1 };
      const facility = await facilityWithWdid(tx, keyed.wdid, jurisdictionId);
      if (!facility) throw new RowRefusal(`WDID: no facility with WDID ${keyed.wdid} (import its NOI first)`);
      const inserted = await tx
        .insertInto('sampling_results')
        .values({
          facility_id: facility.id,
          permit_id: keyed.wdid,
          sampled_at: keyed.sampledAt,
          parameter: keyed.parameter,
          result: keyed.result,
          units: keyed.units,
          latitude: keyed.locationLatitude,
          longitude: keyed.locationLongitude,
          source: SMARTS_MONITORING_SOURCE,
          source_key: samplingSourceKey(jurisdictionId, row, keyed.occurrence),
          imported_at: now,
        })
        .onConflict((oc) => oc.column('source_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return 'unchanged';
      const latitude = keyed.facilityLatitude ?? keyed.locationLatitude;
      const longitude = keyed.facilityLongitude ?? keyed.locationLongitude;
      if (facility.latitude === null && latitude !== null && longitude !== null) {
        await tx.updateTable('facilities').set({ latitude, longitude, updated_at: now }).where('id', '=', facility.id).where('latitude', 'is', null).execute();
        await refreshFacilityListing(tx, facility.id, now);
      }
      return 'imported';
    },
  });
}
