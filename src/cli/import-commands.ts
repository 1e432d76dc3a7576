// `outfall import smarts-nois FILE`, `outfall import smarts-monitoring FILE` (contract:
// ../shared/contracts/public-api.md) and `outfall listings rebuild`. A bad row is one line
// on stderr, `line N: reason`; the last line on stdout is the summary. Exit 0 when every
// row imported, 1 when some failed (or the data directory is in use), 2 when the file cannot
// be read or is not the expected export.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { NotASmartsExportError } from '../domain/smarts/smarts-tab-file.ts';
import { importSmartsMonitoring } from '../use-cases/imports/import-smarts-monitoring.ts';
import { importSmartsNois } from '../use-cases/imports/import-smarts-nois.ts';
import { formatImportSummary, type ImportSummary, type SmartsImportOptions } from '../use-cases/imports/smarts-import-run.ts';
import { refreshAllFacilityListings } from '../use-cases/public-records/refresh-facility-listing.ts';
import { systemActor, type Services } from '../use-cases/services.ts';

type Importer = (services: Services, options: SmartsImportOptions) => Promise<ImportSummary>;

/** A bar on stderr, redrawn in place; only on a terminal, so logs and pipes stay clean. */
function progressBar(stream: NodeJS.WriteStream): { update(done: number, total: number): void; end(): void } {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = -1;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% (${done}/${total} rows)`);
    },
    end() {
      if (last >= 0) stream.write('\n');
    },
  };
}

async function runImport(importer: Importer, file: string, options: { jurisdiction?: string }): Promise<void> {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`outfall: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a directory' : code ? ` (${code})` : ''}`);
    process.exitCode = 2;
    return;
  }
  const runtime = await openRuntime(readConfig());
  const bar = progressBar(process.stderr);
  try {
    const summary = await importer(runtime.services, {
      actor: systemActor,
      jurisdictionId: options.jurisdiction,
      fileName: path.basename(file),
      content,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.end();
    for (const failure of summary.failures) console.error(`line ${failure.line}: ${failure.reason}`);
    console.log(formatImportSummary(summary));
    process.exitCode = summary.failed > 0 ? 1 : 0;
  } catch (error) {
    bar.end();
    if (error instanceof NotASmartsExportError) {
      console.error(`outfall: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof AppError && error.code === 'validation') {
      console.error(`outfall: ${error.fieldErrors.map((f) => `--${f.path}: ${f.message}`).join('; ') || error.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}

export function registerImportCommands(program: Command): void {
  const importCommand = program
    .command('import')
    .description('Bring records over from another system (SMARTS). Each run is audited; running it again on the same file changes nothing.');
  const jurisdictionHelp = 'the jurisdiction the records belong to';
  importCommand
    .command('smarts-nois')
    .description(
      'Import a SMARTS "Industrial Application Specific Data" export (tab-delimited): each row becomes or updates the operator, ' +
        'the facility and its permit (WDID, status, dates). Bad rows go to stderr as "line N: reason"; the last line is ' +
        '"imported N, updated M, unchanged U, failed F". Exit 0, 1 when some rows failed, 2 when the file cannot be read.',
    )
    .argument('<file>', 'the exported .txt file')
    .option('--jurisdiction <id>', jurisdictionHelp, 'california')
    .action((file: string, options: { jurisdiction?: string }) => runImport(importSmartsNois, file, options));
  importCommand
    .command('smarts-monitoring')
    .description(
      'Import a SMARTS sampling-data export (tab-delimited): each result is attached to the facility with its WDID (import the NOIs first). ' +
        'Same summary line and exit codes as smarts-nois.',
    )
    .argument('<file>', 'the exported .txt file')
    .option('--jurisdiction <id>', jurisdictionHelp, 'california')
    .action((file: string, options: { jurisdiction?: string }) => runImport(importSmartsMonitoring, file, options));

  program
    .command('listings')
    .description('The public facility listings that search and the public API read.')
    .command('rebuild')
    .description('Recompute every facility\'s public listing from its filings and imported permits (after an upgrade changes the rule).')
    .action(async () => {
      const runtime = await openRuntime(readConfig());
      try {
        const { refreshed } = await refreshAllFacilityListings(runtime.services.db, { now: runtime.services.clock.now() });
        console.log(`Rebuilt ${refreshed} facility listing(s).`);
      } finally {
        await runtime.close();
      }
    });
}
