import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../engine/duckdb';
import { nameAsWritten } from '../ingest/header-names';

/** A staged column as the header check reads it: its header name, and its text where a header cell can be. */
export interface HeaderColumn {
  /** The column's header name, or null where the header cell was blank (`Column 6`) or there is no header. */
  name: string | null;
  /** SQL of the column's text (a text column, or the values a typed column could not read); null where none can be. */
  text: string | null;
  /** SQL: true where the row has nothing in this column. */
  empty: string;
}

/**
 * Deletes the rows that repeat the header (exports pasted one under another, a report's header on
 * each page) and returns how many there were: a row whose every cell reads as its column's name,
 * in any case, blanks aside, and is empty under a blank header cell. A name numbered as a repeat
 * (`Sales (2)`) is looked for as written (`Sales`). A column that holds no text (numbers the
 * reader parsed) cannot hold a name there, since the name would have been set aside as text: such
 * a row is empty in it. Not looked for when no column can hold a name.
 */
export async function dropRepeatedHeaders(
  connection: DuckDBConnection,
  stage: string,
  columns: HeaderColumn[],
): Promise<number> {
  if (!columns.some((c) => c.text !== null && c.name !== null)) return 0;
  const tests = columns.map((c) => {
    if (c.text === null || c.name === null) return c.empty;
    const names = [...new Set([c.name, nameAsWritten(c.name)].map((name) => name.trim().toLowerCase()))];
    return `lower(trim(${c.text})) IN (${names.map(quoteLiteral).join(', ')})`;
  });
  const deleted = await connection.run(`DELETE FROM ${stage} WHERE ${tests.join(' AND ')}`);
  return deleted.rowsChanged;
}
