// Readers for the values of SMARTS's tab-delimited exports. SMARTS writes Oracle values as
// text: ids and ZIP codes as decimals ("214848.00", "92691.00"), dates two ways
// ("5/9/2008 0:00:00" and "26-AUG-15 02.29.27.567000 PM"), a blank as " ". Each reader
// returns the value or a reason; the row reader prefixes the reason with the column's name.

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): FieldResult<T> => ({ ok: false, reason });

/** SMARTS pads values with spaces and writes " " for nothing. */
export function cleanText(raw: string | undefined): string {
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

/** An id written as an Oracle NUMBER: "214848.00" → "214848". */
export function parseWholeNumber(raw: string): FieldResult<string> {
  const text = cleanText(raw);
  const match = /^(\d+)(?:\.0*)?$/.exec(text);
  if (!match) return fail(`"${text}" is not a whole number`);
  return ok(match[1]!.replace(/^0+(?=\d)/, ''));
}

/** REGION "9.00" → "9"; a region with letters ("5S") as written. */
export function parseCode(raw: string): string {
  const text = cleanText(raw);
  const whole = parseWholeNumber(text);
  return whole.ok ? whole.value : text;
}

/** A ZIP code stored as a number: "92691.00" → "92691", "2134.00" → "02134" (leading zero lost). */
export function parseZip(raw: string): FieldResult<string> {
  const text = cleanText(raw);
  if (text === '') return ok('');
  const numeric = /^(\d{1,5})(?:\.0*)?$/.exec(text);
  if (numeric) return ok(numeric[1]!.padStart(5, '0'));
  if (/^\d{5}(-?\d{4})?$/.test(text)) return ok(text.length === 9 ? `${text.slice(0, 5)}-${text.slice(5)}` : text);
  return fail(`"${text}" is not a ZIP code`);
}

/** A wall-clock date and time with no zone, as SMARTS writes it. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS */
  time: string;
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const pad = (n: number) => String(n).padStart(2, '0');

function buildDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): LocalDateTime | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, time: `${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/** "5/9/2008 0:00:00", "8/14/2017 12:48:38", "5/9/2008", or "26-AUG-15 02.29.27.567000 PM"; blank → null. */
export function parseSmartsDateTime(raw: string): FieldResult<LocalDateTime | null> {
  const text = cleanText(raw);
  if (text === '') return ok(null);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i.exec(text);
  if (us) {
    let hour = Number(us[4] ?? 0);
    if (us[7]) hour = (hour % 12) + (us[7].toUpperCase() === 'PM' ? 12 : 0);
    const value = buildDateTime(Number(us[3]), Number(us[1]), Number(us[2]), hour, Number(us[5] ?? 0), Number(us[6] ?? 0));
    return value ? ok(value) : fail(`"${text}" is not a real date`);
  }
  // Oracle's default TIMESTAMP format, DD-MON-RR HH.MI.SS.FF AM. RR: 00–49 is 20xx, 50–99 19xx.
  const oracle = /^(\d{1,2})-([A-Z]{3})-(\d{2}|\d{4})(?: (\d{1,2})\.(\d{2})\.(\d{2})(?:\.\d+)? ?([AP]M)?)?$/i.exec(text);
  if (oracle) {
    const month = monthNames.indexOf(oracle[2]!.toUpperCase()) + 1;
    const shortYear = Number(oracle[3]);
    const year = oracle[3]!.length === 4 ? shortYear : shortYear < 50 ? 2000 + shortYear : 1900 + shortYear;
    let hour = Number(oracle[4] ?? 0);
    if (oracle[7]) hour = (hour % 12) + (oracle[7].toUpperCase() === 'PM' ? 12 : 0);
    const value = month > 0 ? buildDateTime(year, month, Number(oracle[1]), hour, Number(oracle[5] ?? 0), Number(oracle[6] ?? 0)) : null;
    return value ? ok(value) : fail(`"${text}" is not a real date`);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text);
  if (iso) {
    const value = buildDateTime(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0));
    return value ? ok(value) : fail(`"${text}" is not a real date`);
  }
  return fail(`"${text}" is not a date (expected e.g. 5/9/2008 0:00:00)`);
}

/**
 * SMARTS writes wall-clock times with no zone. They are stored as that wall clock in UTC, so
 * every reader (the chart, the CSV in SMARTS's own `5/9/2008 0:00:00` style) shows exactly
 * the time SMARTS showed, and a date-only sample never moves to the day before.
 */
export function wallClockAsUtc(local: LocalDateTime): Date {
  return new Date(`${local.date}T${local.time}Z`);
}

export type PlaceSizeUnit = 'acres' | 'square-feet' | 'hectares';
export interface PlaceSize {
  value: number;
  /** The unit as the source gave it, in Outfall's words; null when the source named none. */
  unit: PlaceSizeUnit | null;
  /** Normalized to acres (null when the unit is unknown). */
  acres: number | null;
}

const SQUARE_FEET_PER_ACRE = 43_560;
const ACRES_PER_HECTARE = 2.471_053_8;
const unitWords: Record<string, PlaceSizeUnit> = {
  ACRES: 'acres', ACRE: 'acres', AC: 'acres',
  SQFT: 'square-feet', 'SQ FT': 'square-feet', 'SQUARE FEET': 'square-feet', 'SQ. FT.': 'square-feet', SF: 'square-feet',
  HECTARES: 'hectares', HECTARE: 'hectares', HA: 'hectares',
};

/** PLACE_SIZE + PLACE_SIZE_UNIT; blank size → null. */
export function parsePlaceSize(rawSize: string, rawUnit: string): FieldResult<PlaceSize | null> {
  const sizeText = cleanText(rawSize);
  const unitText = cleanText(rawUnit).toUpperCase();
  if (sizeText === '') return ok(null);
  const value = Number(sizeText);
  if (!Number.isFinite(value) || value < 0 || !/^[\d.eE+-]+$/.test(sizeText)) return fail(`"${sizeText}" is not a size`);
  if (unitText === '') return ok({ value, unit: null, acres: null });
  const unit = unitWords[unitText];
  if (!unit) return fail(`unknown unit "${cleanText(rawUnit)}" (expected Acres or SqFt)`);
  const acres = unit === 'acres' ? value : unit === 'square-feet' ? value / SQUARE_FEET_PER_ACRE : value * ACRES_PER_HECTARE;
  return ok({ value, unit, acres: Math.round(acres * 10_000) / 10_000 });
}

export interface SicCode {
  code: string;
  description: string;
}

/** "4151-School Buses" → { code: "4151", description: "School Buses" }; blank → null. */
export function parseSic(raw: string): FieldResult<SicCode | null> {
  const text = cleanText(raw);
  if (text === '') return ok(null);
  const match = /^(\d{2,4})(?:\.0*)?\s*(?:-\s*(.*))?$/.exec(text);
  if (!match) return fail(`"${text}" is not an SIC code (expected e.g. 4151-School Buses)`);
  return ok({ code: match[1]!.padStart(4, '0'), description: (match[2] ?? '').trim() });
}

/** A measured value: "39.00", "5.0e-03", "-1.2". Kept as written (numeric holds it exactly). */
export function parseDecimal(raw: string): FieldResult<string> {
  const written = cleanText(raw);
  // Thousands separators ("12,600.00") as a spreadsheet may have added them.
  const text = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(written) ? written.replace(/,/g, '') : written;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return fail(text === '' ? 'is empty' : `"${text}" is not a number`);
  return ok(text);
}

/** A latitude or longitude in degrees, rounded to the six places the tables keep; blank → null. */
export function parseCoordinate(raw: string, limit: 90 | 180): FieldResult<number | null> {
  const text = cleanText(raw);
  if (text === '') return ok(null);
  const value = Number(text);
  if (!Number.isFinite(value) || !/^[+-]?[\d.]+$/.test(text)) return fail(`"${text}" is not a number of degrees`);
  if (Math.abs(value) > limit) return fail(`${text} is outside −${limit} to ${limit} degrees`);
  return ok(Math.round(value * 1e6) / 1e6);
}

/** "Y"/"N" indicators; blank → null. */
export function parseIndicator(raw: string): FieldResult<boolean | null> {
  const text = cleanText(raw).toUpperCase();
  if (text === '') return ok(null);
  if (text === 'Y' || text === 'YES') return ok(true);
  if (text === 'N' || text === 'NO') return ok(false);
  return fail(`"${cleanText(raw)}" is not Y or N`);
}
