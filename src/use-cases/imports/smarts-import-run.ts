// What both SMARTS imports share: read the file, refuse one that is not the expected export
// (wrong header), then read and store each row in its own transaction, so a bad row fails
// alone and never leaves half a record; count imported / updated / unchanged / failed; and
// record one audit event for the run.
import { createHash } from 'node:crypto';
import { validationError } from '../../domain/errors.ts';
import type { RowReading } from '../../domain/smarts/smarts-noi-row.ts';
import {
  decodeSmartsFile, missingColumns, NotASmartsExportError, readSmartsTable, toFieldRecord, type SmartsRecord,
} from '../../domain/smarts/smarts-tab-file.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor, Services, Tx } from '../services.ts';

export type RowOutcome = 'imported' | 'updated' | 'unchanged';

export interface ImportFailure {
  line: number;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: ImportFailure[];
}

export interface SmartsImportOptions {
  actor: Actor;
  /** The jurisdiction the records belong to (california unless told). */
  jurisdictionId?: string;
  fileName: string;
  content: Uint8Array;
  /** Called after each row (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** A row that reads well but cannot be stored (e.g. no facility with its WDID). */
export class RowRefusal extends Error {}

export const DEFAULT_IMPORT_JURISDICTION = 'california';

/** The summary line of the contract. */
export function formatImportSummary(summary: ImportSummary): string {
  return `imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed}`;
}

export async function runSmartsImport<Row>(
  services: Services,
  options: SmartsImportOptions,
  how: {
    source: string;
    exportName: string;
    requiredColumns: readonly string[];
    readRow: (fields: ReadonlyMap<string, string>) => RowReading<Row>;
    /** Runs before the rows are stored, over every row that reads well (e.g. to number duplicates). */
    prepare?: (rows: { record: SmartsRecord; row: Row }[]) => void;
    storeRow: (tx: Tx, row: Row, context: { jurisdictionId: string; now: Date }) => Promise<RowOutcome>;
  },
): Promise<ImportSummary> {
  const jurisdictionId = options.jurisdictionId ?? DEFAULT_IMPORT_JURISDICTION;
  const jurisdiction = await services.db.selectFrom('jurisdictions').select('id').where('id', '=', jurisdictionId).executeTakeFirst();
  if (!jurisdiction) throw validationError([{ path: 'jurisdiction', message: `There is no jurisdiction "${jurisdictionId}"` }]);

  const table = readSmartsTable(decodeSmartsFile(options.content));
  const missing = missingColumns(table.header, how.requiredColumns);
  if (table.header.length === 0 || missing.length > 0) {
    throw new NotASmartsExportError(
      `${options.fileName} is not a SMARTS ${how.exportName} export: its first line lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
    );
  }

  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, failed: 0, failures: [] };
  const fail = (line: number, reason: string) => {
    summary.failed += 1;
    summary.failures.push({ line, reason });
  };
  const readable: { record: SmartsRecord; row: Row }[] = [];
  for (const record of table.records) {
    const fields = toFieldRecord(table.header, record);
    if ('reason' in fields) {
      fail(record.line, fields.reason);
      continue;
    }
    const reading = how.readRow(fields.fields);
    if (reading.ok) readable.push({ record, row: reading.row });
    else fail(record.line, reading.reasons.join('; '));
  }
  how.prepare?.(readable);

  const total = table.records.length;
  let done = summary.failed;
  for (const { record, row } of readable) {
    try {
      const outcome = await services.db.transaction().execute((tx) => how.storeRow(tx, row, { jurisdictionId, now: services.clock.now() }));
      summary[outcome] += 1;
    } catch (error) {
      fail(record.line, error instanceof Error ? error.message : String(error));
    }
    done += 1;
    options.onProgress?.(done, total);
  }
  summary.failures.sort((a, b) => a.line - b.line);

  await services.db.transaction().execute(async (tx) => {
    const sha256 = createHash('sha256').update(options.content).digest('hex');
    await recordAuditEvent(tx, services.clock, {
      type: 'import.completed',
      data: {
        source: how.source, fileName: options.fileName, sha256,
        imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed,
      },
      actor: options.actor,
      actorRole: 'system',
      jurisdictionId,
      subject: { type: 'import', id: sha256 },
    });
  });
  return summary;
}
