// A hot query that Kysely builds and compiles once, then sends again with new values.
// Building a query with Kysely's builder and compiling it costs more of the event loop than
// sending it: in the October 1 spike, the session check that every signed-in page runs cost
// a third of all Kysely's time (docs/performance.md). The query is written as any other, with
// `values` standing for what changes from one run to the next; each stands in as a marker
// that must reach the SQL as a parameter ($n), never as text. The SQL is the same for every
// database Outfall runs on (PostgresDialect, on PostgreSQL and PGlite alike), so it is
// compiled once per process, on first use.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MARKER = '\u0000outfall-value:';

export interface PrecompiledQuery<Values, Row> {
  /** Every row the query returns for these values. */
  execute(db: Kysely<Database>, values: Values): Promise<Row[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Kysely<Database>, values: Values): Promise<Row | undefined>;
}

/** Each value's name where the compiled query's parameter is a marker, else the constant itself. */
type Parameter = { value: string } | { constant: unknown };

export function precompiledQuery<Values extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, values: Values) => Compilable<Row>,
): PrecompiledQuery<Values, Row> {
  let compiled: { query: CompiledQuery<Row>; parameters: Parameter[] } | undefined;

  const compile = (db: Kysely<Database>) => {
    const markers = new Proxy({}, { get: (_target, name) => MARKER + String(name) }) as Values;
    const query = build(db, markers).compile();
    if (query.sql.includes(MARKER)) throw new Error(`A precompiled query must send its values as parameters, not as text: ${query.sql}`);
    const parameters = query.parameters.map((p): Parameter => (typeof p === 'string' && p.startsWith(MARKER) ? { value: p.slice(MARKER.length) } : { constant: p }));
    return { query, parameters };
  };

  const execute = async (db: Kysely<Database>, values: Values): Promise<Row[]> => {
    compiled ??= compile(db);
    const parameters = compiled.parameters.map((p) => ('value' in p ? values[p.value] : p.constant));
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters });
    return result.rows;
  };

  return {
    execute,
    executeTakeFirst: async (db, values) => (await execute(db, values))[0],
  };
}
