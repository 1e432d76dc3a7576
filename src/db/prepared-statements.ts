// Each connection parses and plans a statement once, not at every request. Kysely and
// pg-boss send every statement unnamed, so PostgreSQL parses, analyses and plans it each
// time: on the embedded database that ran on the event loop and was most of what a
// session check (four per recertification) cost — 1.3 ms, 0.5 ms prepared. A statement
// with parameters is given a name made from its text's hash, which makes node-postgres
// prepare it on that connection the first time and only bind and execute it afterwards.
//
// Left unprepared: statements without parameters (migrations, BEGIN and COMMIT), the
// public search's (their best plan depends on the words typed, which a generic plan
// cannot see), overlong texts, and any text past a connection's limit of names, so that a
// connection's prepared statements stay bounded whatever queries a long run makes.
// OUTFALL_PREPARED_STATEMENTS=false turns it off (a pooler in transaction mode, such as
// PgBouncer before 1.21, cannot keep a connection's prepared statements).
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const PREPARED_STATEMENTS_PER_CONNECTION = 500;
// The decision per text is remembered (the same few hundred texts come back at every
// request); past this many texts, new ones are decided afresh each time.
const REMEMBERED_TEXTS = 2_000;
const namesByText = new Map<string, string | null>();
const LONGEST_PREPARED_TEXT = 16_384;
// The trigram and word matching of the public search (use-cases/public-records/search-facilities.ts).
const PLANNED_EACH_TIME = /search_words|similarity|<%|%>| % |\blike\b|\bilike\b/i;

/** Whether a statement is prepared once per connection (by the rules above), and under which name. */
export function preparedStatementName(text: string, values: unknown): string | null {
  if (!Array.isArray(values) || values.length === 0) return null;
  const remembered = namesByText.get(text);
  if (remembered !== undefined) return remembered;
  const name = text.length > LONGEST_PREPARED_TEXT || PLANNED_EACH_TIME.test(text) ? null : `outfall_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  if (namesByText.size < REMEMBERED_TEXTS) namesByText.set(text, name);
  return name;
}

type QueryArguments = Parameters<pg.ClientBase['query']>;

/** Makes one connection prepare its statements (call it from the pool's 'connect' event). */
export function prepareStatementsOn(client: pg.ClientBase, limit = PREPARED_STATEMENTS_PER_CONNECTION): void {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: QueryArguments) => {
    const [text, values, callback] = args as unknown[];
    if (typeof text !== 'string') return query(...args);
    const name = preparedStatementName(text, values);
    if (name === null || (!named.has(name) && named.size >= limit)) return query(...args);
    named.add(name);
    const config = { name, text, values: values as unknown[] };
    return callback === undefined ? query(config) : query(config, callback);
  };
}
