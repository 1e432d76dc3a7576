// A throwaway, migrated database per test file. On PGlite (the default) it is cloned from a
// migrated template cached under .test-data/ (keyed by the migrations' content) so each file
// pays ~1 s, not a full initdb. With OUTFALL_TEST_DATABASE_URL set (CI does), each file gets
// its own fresh PostgreSQL database, dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { migrate, migrationsDir } from '../../src/db/migrate.ts';
import { sha256Hex } from '../../src/domain/canonical-json.ts';

const cacheDir = path.resolve('.test-data');

function migrationsKey(): string {
  const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
  return sha256Hex(files.map((f) => f + fs.readFileSync(path.join(migrationsDir, f), 'utf8')).join('\n')).slice(0, 16);
}

async function templateDump(): Promise<Blob> {
  const file = path.join(cacheDir, `template-${migrationsKey()}.tar.gz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const fresh = await createMigratedLite();
    const dump = await fresh.dumpDataDir('gzip');
    await fresh.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }
  return new Blob([fs.readFileSync(file)]);
}

async function createMigratedLite(): Promise<PGlite> {
  const lite = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pool = new pg.Pool({ ...createPgConfig(lite), max: 1 } as unknown as pg.PoolConfig);
  const { Kysely, PostgresDialect } = await import('kysely');
  const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db as never);
  await db.destroy();
  return lite;
}

export interface TestDatabase extends DatabaseHandle {
  /** Runs raw SQL as the database owner (tests that tamper on purpose). */
  rawQuery(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

/** `migrated: false` gives an empty database (a test that applies migrations itself). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const adminUrl = process.env.OUTFALL_TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `outfall_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString() });
    if (migrated) await migrate(handle.db);
    return {
      ...handle,
      rawQuery: (text, values) => handle.pool.query(text, values as unknown[]),
      async close() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const handle = await openDatabase({ inMemory: true, ...(migrated ? { loadDataDir: await templateDump() } : {}) });
  return { ...handle, rawQuery: (text, values) => handle.pool.query(text, values as unknown[]) };
}
