// `outfall audit verify`: walks the audit chain; exit 0 when whole, 1 naming the first
// broken row.
import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail.');
  audit
    .command('verify')
    .description('Recompute every audit row\'s hash along the chain; exit 1 and name the first broken row if any.')
    .action(async () => {
      const config = readConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements });
      try {
        await migrate(database.db);
        const verdict = await verifyAuditChain({ db: database.db });
        if (verdict.ok) {
          console.log(`Audit trail intact: ${verdict.rows} rows verified, last hash ${verdict.lastHash}.`);
        } else {
          console.error(`Audit trail BROKEN at row ${verdict.brokenSeq}: ${verdict.reason}. ${verdict.rows} rows before it verified.`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
}
