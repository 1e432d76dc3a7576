// `npm run bench -- search`: the public search through the real HTTP API. Generates
// 100,000 facilities on a fresh embedded database (1,000,000 on PostgreSQL when
// DATABASE_URL is set: a throwaway database created beside it and dropped afterwards)
// straight into organizations, facilities and facility_listings with INSERT … SELECT
// generate_series, prints rows per second loaded, then serves the app in this process
// (@hono/node-server) and measures p50/p95 of GET /api/v1/facilities for typo'd names,
// exact permit IDs and a county filter, one request at a time, over keep-alive. Then the
// time to import SMARTS's sample with `outfall import smarts-nois`. Last line:
// `search: name p95 X ms, permitId p95 Y ms, rows N`. Goals on PostgreSQL: permit ID p95
// under 5 ms, name p95 under 50 ms.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import pg from 'pg';
import { readConfig } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemClock, type Services } from '../src/use-cases/services.ts';
import { createApp } from '../src/web/app.tsx';
import { generateFacilities, samplePermitIds, sampleTypoNames, benchCounties } from './search-data.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUESTS = 300;
const WARM_UP = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(baseUrl: string, label: string, queries: string[]): Promise<{ p50: number; p95: number; hits: number }> {
  const agent = { keepalive: true } as const;
  for (const q of queries.slice(0, WARM_UP)) await (await fetch(`${baseUrl}/api/v1/facilities?${q}`, agent)).arrayBuffer();
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/facilities?${q}`, agent);
    const body = (await response.json()) as { total: number };
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${label}: ${response.status} for ${q}: ${JSON.stringify(body)}`);
    if (body.total > 0) hits += 1;
  }
  times.sort((a, b) => a - b);
  const result = { p50: percentile(times, 50), p95: percentile(times, 95), hits };
  console.log(`${label}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, found ${hits}/${queries.length} (${queries.length} requests)`);
  return result;
}

async function createBenchDatabase(): Promise<{ handle: DatabaseHandle; databaseUrl?: string; dataDir?: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `outfall_bench_search_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString() });
    return {
      handle,
      databaseUrl: url.toString(),
      async drop() {
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-bench-search-'));
  const handle = await openDatabase({ dataDir });
  return { handle, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

function timeSmartsImport(env: Record<string, string>): string {
  const sample = path.resolve(root, '../shared/data/smarts/industrial-nois.sample.txt');
  if (!fs.existsSync(path.join(root, 'src/cli/import-commands.ts'))) return 'smarts import: skipped (no `outfall import smarts-nois` command)';
  if (!fs.existsSync(sample)) return `smarts import: skipped (no sample at ${sample})`;
  const run = () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['bin/outfall.js', 'import', 'smarts-nois', sample], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = performance.now() - started;
    const summary = result.stdout.trim().split('\n').pop() ?? '';
    return { ms, summary, status: result.status };
  };
  const first = run();
  const second = run();
  return `smarts import (${path.basename(sample)}, whole command incl. start): first ${Math.round(first.ms)} ms "${first.summary}" exit ${first.status}; again ${Math.round(second.ms)} ms "${second.summary}" exit ${second.status}`;
}

export async function runSearchBenchmark(): Promise<void> {
  const isPostgres = Boolean(process.env.DATABASE_URL);
  const rows = isPostgres ? 1_000_000 : 100_000;
  const bench = await createBenchDatabase();
  const { handle } = bench;
  let server: ReturnType<typeof serve> | undefined;
  try {
    await migrate(handle.db);
    console.log(`search benchmark on ${isPostgres ? 'PostgreSQL' : 'the embedded database (PGlite)'}: ${rows.toLocaleString('en-US')} facilities (${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)})`);

    const loaded = await generateFacilities(handle.db, rows);
    console.log(
      `load: ${loaded.rows.toLocaleString('en-US')} facilities (+ listings, ${loaded.organizations.toLocaleString('en-US')} organizations) in ${(loaded.ms / 1000).toFixed(1)} s = ${Math.round(loaded.rows / (loaded.ms / 1000)).toLocaleString('en-US')} facilities/s (each a facility row and a listing row); then the GIN indexes and ANALYZE ${(loaded.indexMs / 1000).toFixed(1)} s`,
    );

    const config = readConfig({ ...process.env, DATABASE_URL: bench.databaseUrl ?? '', OUTFALL_DATA_DIR: bench.dataDir ?? os.tmpdir(), PUBLIC_API_RATE_LIMIT: '100000000', OUTFALL_DEMO: 'false' });
    const services: Services = { db: handle.db, config, clock: systemClock, jobs: { enqueueMailDeliveries: async () => {}, jobsInsert: async () => sql`SELECT 1` } };
    const app = createApp(services, { databaseKind: handle.kind, jurisdictionName: 'Benchmark' });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    const baseUrl = `http://127.0.0.1:${port}`;

    const names = await sampleTypoNames(handle.db, REQUESTS + WARM_UP);
    const permits = await samplePermitIds(handle.db, REQUESTS + WARM_UP);
    const name = await measure(baseUrl, 'name search (one typo, q=…)', names.map((n) => `q=${encodeURIComponent(n)}`));
    const permit = await measure(baseUrl, 'permit ID lookup (permitId=…)', permits.map((p) => `permitId=${encodeURIComponent(p)}`));
    await measure(
      baseUrl,
      'county filter (county=…&status=active, page 1–5)',
      Array.from({ length: REQUESTS + WARM_UP }, (_, i) => `county=${encodeURIComponent(benchCounties[i % benchCounties.length]!)}&status=active&page=${1 + (i % 5)}`),
    );
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ANALYZE SELECT count(*) FROM facility_listings WHERE permit_id = ${permits[0]!}`.execute(handle.db);
    console.log(`permit ID count plan: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' | ')}`);

    server?.close();
    server = undefined;
    if (isPostgres) console.log(timeSmartsImport({ DATABASE_URL: bench.databaseUrl! }));
    else {
      await handle.close();
      console.log(timeSmartsImport({ DATABASE_URL: '', OUTFALL_DATA_DIR: bench.dataDir! }));
    }
    console.log(`search: name p95 ${name.p95.toFixed(1)} ms, permitId p95 ${permit.p95.toFixed(1)} ms, rows ${loaded.rows}`);
  } finally {
    server?.close();
    await handle.close().catch(() => {});
    await bench.drop();
  }
}
