// One row of SMARTS's "Industrial Application Specific Data" export (an industrial NOI, a
// "regulatory measure") as Outfall reads it: the permit, its facility and its operator.
// Contact persons' names, titles, phones and e-mails are read only where an organization
// record needs a phone (organizations are not public); they never reach publicData.
import {
  cleanText, wallClockAsUtc, parseCode, parseIndicator, parsePlaceSize, parseSic, parseSmartsDateTime, parseWholeNumber, parseZip,
  type FieldResult, type LocalDateTime, type PlaceSize, type SicCode,
} from './smarts-fields.ts';
import { columnKey } from './smarts-tab-file.ts';

/** Columns without which a file is not an NOI export at all (exit 2, nothing imported). */
export const smartsNoiRequiredColumns = ['REG_MEAS_ID', 'WDID', 'STATUS_CODE_NAME', 'FACILITY_NAME'] as const;

export type ImportedPermitStatus = 'active' | 'terminated';

/** SMARTS's STATUS_CODE_NAME in Outfall's words; anything else is refused, not guessed. */
export const smartsStatusWords: Record<string, ImportedPermitStatus> = { ACTIVE: 'active', TERMINATED: 'terminated' };

export interface SmartsOperator {
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  /** OPERATOR_TYPE as written ("Private Business", "County Agency" …). */
  type: string;
  /** OPERATOR_CONTACT_PHONE (with extension): the organization record needs one; never public. */
  phone: string;
}

export interface SmartsNoiRow {
  sourceId: string;
  permitType: string;
  wdid: string;
  status: ImportedPermitStatus;
  receivedDate: string | null;
  processedDate: string | null;
  terminationDate: string | null;
  statusDate: string | null;
  certifiedAt: Date | null;
  region: string;
  countyCode: string;
  facility: {
    name: string;
    address: string;
    city: string;
    state: string;
    zip: string;
    county: string;
    placeSize: PlaceSize | null;
    receivingWater: string;
    dischargesToUsWater: boolean | null;
    sicCodes: SicCode[];
  };
  operator: SmartsOperator;
}

export type RowReading<T> = { ok: true; row: T } | { ok: false; reasons: string[] };

/** Reads column values by name from a header→value record; collects a reason per bad column. */
export class ColumnReader {
  readonly reasons: string[] = [];
  constructor(private readonly fields: ReadonlyMap<string, string>) {}

  raw(column: string): string {
    return this.fields.get(columnKey(column)) ?? '';
  }

  text(column: string): string {
    return cleanText(this.raw(column));
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === '') this.reasons.push(`${column} is empty`);
    return value;
  }

  read<T>(column: string, result: FieldResult<T>, fallback: T): T {
    if (result.ok) return result.value;
    this.reasons.push(`${column}: ${result.reason}`);
    return fallback;
  }
}

function phoneWithExtension(phone: string, extension: string): string {
  return extension ? `${phone} ext. ${extension}` : phone;
}

