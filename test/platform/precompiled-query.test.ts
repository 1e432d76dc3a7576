// A precompiled query (db/precompiled-query.ts) sends what a query built afresh would send:
// its values where the builder put them as parameters, its constants written into the SQL
// (so that PostgreSQL can plan it once: a partial index's status must be in the text); a
// value that would reach the SQL as text is refused; and on the database it answers as the
// built query does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { inlineConstants, precompiledQuery } from '../../src/db/precompiled-query.ts';
import type { Database } from '../../src/db/schema.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** A Kysely that records what it would send instead of sending it. */
function recordingDb(): { db: Kysely<Database>; sent: CompiledQuery[] } {
  const sent: CompiledQuery[] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) });
  db.executeQuery = ((query: CompiledQuery) => {
    sent.push(query);
    return Promise.resolve({ rows: [] });
  }) as typeof db.executeQuery;
  return { db, sent };
}

describe('precompiled queries', () => {
  const byEmail = precompiledQuery((db, { email, status }: { email: string; status: string }) =>
    db.selectFrom('users').select(['id']).where('email', '=', email).where('name', '<>', 'constant name').where('email', '<>', status).limit(2),
  );

  const cases: { values: { email: string; status: string }; parameters: unknown[] }[] = [
    { values: { email: 'a@example.test', status: 'x' }, parameters: ['a@example.test', 'x'] },
    { values: { email: "b'o@example.test", status: "'; drop table users" }, parameters: ["b'o@example.test", "'; drop table users"] },
  ];
  for (const c of cases) {
    it(`sends ${JSON.stringify(c.values)} as parameters where the builder put them, constants in the SQL`, async () => {
      const { db, sent } = recordingDb();
      await byEmail.execute(db, c.values);
      assert.deepEqual(sent.at(-1)!.parameters, c.parameters);
      assert.equal(sent.at(-1)!.sql, `select "id" from "users" where "email" = $1 and "name" <> 'constant name' and "email" <> $2 limit 2`);
    });
  }

  // Which constants become literals, and how the parameters left are numbered.
  const inlining: { sql: string; parameters: ({ value: string } | { constant: unknown })[]; expected: { sql: string; parameters: unknown[] } }[] = [
    { sql: 'a = $1 and b = $2', parameters: [{ constant: 'received' }, { value: 'id' }], expected: { sql: `a = 'received' and b = $1`, parameters: [{ value: 'id' }] } },
    { sql: 'a = $1 limit $2', parameters: [{ value: 'id' }, { constant: 10 }], expected: { sql: 'a = $1 limit 10', parameters: [{ value: 'id' }] } },
    { sql: 'a = $1', parameters: [{ constant: true }], expected: { sql: 'a = true', parameters: [] } },
    { sql: 'coalesce(x, $1)', parameters: [{ constant: '[]' }], expected: { sql: `coalesce(x, '[]')`, parameters: [] } },
    { sql: 'a = $1', parameters: [{ constant: "it's" }], expected: { sql: 'a = $1', parameters: [{ constant: "it's" }] } },
    { sql: 'a = $1', parameters: [{ constant: 'back\\slash' }], expected: { sql: 'a = $1', parameters: [{ constant: 'back\\slash' }] } },
    { sql: 'a = $1', parameters: [{ constant: null }], expected: { sql: 'a = $1', parameters: [{ constant: null }] } },
    { sql: 'a = $1', parameters: [{ constant: Number.NaN }], expected: { sql: 'a = $1', parameters: [{ constant: Number.NaN }] } },
    { sql: 'a = $1', parameters: [{ constant: ['x'] }], expected: { sql: 'a = $1', parameters: [{ constant: ['x'] }] } },
    {
      sql: `a = $1 and b = '$2' and "c$3" = $11 and d = $2`,
      parameters: [{ constant: 'x' }, { value: 'v' }, ...Array.from({ length: 8 }, () => ({ constant: 0 })), { value: 'w' }],
      expected: { sql: `a = 'x' and b = '$2' and "c$3" = $2 and d = $1`, parameters: [{ value: 'v' }, { value: 'w' }] },
    },
  ];
  for (const c of inlining) {
    it(`writes ${JSON.stringify(c.parameters.slice(0, 2))} into ${JSON.stringify(c.sql)} as ${JSON.stringify(c.expected.sql)}`, () => {
      assert.deepEqual(inlineConstants(c.sql, c.parameters), c.expected);
    });
  }

  it('sends a value used twice in both places', async () => {
    const twice = precompiledQuery((db, { email }: { email: string }) => db.selectFrom('users').select('id').where('email', '=', email).where('name', '=', email));
    const { db, sent } = recordingDb();
    await twice.execute(db, { email: 'c@example.test' });
    assert.deepEqual(sent.at(-1)!.parameters, ['c@example.test', 'c@example.test']);
  });

  it('refuses a value that would reach the SQL as text', async () => {
    const inlined = precompiledQuery((db, { column }: { column: string }) => db.selectFrom('users').select(sql.ref(column).as('x')));
    const { db } = recordingDb();
    await assert.rejects(() => inlined.execute(db, { column: 'email' }), /as parameters, not as text/);
  });

  describe('on the database', () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext();
    });
    after(() => t.close());

    it('answers as the same query built afresh, run after run', async () => {
      const query = precompiledQuery((db, { a, b }: { a: string; b: number }) => db.selectNoFrom([sql<string>`${a}::text`.as('a'), sql<number>`${b}::int + 1`.as('b')]));
      for (const values of [
        { a: 'one', b: 1 },
        { a: 'two', b: 41 },
      ]) {
        const built = await t.services.db.selectNoFrom([sql<string>`${values.a}::text`.as('a'), sql<number>`${values.b}::int + 1`.as('b')]).executeTakeFirst();
        assert.deepEqual(await query.executeTakeFirst(t.services.db, values), built);
      }
    });
  });
});
