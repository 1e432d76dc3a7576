// The permits and copies-of-record files of `outfall export`, beside the facility and
// sampling files of public-csv.ts (the one place their columns are named). CSV columns use
// SMARTS's public export names where they mean the same (REG_MEAS_ID, WDID,
// STATUS_CODE_NAME, RECEIVED_DATE …); the JSON files hold the same records under Outfall's
// field names. Nothing here names a contact person or a signer: a copy of record is listed
// by its hashes, its filing type and when it was signed.
import { csvLines, statusCodeNames } from './public-csv.ts';

export interface PublicPermitRecord {
  /** SMARTS's REG_MEAS_ID for an imported permit, the filing's id for Outfall's own. */
  sourceId: string;
  source: 'smarts' | 'outfall';
  permitType: string;
  permitId: string;
  status: string;
  receivedDate: string | null;
  processedDate: string | null;
  terminationDate: string | null;
  statusDate: string | null;
  facilityName: string;
  operator: string;
  county: string;
  placeSize: number | null;
  placeSizeUnit: string | null;
  placeSizeAcres: number | null;
  facilityUrl: string;
}

export const permitCsvHeader = [
  'REG_MEAS_ID',
  'SOURCE',
  'REG_MEAS_TYPE',
  'WDID',
  'STATUS_CODE_NAME',
  'RECEIVED_DATE',
  'PROCESSED_DATE',
  'TERMINATION_DATE',
  'STATUS_DATE',
  'FACILITY_NAME',
  'OPERATOR_NAME',
  'FACILITY_COUNTY',
  'PLACE_SIZE',
  'PLACE_SIZE_UNIT',
  'PLACE_SIZE_ACRES',
  'FACILITY_URL',
] as const;

export function permitCsv(rows: readonly PublicPermitRecord[]): string {
  return csvLines(
    permitCsvHeader,
    rows.map((r) => [
      r.sourceId, r.source, r.permitType, r.permitId, statusCodeNames[r.status] ?? r.status, r.receivedDate, r.processedDate,
      r.terminationDate, r.statusDate, r.facilityName, r.operator, r.county, r.placeSize, r.placeSizeUnit, r.placeSizeAcres, r.facilityUrl,
    ]),
  );
}

export interface PublicDocumentRecord {
  permitId: string | null;
  filingType: string;
  submission: number;
  signedAt: string;
  sha256: string;
  /** Null (an empty CSV field) while the PDF is not rendered yet. */
  pdfSha256: string | null;
  facilityName: string;
  facilityUrl: string;
}

export const documentCsvHeader = ['WDID', 'FILING_TYPE', 'SUBMISSION', 'SIGNED_AT', 'SHA256', 'PDF_SHA256', 'FACILITY_NAME', 'FACILITY_URL'] as const;

export function documentCsv(rows: readonly PublicDocumentRecord[]): string {
  return csvLines(
    documentCsvHeader,
    rows.map((r) => [r.permitId, r.filingType, r.submission, r.signedAt, r.sha256, r.pdfSha256, r.facilityName, r.facilityUrl]),
  );
}
