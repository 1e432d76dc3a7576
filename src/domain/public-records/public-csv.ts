// The public CSV downloads, with SMARTS's public export column names where a column means
// the same thing (the facility file's WDID, FACILITY_NAME, OPERATOR_NAME, FACILITY_COUNTY,
// STATUS_CODE_NAME, RECEIVING_WATER_NAME …; the sampling file's headers as they are), so
// tools written for SMARTS's exports read Outfall's. Columns SMARTS has no name for follow
// its style. No contact person's name, e-mail or phone is a column. Quoting is RFC 4180:
// a field with a comma, quote, CR or LF is quoted and its quotes doubled; lines end CRLF.

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet; a leading apostrophe keeps
  // the value as text (OWASP CSV injection), except for plain numbers like -117.68.
  const safe = /^[=+\-@]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLines(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** SMARTS's date-time style: `5/9/2008 0:00:00` (UTC). */
export function smartsDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${date.getUTCHours()}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** SMARTS's STATUS_CODE_NAME words for Outfall's listing statuses. */
export const statusCodeNames: Record<string, string> = {
  active: 'Active',
  terminated: 'Terminated',
  lapsed: 'Lapsed',
  pending: 'Pending',
  'not-covered': 'Not Covered',
};

export const facilityCsvHeader = [
  'WDID',
  'FACILITY_NAME',
  'OPERATOR_NAME',
  'FACILITY_CITY',
  'FACILITY_COUNTY',
  'STATUS_CODE_NAME',
  'STATUS_DATE',
  'RECEIVING_WATER_NAME',
  'PRIMARY_SIC',
  'FILING_TYPES',
  'JURISDICTION',
  'LATITUDE',
  'LONGITUDE',
  'FACILITY_URL',
] as const;

export interface FacilityCsvRow {
  permitId: string | null;
  name: string;
  operator: string;
  city: string;
  county: string;
  status: string;
  statusDate: string | null;
  receivingWater: string;
  sicCodes: string[];
  filingKinds: string[];
  jurisdiction: string;
  latitude: string | null;
  longitude: string | null;
  url: string;
}

export function facilityCsv(rows: readonly FacilityCsvRow[]): string {
  return csvLines(
    facilityCsvHeader,
    rows.map((r) => [
      r.permitId,
      r.name,
      r.operator,
      r.city,
      r.county,
      statusCodeNames[r.status] ?? r.status,
      r.statusDate,
      r.receivingWater,
      r.sicCodes[0] ?? '',
      r.filingKinds.join(' '),
      r.jurisdiction,
      r.latitude,
      r.longitude,
      r.url,
    ]),
  );
}

/** monitoring.sample.txt's header, exactly. */
export const samplingCsvHeader = [
  'WDID',
  'Date/time of sample collection',
  'Monitoring Location Latitude',
  'Monitoring Location Longitude',
  'Parameter',
  'Result',
  'Units',
  'Latitude',
  'Longitude',
  'DateEntered',
] as const;

export interface SamplingCsvRow {
  permitId: string;
  sampledAt: Date;
  locationLatitude: string | null;
  locationLongitude: string | null;
  parameter: string;
  result: string;
  units: string;
  facilityLatitude: string | null;
  facilityLongitude: string | null;
  enteredAt: Date;
}

export function samplingCsv(rows: readonly SamplingCsvRow[]): string {
  return csvLines(
    samplingCsvHeader,
    rows.map((r) => [
      r.permitId,
      smartsDateTime(r.sampledAt),
      r.locationLatitude,
      r.locationLongitude,
      r.parameter,
      r.result,
      r.units,
      r.facilityLatitude,
      r.facilityLongitude,
      smartsDateTime(r.enteredAt),
    ]),
  );
}
