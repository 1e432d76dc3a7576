// A hot query that Kysely builds and compiles once, then sends again with new values.
// Building a query with Kysely's builder and compiling it costs more of the event loop than
// sending it: in the October 1 spike, the session check that every signed-in page runs cost
// a third of all Kysely's time (docs/performance.md). The query is written as any other, with
// `values` standing for what changes from one run to the next; each stands in as a marker
// that must reach the SQL as a parameter ($n), never as text. The SQL is the same for every
// database Outfall runs on (PostgresDialect, on PostgreSQL and PGlite alike), so it is
// compiled once per process, on first use.
//
// The builder's own constants (a status 'received', a role 'lrp', a limit) are written into
// the SQL as literals, not sent as parameters. Each connection prepares the statement
// (prepared-statements.ts), and PostgreSQL then plans it once for any values (a generic
// plan) unless that plan looks costlier than planning afresh at every run: with a status
// as a parameter, no generic plan can use an index made for one status (the partial index
// e_authorizations_current, WHERE status = 'received'), so the signature queries were
// planned anew at every run, and planning cost more than running them.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { splitAtPlaceholders } from './sql-placeholders.ts';

const MARKER = '\u0000outfall-value:';

export interface PrecompiledQuery<Values, Row> {
  /** Every row the query returns for these values. */
  execute(db: Kysely<Database>, values: Values): Promise<Row[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Kysely<Database>, values: Values): Promise<Row | undefined>;
}

/** Each value's name where the compiled query's parameter is a marker, else the constant itself. */
type Parameter = { value: string } | { constant: unknown };

// Constants written as literals: numbers, booleans, and strings of characters that need no
// escaping beyond doubled quotes. Anything else (dates, arrays, JSON) stays a parameter.
const LITERAL_TEXT = /^[\w .:@/\-[\]{}]*$/;

function literalOf(constant: unknown): string | undefined {
  if (typeof constant === 'number' && Number.isFinite(constant)) return String(constant);
  if (typeof constant === 'boolean') return String(constant);
  if (typeof constant === 'string' && LITERAL_TEXT.test(constant)) return `'${constant}'`;
  return undefined;
}

/**
 * Writes the constants that have a literal into the SQL and numbers the remaining parameters
 * afresh ($1, $2, … in order). Quoted text ('…' and "…") is copied as it stands.
 */
export function inlineConstants(sqlText: string, parameters: readonly Parameter[]): { sql: string; parameters: Parameter[] } {
  const kept: Parameter[] = [];
  const renumbered = new Map<number, string>();
  parameters.forEach((p, i) => {
    const literal = 'constant' in p ? literalOf(p.constant) : undefined;
    if (literal === undefined) {
      kept.push(p);
      renumbered.set(i + 1, `$${kept.length}`);
    } else {
      renumbered.set(i + 1, literal);
    }
  });
  const out = splitAtPlaceholders(sqlText)
    .map((piece) => (typeof piece === 'string' ? piece : (renumbered.get(piece.placeholder) ?? `$${piece.placeholder}`)))
    .join('');
  return { sql: out, parameters: kept };
}

export function precompiledQuery<Values extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, values: Values) => Compilable<Row>,
): PrecompiledQuery<Values, Row> {
  let compiled: { query: CompiledQuery<Row>; parameters: Parameter[] } | undefined;

  const compile = (db: Kysely<Database>) => {
    const markers = new Proxy({}, { get: (_target, name) => MARKER + String(name) }) as Values;
    const query = build(db, markers).compile();
    if (query.sql.includes(MARKER)) throw new Error(`A precompiled query must send its values as parameters, not as text: ${query.sql}`);
    const marked = query.parameters.map((p): Parameter => (typeof p === 'string' && p.startsWith(MARKER) ? { value: p.slice(MARKER.length) } : { constant: p }));
    const inlined = inlineConstants(query.sql, marked);
    return { query: { ...query, sql: inlined.sql }, parameters: inlined.parameters };
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
