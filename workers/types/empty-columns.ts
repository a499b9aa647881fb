import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, quoteIdent } from '../engine/duckdb';

/** Up to this many columns are dropped one ALTER at a time; more cost one copy of the table (an ALTER copies its definition). */
const ALTERED_UP_TO = 10;

/**
 * Drops the columns that have neither a header name nor any value (an Excel export's trailing
 * empty columns, a delimiter after the last value of every line) from a typed table, and returns
 * the columns kept. A named column with no values stays: its name says something. Only columns
 * whose sampled values are all empty are counted over the table, so a file without such a column
 * costs no query.
 */
export async function dropEmptyColumns<C extends { name: string }>(
  connection: DuckDBConnection,
  table: string,
  columns: C[],
  { named, sample }: { named: boolean[]; sample: (string | null)[][] },
): Promise<{ kept: C[]; dropped: number }> {
  const blankInSample = (i: number) => sample.every((row) => (row[i] ?? '').trim() === '');
  const suspects = columns.flatMap((column, i) => (named[i] === false && blankInSample(i) ? [column.name] : []));
  if (suspects.length === 0) return { kept: columns, dropped: 0 };
  const [counts = {}] = await queryRows(
    connection,
    `SELECT ${suspects
      .map((name, k) => `count(nullif(trim(CAST(${quoteIdent(name)} AS VARCHAR)), '')) AS n${k}`)
      .join(', ')} FROM ${quoteIdent(table)}`,
  );
  const empty = new Set(suspects.filter((_, k) => Number(counts[`n${k}`]) === 0));
  if (empty.size === 0) return { kept: columns, dropped: 0 };
  const names = [...empty].map(quoteIdent);
  if (empty.size <= ALTERED_UP_TO) {
    for (const name of names) await connection.run(`ALTER TABLE ${quoteIdent(table)} DROP COLUMN ${name}`);
  } else {
    await connection.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * EXCLUDE (${names.join(', ')}) FROM ${quoteIdent(table)}`,
    );
  }
  return { kept: columns.filter((column) => !empty.has(column.name)), dropped: empty.size };
}