export function readSmartsNoiRow(fields: ReadonlyMap<string, string>): RowReading<SmartsNoiRow> {
  const c = new ColumnReader(fields);
  const date = (column: string): string | null => c.read<LocalDateTime | null>(column, parseSmartsDateTime(c.raw(column)), null)?.date ?? null;
  const sourceId = c.read('REG_MEAS_ID', parseWholeNumber(c.raw('REG_MEAS_ID')), '');
  const wdid = c.required('WDID');
  const statusText = c.text('STATUS_CODE_NAME');
  const status = smartsStatusWords[statusText.toUpperCase()];
  if (!status) c.reasons.push(statusText === '' ? 'STATUS_CODE_NAME is empty' : `STATUS_CODE_NAME: unknown status "${statusText}" (expected Active or Terminated)`);
  const certification = c.read('CERTIFICATION_DATE', parseSmartsDateTime(c.raw('CERTIFICATION_DATE')), null);
  const sicCodes: SicCode[] = [];
  for (const column of ['PRIMARY_SIC', 'SECONDARY_SIC', 'TERTIARY_SIC']) {
    const sic = c.read(column, parseSic(c.raw(column)), null);
    if (sic) sicCodes.push(sic);
  }
  const row: SmartsNoiRow = {
    sourceId,
    permitType: c.text('REG_MEAS_TYPE') || 'Industrial',
    wdid,
    status: status ?? 'active',
    receivedDate: date('RECEIVED_DATE'),
    processedDate: date('PROCESSED_DATE'),
    terminationDate: date('TERMINATION_DATE'),
    statusDate: date('STATUS_DATE'),
    certifiedAt: certification ? wallClockAsUtc(certification) : null,
    region: parseCode(c.raw('REGION')),
    countyCode: parseCode(c.raw('COUNTY_CODE')),
    facility: {
      name: c.required('FACILITY_NAME'),
      address: c.text('FACILITY_ADDRESS'),
      city: c.text('FACILITY_CITY'),
      state: c.text('FACILITY_STATE'),
      zip: c.read('FACILITY_ZIP', parseZip(c.raw('FACILITY_ZIP')), ''),
      county: c.text('FACILITY_COUNTY'),
      placeSize: c.read('PLACE_SIZE', parsePlaceSize(c.raw('PLACE_SIZE'), c.raw('PLACE_SIZE_UNIT')), null),
      receivingWater: c.text('RECEIVING_WATER_NAME'),
      dischargesToUsWater: c.read('DIR_DISCHARGE_USWATER_IND', parseIndicator(c.raw('DIR_DISCHARGE_USWATER_IND')), null),
      sicCodes,
    },
    operator: {
      name: c.required('OPERATOR_NAME'),
      address: c.text('OPERATOR_ADDRESS'),
      city: c.text('OPERATOR_CITY'),
      state: c.text('OPERATOR_STATE'),
      zip: c.read('OPERATOR_ZIP', parseZip(c.raw('OPERATOR_ZIP')), ''),
      type: c.text('OPERATOR_TYPE'),
      phone: phoneWithExtension(c.text('OPERATOR_CONTACT_PHONE'), c.text('OPERATOR_CONTACT_PHONE_EXT')),
    },
  };
  return c.reasons.length > 0 ? { ok: false, reasons: c.reasons } : { ok: true, row };
}

/**
 * What the public may see of the row, under SMARTS's own column names: no contact person,
 * title, phone, e-mail or certifier, and no operator phone (it is a contact's).
 */
export function smartsNoiPublicData(row: SmartsNoiRow): Record<string, unknown> {
  const size = row.facility.placeSize;
  return {
    REG_MEAS_ID: row.sourceId,
    REG_MEAS_TYPE: row.permitType,
    WDID: row.wdid,
    STATUS_CODE_NAME: row.status,
    RECEIVED_DATE: row.receivedDate,
    PROCESSED_DATE: row.processedDate,
    TERMINATION_DATE: row.terminationDate,
    STATUS_DATE: row.statusDate,
    CERTIFICATION_DATE: row.certifiedAt ? row.certifiedAt.toISOString() : null,
    REGION: row.region,
    COUNTY_CODE: row.countyCode,
    FACILITY_NAME: row.facility.name,
    FACILITY_ADDRESS: row.facility.address,
    FACILITY_CITY: row.facility.city,
    FACILITY_STATE: row.facility.state,
    FACILITY_ZIP: row.facility.zip,
    FACILITY_COUNTY: row.facility.county,
    PLACE_SIZE: size ? size.value : null,
    PLACE_SIZE_UNIT: size ? size.unit : null,
    PLACE_SIZE_ACRES: size ? size.acres : null,
    RECEIVING_WATER_NAME: row.facility.receivingWater,
    DIR_DISCHARGE_USWATER_IND: row.facility.dischargesToUsWater,
    SIC_CODES: row.facility.sicCodes,
    OPERATOR_NAME: row.operator.name,
    OPERATOR_ADDRESS: row.operator.address,
    OPERATOR_CITY: row.operator.city,
    OPERATOR_STATE: row.operator.state,
    OPERATOR_ZIP: row.operator.zip,
    OPERATOR_TYPE: row.operator.type,
  };
}

/** An operator's name as matched across rows: "Vulcan Material dba Cal Mat Co " ≡ "VULCAN MATERIAL DBA CAL MAT CO". */
export function normalizeOperatorName(name: string): string {
  return cleanText(name).toLowerCase().replace(/[.,]/g, '').replace(/\s+/g, ' ');
}

/** SMARTS's OPERATOR_TYPE in the words of organizations.kind. */
export function organizationKindForOperatorType(type: string): string {
  const t = type.toLowerCase();
  if (t.includes('business')) return 'company';
  if (t.includes('agency')) return 'government-agency';
  if (t.includes('tribal') || t.includes('tribe')) return 'tribe';
  if (t.includes('school')) return 'school-district';
  if (t.includes('special district')) return 'special-district';
  return 'other';
}
