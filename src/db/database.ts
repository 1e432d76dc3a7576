// Chooses the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
// PGlite under the data directory, reached through its own node-postgres adapter so that
// Kysely and pg-boss share one pg Pool (size 1 for PGlite) with real transactions.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { prepareStatementsOn } from './prepared-statements.ts';
import type { Database } from './schema.ts';

// Dates stay calendar dates (no time zone shift): return DATE columns as 'YYYY-MM-DD'.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint as string (audit seq), never a lossy number.
pg.types.setTypeParser(20, (value: string) => value);

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Embedded only: the directory holding pglite/ (and the lock file). */
  dataDir?: string;
  /** Embedded only: an in-memory database (tests). */
  inMemory?: boolean;
  /** Each connection prepares its statements once (default true; prepared-statements.ts). */
  preparedStatements?: boolean;
  /** Embedded only: start from this dump (tests clone a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    let closing = false;
    // An idle connection the server drops (restart, failover, pg_terminate_backend) makes
    // the pool emit 'error'; unheard, that would crash the process. The pool has already
    // discarded the connection and opens a new one on demand, so it is only reported.
    // pool.end() does not wait for each connection's goodbye, so once closing, say nothing.
    pool.on('error', (error) => {
      if (!closing) console.error(`[database] idle connection lost: ${error.message}`);
    });
    if (options.preparedStatements !== false) pool.on('connect', (client) => prepareStatementsOn(client));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'postgres',
      close: async () => {
        closing = true;
        await db.destroy();
      },
    };
  }
  let release = (): void => {};
  let dataDir = 'memory://';
  if (!options.inMemory) {
    if (!options.dataDir) throw new Error('openDatabase: dataDir is required for the embedded database');
    release = lockDataDir(options.dataDir);
    dataDir = path.join(options.dataDir, 'pglite');
  }
  try {
    const lite = await PGlite.create(dataDir, {
      extensions: { pg_trgm },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const pool = new pg.Pool({ ...createPgConfig(lite), max: 1 } as unknown as pg.PoolConfig);
    if (options.preparedStatements !== false) pool.on('connect', (client) => prepareStatementsOn(client));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await lite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
