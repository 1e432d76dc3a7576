// A PostgreSQL server that drops an idle connection (restart, failover, a DROP DATABASE
// WITH (FORCE) right after close) must not crash the process: the pool reports the loss
// and opens a new connection on the next query.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const onPostgres = Boolean(process.env.OUTFALL_TEST_DATABASE_URL);

describe('losing an idle database connection', { skip: onPostgres ? false : 'runs on PostgreSQL (OUTFALL_TEST_DATABASE_URL)' }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it('is reported, not thrown, and the next query opens a new connection', async () => {
    const { rows } = await database.rawQuery('SELECT pg_backend_pid() AS pid');
    const idlePid = rows[0].pid as number;
    const logged: string[] = [];
    const original = console.error;
    console.error = (message: string) => void logged.push(message);
    try {
      // Terminate the pool's now-idle connection from outside, as a server restart would.
      const outsider = new pg.Client({ connectionString: process.env.OUTFALL_TEST_DATABASE_URL });
      await outsider.connect();
      await outsider.query('SELECT pg_terminate_backend($1)', [idlePid]);
      await outsider.end();
      for (let i = 0; i < 50 && logged.length === 0; i++) await sleep(20);
    } finally {
      console.error = original;
    }
    assert.match(logged.join('\n'), /idle connection lost/);
    const again = await database.db.selectFrom('jurisdictions').select('id').limit(1).execute();
    assert.ok(Array.isArray(again));
  });
});
