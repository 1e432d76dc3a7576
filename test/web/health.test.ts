import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/schema.ts';
import { createApp } from '../../src/web/app.tsx';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

describe('GET /healthz', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("answers 200 with the database's kind, state and migrations, without a session or CSRF cookie", async () => {
    const response = await new TestBrowser(t.app).get('/healthz');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /application\/json/);
    const body = (await response.json()) as { status: string; database: { kind: string; state: string; migrations: number } };
    const migrations = (await t.database.rawQuery('SELECT name FROM schema_migrations')).rows;
    assert.ok(migrations.length >= 1);
    assert.deepEqual(body, { status: 'ok', database: { kind: t.database.kind, state: 'up', migrations: migrations.length } });
    assert.deepEqual(response.headers.getSetCookie(), []);
    assert.ok(response.headers.get('content-security-policy'));
  });

  it('answers 503 "degraded" when the database cannot be reached', async () => {
    // Port 1 on the loopback refuses at once: a database that is down.
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const unreachable = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const app = createApp({ ...t.services, db: unreachable }, { databaseKind: 'postgres', jurisdictionName: 'Test' });
      const response = await app.request('/healthz');
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: 'degraded', database: { kind: 'postgres', state: 'down' } });
    } finally {
      await unreachable.destroy();
    }
  });
});
