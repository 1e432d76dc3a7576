// Which statements a connection prepares once (db/prepared-statements.ts), that it keeps
// their number bounded, and that prepared statements give the same answers on the
// database the tests run on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { prepareStatementsOn, preparedStatementName } from '../../src/db/prepared-statements.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('prepared statements', () => {
  const cases: { text: string; values: unknown; prepared: boolean; why: string }[] = [
    { text: 'select "id" from "users" where "email" = $1', values: ['a@example.test'], prepared: true, why: 'a statement with parameters' },
    { text: 'begin', values: undefined, prepared: false, why: 'no parameters' },
    { text: 'select 1', values: [], prepared: false, why: 'an empty parameter list' },
    { text: 'select * from facility_listings where search_words @> $1', values: [['mill']], prepared: false, why: "the public search's word match" },
    { text: 'select word_similarity($1, name) from facility_listings', values: ['mill'], prepared: false, why: 'trigram similarity' },
    { text: 'select * from facility_listings where $1 <% name', values: ['mill'], prepared: false, why: 'the word similarity operator' },
    { text: 'select * from facilities where name ilike $1', values: ['%mill%'], prepared: false, why: 'a pattern match' },
    { text: `select $1::text as x ${' '.repeat(20_000)}`, values: ['x'], prepared: false, why: 'an overlong text' },
  ];
  for (const c of cases) {
    it(`${c.prepared ? 'prepares' : 'does not prepare'} ${c.why}`, () => {
      const name = preparedStatementName(c.text, c.values);
      assert.equal(name !== null, c.prepared);
      if (name) assert.match(name, /^outfall_[0-9a-f]{24}$/);
    });
  }

  it('names a text the same every time, and two texts apart', () => {
    const a = preparedStatementName('select $1::int', [1]);
    assert.equal(preparedStatementName('select $1::int', [2]), a);
    assert.notEqual(preparedStatementName('select $1::bigint', [1]), a);
  });

  it('names at most the limit of texts on one connection; past it, new texts go unnamed and named ones keep their names', async () => {
    const sent: unknown[] = [];
    const client = {
      query: (...args: unknown[]) => {
        sent.push(args[0]);
        return Promise.resolve({ rows: [] });
      },
    } as unknown as pg.ClientBase;
    prepareStatementsOn(client, 2);
    const run = (text: string) => (client.query as unknown as (text: string, values: unknown[]) => Promise<unknown>)(text, [1]);
    await run('select $1::int as a');
    await run('select $1::int as b');
    await run('select $1::int as c');
    await run('select $1::int as a');
    const names = sent.map((s) => (typeof s === 'string' ? null : (s as { name: string }).name));
    assert.ok(names[0] && names[1] && names[0] !== names[1]);
    assert.equal(names[2], null, 'a third text on a connection limited to two is sent unnamed');
    assert.equal(names[3], names[0]);
  });

  describe('on the database', () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext();
    });
    after(() => t.close());

    it('answers a prepared statement again with new parameters, and after an error in between', async () => {
      const read = (n: number) => t.services.db.selectNoFrom((eb) => eb.val(n).as('n')).executeTakeFirstOrThrow();
      for (const n of [1, 2, 3, 4, 5, 6, 7]) assert.equal(Number((await read(n)).n), n);
      await assert.rejects(t.services.db.selectFrom('users').select('id').where('id', '=', 'not a uuid').execute());
      assert.equal(Number((await read(8)).n), 8);
    });
  });
});
