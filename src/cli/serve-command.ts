// `outfall serve`: migrations, demo data on an empty embedded database, the job worker,
// the HTTP server. Stops cleanly on SIGINT/SIGTERM (giving back the data-dir lock).
import os from 'node:os';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { readConfig } from '../config.ts';
import { defaultHashConcurrency } from '../use-cases/accounts/hashing-priority.ts';
import { limitConcurrentHashes, useHashingThreads } from '../use-cases/accounts/secret-hashing.ts';
import type { HashingThreads } from '../use-cases/accounts/hashing-threads.ts';
import { openRuntime } from '../composition.ts';
import { createApp } from '../web/app.tsx';
import { loadDemoDataIfEmpty } from './demo-loading.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the web application (PORT, default 3000). Embedded database under OUTFALL_DATA_DIR unless DATABASE_URL is set.')
    .action(async () => {
      const config = readConfig();
      limitConcurrentHashes(config.hashConcurrency ?? defaultHashConcurrency({ cores: os.availableParallelism(), hashingYields: false }));
      const runtime = await openRuntime(config);
      await runtime.jobs.start({ work: true, services: runtime.services, transport: runtime.transport });
      if (!config.databaseUrl) await loadDemoDataIfEmpty(runtime);
      const jurisdiction = await runtime.services.db.selectFrom('jurisdictions').select('name').orderBy('id', 'desc').executeTakeFirst();
      const app = createApp(runtime.services, {
        databaseKind: runtime.database.kind,
        jurisdictionName: process.env.OUTFALL_JURISDICTION_NAME ?? jurisdiction?.name ?? 'Stormwater permits',
      });
      const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
        console.log(`Outfall is serving http://localhost:${info.port} (${runtime.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
        // Once serving (start-up is not delayed): argon2 on threads of its own, one per core
        // when they can run at a lower priority (Linux), else one per core but one.
        const yields = process.platform === 'linux' && config.hashNice > 0;
        const count = config.hashConcurrency ?? defaultHashConcurrency({ cores: os.availableParallelism(), hashingYields: yields });
        useHashingThreads({ count, nice: config.hashNice }).then(
          (threads) => {
            hashing = threads;
            if (yields && !threads.state().lowered) console.log('[serve] argon2 runs at normal priority (its threads could not lower their own)');
            if (stopping) void threads.close();
          },
          (error: unknown) => console.log(`[serve] argon2 runs on libuv's thread pool (no hashing thread started: ${error instanceof Error ? error.message : String(error)})`),
        );
      });
      let hashing: HashingThreads | undefined;
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        server.close();
        await hashing?.close();
        await runtime.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
