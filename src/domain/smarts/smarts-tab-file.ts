// SMARTS's "tab-delimited" exports: one header line of column names, then one record per
// line; values may be wrapped in double quotes (a quote inside doubled), and a quoted value
// may hold a tab or a line break. Line endings LF or CRLF, with or without a UTF-8 BOM.
// Columns are found by name (case and spacing ignored), so their order and any extra
// columns do not matter.

export interface SmartsRecord {
  /** The file's line on which the record starts (the header is line 1). */
  line: number;
  values: string[];
}

export interface SmartsTable {
  header: string[];
  records: SmartsRecord[];
}

/** Splits the text into records of values; quotes removed, values otherwise as written. */
export function readSmartsTable(text: string): SmartsTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: SmartsRecord[] = [];
  let values: string[] = [];
  let value = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atValueStart = true;
  const endRecord = () => {
    values.push(value);
    if (!(values.length === 1 && values[0]!.trim() === '')) rows.push({ line: recordLine, values });
    values = [];
    value = '';
    atValueStart = true;
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (atValueStart && ch === '"') {
      // A quoted value runs to the next quote that is not doubled.
      i += 1;
      for (;;) {
        if (i >= source.length) break;
        const q = source[i]!;
        if (q === '"') {
          if (source[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n') line += 1;
        value += q;
        i += 1;
      }
      atValueStart = false;
      continue;
    }
    if (ch === '\t') {
      values.push(value);
      value = '';
      atValueStart = true;
      i += 1;
      continue;
    }
    if (ch === '\r' && source[i + 1] === '\n') {
      i += 1;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
      continue;
    }
    value += ch;
    atValueStart = false;
    i += 1;
  }
  if (value !== '' || values.length > 0) endRecord();
  const [first, ...records] = rows;
  return { header: first ? first.values : [], records };
}

/** How a column's name is compared: "Date/time of sample collection" ≡ "DATE/TIME OF SAMPLE COLLECTION". */
export function columnKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toUpperCase();
}

/** The header's column names that are missing from it. */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  const present = new Set(header.map(columnKey));
  return required.filter((name) => !present.has(columnKey(name)));
}

/**
 * The record as column name (key form) → value. A record with more values than the header
 * has columns is refused: a value's tab was not quoted and every later column would be wrong.
 * Missing trailing values are blank (some exports drop them).
 */
export function toFieldRecord(header: readonly string[], record: SmartsRecord): { fields: Map<string, string> } | { reason: string } {
  if (record.values.length > header.length) {
    const extra = record.values.slice(header.length);
    if (extra.some((v) => v.trim() !== '')) {
      return { reason: `has ${record.values.length} values but the header names ${header.length} columns (an unquoted tab?)` };
    }
  }
  const fields = new Map<string, string>();
  header.forEach((name, index) => fields.set(columnKey(name), record.values[index] ?? ''));
  return { fields };
}

/** The file is not an export of the expected kind (or not text at all): nothing is imported. */
export class NotASmartsExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotASmartsExportError';
  }
}

/** UTF-8 as SMARTS writes today; older Windows exports are Windows-1252. */
export function decodeSmartsFile(content: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}
