// `outfall migrate` and `outfall seed --demo`.
import type { Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemoAndPrint } from './demo-loading.ts';

export function registerDataCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply the database migrations that have not been applied yet (serve also does this at start).')
    .action(async () => {
      const config = readConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements });
      try {
        const applied = await migrate(database.db);
        console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('Load data into the configured database (embedded, or PostgreSQL when DATABASE_URL is set).')
    .option('--demo', 'load the demo organization, accounts and facilities, and print the demo sign-ins')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) {
        // Demo data is the only data set so far; say so rather than do nothing.
        program.error('outfall seed: say which data to load: --demo', { exitCode: 2 });
      }
      const runtime = await openRuntime(readConfig());
      try {
        // Install the job queue (no workers): the demo NECs' acceptance e-mails are queued
        // in the outbox and sent once a server runs.
        await runtime.jobs.start({ work: false, services: runtime.services, transport: runtime.transport });
        await seedDemoAndPrint(runtime.services);
      } finally {
        await runtime.close();
      }
    });
}
