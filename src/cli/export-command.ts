// `outfall export --jurisdiction J --format csv|json DIR`: everything public of a
// jurisdiction as four files in DIR: facilities, permits, sampling-results, documents.
// CSV columns carry SMARTS's public export names; JSON holds the same records under
// Outfall's field names. Exit 2 on a bad option or an unknown jurisdiction.
import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { facilityCsv, samplingCsv } from '../domain/public-records/public-csv.ts';
import { documentCsv, permitCsv } from '../domain/public-records/public-export-columns.ts';
import { exportJurisdiction, type JurisdictionExport } from '../use-cases/exports/export-jurisdiction.ts';

type ExportFormat = 'csv' | 'json';

function parseFormat(value: string): ExportFormat {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('Use csv or json.');
  return value;
}

function filesOf(data: JurisdictionExport, format: ExportFormat): Record<string, string> {
  if (format === 'csv') {
    return {
      'facilities.csv': facilityCsv(data.facilities),
      'permits.csv': permitCsv(data.permits),
      'sampling-results.csv': samplingCsv(data.samplingResults),
      'documents.csv': documentCsv(data.documents),
    };
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'facilities.json': json(data.facilities),
    'permits.json': json(data.permits),
    'sampling-results.json': json(data.samplingResults),
    'documents.json': json(data.documents),
  };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Write everything public of a jurisdiction into DIR: facilities, permits, sampling results and the hashes of the copies of record ' +
        '(no contact person\'s name, e-mail or phone). CSV uses the column names of SMARTS\'s public exports.',
    )
    .requiredOption('--jurisdiction <id>', 'the jurisdiction to export, e.g. california')
    .option('--format <format>', 'csv or json', parseFormat, 'csv' as ExportFormat)
    .argument('<dir>', 'the directory to write into (created if missing)')
    .action(async (dir: string, options: { jurisdiction: string; format: ExportFormat }) => {
      const runtime = await openRuntime(readConfig());
      let data: JurisdictionExport;
      try {
        data = await exportJurisdiction(runtime.services, { jurisdictionId: options.jurisdiction });
      } catch (error) {
        if (error instanceof AppError && error.code === 'not-found') {
          console.error(`outfall: --jurisdiction: ${error.message}`);
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        await runtime.close();
      }
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, content] of Object.entries(filesOf(data, options.format))) fs.writeFileSync(path.join(dir, name), content);
      console.log(
        `Exported ${data.facilities.length} facilities, ${data.permits.length} permits, ${data.samplingResults.length} sampling results ` +
          `and ${data.documents.length} documents of ${options.jurisdiction} to ${dir}`,
      );
    });
}
