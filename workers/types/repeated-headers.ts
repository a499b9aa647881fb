import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../engine/duckdb';

/** A staged column as the header check reads it: its header name, and its text where a header cell can be. */
export interface HeaderColumn {
  name: string;
  /** SQL of the column's text (a text column, or the values a typed column could not read); null where none can be. */
  text: string | null;
  /** SQL: true where the row has nothing in this column. */
  empty: string;
}

/**
 * Deletes the rows that repeat the header (exports pasted one under another, a report's header on
 * each page) and returns how many there were: a row whose every cell reads as its column's name,
 * in any case, blanks aside. A column that holds no text (numbers the reader parsed) cannot hold a
 * name there, since the name would have been set aside as text: such a row is empty in it. Not
 * looked for when no column can hold text.
 */
export async function dropRepeatedHeaders(
  connection: DuckDBConnection,
  stage: string,
  columns: HeaderColumn[],
): Promise<number> {
  const named = columns.filter((c) => c.text !== null && c.name.trim() !== '');
  if (named.length === 0) return 0;
  const tests = columns.map((c) =>
    c.text === null ? c.empty : `lower(trim(${c.text})) = ${quoteLiteral(c.name.trim().toLowerCase())}`,
  );
  const deleted = await connection.run(`DELETE FROM ${stage} WHERE ${tests.join(' AND ')}`);
  return deleted.rowsChanged;
}
