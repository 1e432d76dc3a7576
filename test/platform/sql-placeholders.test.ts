// A statement another library wrote (pg-boss's insert of jobs) made part of Outfall's own
// (db/sql-placeholders.ts): its $n are found outside quoted text only, and each becomes a
// parameter of the whole statement, numbered where it falls; its values travel as values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { embeddedStatement, splitAtPlaceholders, type SqlPiece } from '../../src/db/sql-placeholders.ts';
import type { Database } from '../../src/db/schema.ts';

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) });

describe('the placeholders of a SQL text', () => {
  const cases: { text: string; pieces: SqlPiece[] }[] = [
    { text: 'SELECT 1', pieces: ['SELECT 1'] },
    { text: 'SELECT $1', pieces: ['SELECT ', { placeholder: 1 }] },
    { text: '$1 + $12', pieces: [{ placeholder: 1 }, ' + ', { placeholder: 12 }] },
    { text: "SELECT '$1', $2", pieces: ["SELECT '$1', ", { placeholder: 2 }] },
    { text: 'SELECT "a$1", $3::int', pieces: ['SELECT "a$1", ', { placeholder: 3 }, '::int'] },
    { text: "SELECT 'it''s $1' || $1", pieces: ["SELECT 'it''s $1' || ", { placeholder: 1 }] },
    { text: 'SELECT $ , $x', pieces: ['SELECT $ , $x'] },
  ];
  for (const c of cases) {
    it(`splits ${JSON.stringify(c.text)}`, () => {
      assert.deepEqual(splitAtPlaceholders(c.text), c.pieces);
    });
  }
});

describe('a statement made part of another', () => {
  it('numbers its parameters after those before it, and sends its values as values', () => {
    const embedded = embeddedStatement("INSERT INTO t (a, b) SELECT $2, $1 WHERE 'x$1' <> $2", ['first', "o'brien"]);
    const query = sql`WITH before AS (SELECT ${'outer'}), jobs AS (${embedded}) SELECT ${42}`.compile(db);
    assert.equal(query.sql, "WITH before AS (SELECT $1), jobs AS (INSERT INTO t (a, b) SELECT $2, $3 WHERE 'x$1' <> $4) SELECT $5");
    assert.deepEqual(query.parameters, ['outer', "o'brien", 'first', "o'brien", 42]);
  });

  it('refuses a placeholder without a value', () => {
    assert.throws(() => embeddedStatement('SELECT $1, $2', ['only one']), /\$2 has no value \(1 given\)/);
  });
});
