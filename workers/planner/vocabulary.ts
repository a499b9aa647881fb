import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { queryRows, quoteIdent } from '../engine/duckdb';

/** Dimensions with more distinct values than this are left out: people name groups, not each of 10,000 codes. */
export const VOCABULARY_MAX_DISTINCT = 2000;

/** Longer values are labels nobody types into a question. */
const MAX_VALUE_CHARS = 200;

/**
 * Every distinct value of the dataset's low-cardinality dimensions, by column,
 * so a question can filter on a value the profile's top five do not list
 * ("for Bookcases", "in Vermont"). It stays with the worker and the stored
 * dataset: it is never sent to an LLM.
 */
export const Vocabulary = z.object({
  values: z.record(z.string(), z.array(z.string())),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

/** Whether the vocabulary should hold a column's values. */
function isVocabularyColumn(column: ColumnProfile): boolean {
  return (
    column.role === 'dimension' &&
    column.type === 'category' &&
    (column.distinct ?? Infinity) <= VOCABULARY_MAX_DISTINCT
  );
}

/**
 * Reads the distinct values of every vocabulary column in one query
 * (a UNION ALL of one grouped scan per column).
 *
 * @example
 * const vocabulary = await loadVocabulary(connection, meta, 'dataset');
 * vocabulary.values.Region // ['Central', 'East', 'South', 'West']
 */
export async function loadVocabulary(
  connection: DuckDBConnection,
  meta: DatasetMeta,
  table: string,
): Promise<Vocabulary> {
  const columns = meta.columns.filter(isVocabularyColumn);
  const values: Record<string, string[]> = {};
  if (columns.length === 0) return { values };
  const t = quoteIdent(table);
  const parts = columns.map((column, k) => {
    const c = quoteIdent(column.name);
    // The limit guards against a profile whose distinct count was an estimate.
    return `(SELECT ${k} AS k, CAST(${c} AS VARCHAR) AS v FROM ${t}
             WHERE ${c} IS NOT NULL AND length(CAST(${c} AS VARCHAR)) <= ${MAX_VALUE_CHARS}
             GROUP BY ${c} ORDER BY v LIMIT ${VOCABULARY_MAX_DISTINCT})`;
  });
  const rows = await queryRows(connection, parts.join(' UNION ALL '));
  for (const column of columns) values[column.name] = [];
  for (const row of rows) {
    const column = columns[Number(row.k)];
    if (column) values[column.name]?.push(String(row.v));
  }
  return { values };
}
