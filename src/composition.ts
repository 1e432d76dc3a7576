// The composition root: opens the database, runs migrations, builds the services and the
// job runner. serve, the CLI commands and the benchmarks all start here.
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createJobRunner, type JobRunner } from './jobs/job-runner.ts';
import { createFileMailTransport, createSmtpMailTransport, type MailTransport } from './mail/mail-transport.ts';
import { systemClock, type Clock, type Services } from './use-cases/services.ts';

export interface Runtime {
  services: Services;
  database: DatabaseHandle;
  jobs: JobRunner;
  transport: MailTransport;
  /** Migration files applied by this start (empty when the database was up to date). */
  appliedMigrations: string[];
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: { clock?: Clock } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements });
  try {
    const appliedMigrations = await migrate(database.db);
    const jobs = createJobRunner(database.pool);
    const services: Services = { db: database.db, config, clock: options.clock ?? systemClock, jobs };
    const transport = config.smtpUrl ? createSmtpMailTransport(config.smtpUrl) : createFileMailTransport(config.mailDir);
    return {
      services,
      database,
      jobs,
      transport,
      appliedMigrations,
      async close() {
        await jobs.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
