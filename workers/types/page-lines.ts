import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../engine/duckdb';
import { PAGE_NUMBER } from '../ingest/footer-lines';
import type { HeaderColumn } from './repeated-headers';

/**
 * Deletes the rows that are a page's number (`Page 2 of 5` in the first column, every other cell
 * empty) and returns how many there were. A report exported with its delimiters kept (`Page 2 of
 * 5,,,`, or a sheet's row) brings them in whole, where the reader's short-row check (see
 * `isPageLine`) never sees them. The pattern is written once for JavaScript and DuckDB's RE2.
 */
export async function dropPageLines(
  connection: DuckDBConnection,
  stage: string,
  columns: Pick<HeaderColumn, 'text' | 'empty'>[],
): Promise<number> {
  const [first, ...rest] = columns;
  if (!first?.text || rest.length === 0) return 0;
  const page = `regexp_matches(trim(${first.text}), ${quoteLiteral(PAGE_NUMBER.source)}, 'i')`;
  const deleted = await connection.run(
    `DELETE FROM ${stage} WHERE ${rest.map((c) => c.empty).join(' AND ')} AND ${page}`,
  );
  return deleted.rowsChanged;
}
