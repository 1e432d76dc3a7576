// One row of SMARTS's sampling-data export: one analytical result of one sample at one
// facility (by WDID). The same sample often has several results for one parameter (several
// outfalls, or a repeat analysis), so rows that look alike are all kept.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import { wallClockAsUtc, parseCoordinate, parseDecimal, parseSmartsDateTime, type LocalDateTime } from './smarts-fields.ts';
import { ColumnReader, type RowReading } from './smarts-noi-row.ts';

export const SAMPLED_AT_COLUMN = 'Date/time of sample collection';

/** Columns without which a file is not a sampling export at all (exit 2, nothing imported). */
export const smartsMonitoringRequiredColumns = ['WDID', SAMPLED_AT_COLUMN, 'Parameter', 'Result'] as const;

export interface SmartsMonitoringRow {
  wdid: string;
  /** The sample's wall-clock time as SMARTS wrote it (no zone). */
  sampledAtLocal: LocalDateTime;
  sampledAt: Date;
  parameter: string;
  /** As written ("39.00", "5.0e-03"): numeric keeps it exactly. */
  result: string;
  units: string;
  /** Where the sample was taken ("Monitoring Location Latitude/Longitude"). */
  locationLatitude: number | null;
  locationLongitude: number | null;
  /** The facility's own position ("Latitude"/"Longitude"). */
  facilityLatitude: number | null;
  facilityLongitude: number | null;
}

export function readSmartsMonitoringRow(fields: ReadonlyMap<string, string>): RowReading<SmartsMonitoringRow> {
  const c = new ColumnReader(fields);
  const wdid = c.required('WDID');
  const sampled = c.read(SAMPLED_AT_COLUMN, parseSmartsDateTime(c.raw(SAMPLED_AT_COLUMN)), null);
  if (!sampled && c.text(SAMPLED_AT_COLUMN) === '') c.reasons.push(`${SAMPLED_AT_COLUMN} is empty`);
  const parameter = c.required('Parameter');
  const result = c.read('Result', parseDecimal(c.raw('Result')), '');
  const row = {
    wdid,
    parameter,
    result,
    units: c.text('Units'),
    locationLatitude: c.read('Monitoring Location Latitude', parseCoordinate(c.raw('Monitoring Location Latitude'), 90), null),
    locationLongitude: c.read('Monitoring Location Longitude', parseCoordinate(c.raw('Monitoring Location Longitude'), 180), null),
    facilityLatitude: c.read('Latitude', parseCoordinate(c.raw('Latitude'), 90), null),
    facilityLongitude: c.read('Longitude', parseCoordinate(c.raw('Longitude'), 180), null),
  };
  if (c.reasons.length > 0 || !sampled) return { ok: false, reasons: c.reasons };
  return { ok: true, row: { ...row, sampledAtLocal: sampled, sampledAt: wallClockAsUtc(sampled) } };
}

/**
 * The result's identity for an idempotent import: the normalized row (not SMARTS's entry
 * time, which a re-export may change) plus its occurrence among identical rows of the file,
 * so two identical results import as two the first time and as nothing the second.
 */
export function samplingSourceKey(jurisdictionId: string, row: SmartsMonitoringRow, occurrence: number): string {
  const { sampledAt: _instant, ...normalized } = row;
  return createHash('sha256').update(`${canonicalJson({ jurisdictionId, ...normalized, result: Number(row.result) })}#${occurrence}`).digest('hex');
}

/** Numbers each row's occurrence among identical rows (1 for the first). */
export function occurrenceCounter(): (identity: string) => number {
  const seen = new Map<string, number>();
  return (identity) => {
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    return n;
  };
}
