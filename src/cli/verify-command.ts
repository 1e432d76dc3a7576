// `outfall verify FILE`: is this copy of record (PDF or JSON) authentic and unaltered?
// Exit 0 authentic, 1 not authentic, 2 unreadable.
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { verifyCopyOfRecord } from '../use-cases/copies-of-record/verify-copy-of-record.ts';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Check that a copy of record (PDF or JSON) is authentic and unaltered; exit 0 authentic, 1 not, 2 unreadable.')
    .argument('<file>', 'the copy of record: a .pdf or .json file')
    .action(async (file: string) => {
      let content: Buffer;
      try {
        content = await fs.readFile(file);
      } catch (error) {
        console.error(`outfall: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
        process.exitCode = 2;
        return;
      }
      const config = readConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements });
      try {
        await migrate(database.db);
        const verdict = await verifyCopyOfRecord({ db: database.db }, { content });
        if (verdict.outcome === 'authentic') {
          const s = verdict.submission;
          console.log(
            [
              `AUTHENTIC: ${file} is an unaltered copy of record (${verdict.format.toUpperCase()}).`,
              `  What:          ${s.kindLabel}`,
              `  Facility:      ${s.facilityName}`,
              `  Organization:  ${s.organizationName}`,
              `  Signed by:     ${s.signerName}`,
              `  Signed at:     ${s.signedAt.toISOString()}`,
              `  Submission ID: ${s.id}`,
              `  SHA-256:       ${s.sha256}`,
            ].join('\n'),
          );
        } else if (verdict.outcome === 'not-authentic') {
          console.error(`NOT AUTHENTIC: ${file}: ${verdict.reason} (SHA-256 ${verdict.sha256})`);
          process.exitCode = 1;
        } else {
          console.error(`UNREADABLE: ${file}: ${verdict.reason}`);
          process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
    });
}
