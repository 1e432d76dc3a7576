// Where a cold start's time goes: the steps of `outfall serve` timed one by one in a fresh
// process, on the data directory given as argv[2] (run by startup.ts after its runs).
// Prints one JSON line: milliseconds per step, from the process's own start.
import { performance } from 'node:perf_hooks';

const phases: Record<string, number> = {};
let last = 0;
const lap = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - last);
  last = now;
};

// performance.now() counts from the process's start: this first lap is node and tsx booting.
lap('node and tsx start');
const { readConfig } = await import('../src/config.ts');
const { openDatabase } = await import('../src/db/database.ts');
const { migrate } = await import('../src/db/migrate.ts');
lap('load database modules (pg, kysely, PGlite, zod)');
const { createJobRunner } = await import('../src/jobs/job-runner.ts');
const { createFileMailTransport } = await import('../src/mail/mail-transport.ts');
const { createApp } = await import('../src/web/app.tsx');
const { loadDemoDataIfEmpty } = await import('../src/cli/demo-loading.ts');
const { serve } = await import('@hono/node-server');
lap('load web, job and mail modules (hono, pg-boss, nodemailer)');

const config = readConfig({ ...process.env, OUTFALL_DATA_DIR: process.argv[2] ?? './data' });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
lap('open the database');
await migrate(database.db);
lap('check migrations');
const jobs = createJobRunner(database.pool);
const services = { db: database.db, config, clock: { now: () => new Date() }, jobs };
const log = console.log;
console.log = () => {};
await loadDemoDataIfEmpty({ services });
console.log = log;
lap('check demo data');
const app = createApp(services, { databaseKind: database.kind, jurisdictionName: 'Benchmark' });
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0 }, () => resolve(s));
});
lap('listen');
await jobs.start({ work: true, services, transport: createFileMailTransport(config.mailDir) });
lap('start pg-boss');
server.close();
await jobs.stop();
await database.close();
console.log(JSON.stringify(phases));
