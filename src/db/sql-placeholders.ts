// The $n placeholders of a SQL text, outside its quoted text ('…' and "…"), for the two
// places Outfall rewrites a statement it did not write by hand: precompiled queries write
// their constants in as literals (precompiled-query.ts), and a statement another library
// wrote (pg-boss's insert of jobs) is made part of one of Outfall's own (embeddedStatement).
import { sql, type RawBuilder } from 'kysely';

/** Text as it stands, or the number n of a placeholder $n. */
export type SqlPiece = string | { placeholder: number };

export function splitAtPlaceholders(sqlText: string): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  let text = '';
  let i = 0;
  while (i < sqlText.length) {
    const c = sqlText[i]!;
    if (c === "'" || c === '"') {
      const end = sqlText.indexOf(c, i + 1);
      const stop = end < 0 ? sqlText.length : end + 1;
      text += sqlText.slice(i, stop);
      i = stop;
    } else if (c === '$' && /\d/.test(sqlText[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sqlText.length && /\d/.test(sqlText[j]!)) j++;
      if (text) pieces.push(text);
      text = '';
      pieces.push({ placeholder: Number(sqlText.slice(i + 1, j)) });
      i = j;
    } else {
      text += c;
      i++;
    }
  }
  if (text) pieces.push(text);
  return pieces;
}

/**
 * A statement with its own parameters ($1 … and the values for them), as a part of a Kysely
 * statement: each $n becomes a parameter of the whole, numbered where it falls.
 */
export function embeddedStatement(sqlText: string, values: readonly unknown[]): RawBuilder<unknown> {
  const parts = splitAtPlaceholders(sqlText).map((piece) => {
    if (typeof piece === 'string') return sql.raw(piece);
    if (piece.placeholder < 1 || piece.placeholder > values.length) throw new Error(`$${piece.placeholder} has no value (${values.length} given)`);
    return sql.val(values[piece.placeholder - 1]);
  });
  return sql.join(parts, sql.raw(''));
}
