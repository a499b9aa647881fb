import { quoteIdent } from '../engine/duckdb';
import type { ResultColumn } from './result-table';

/** A column of the answer and the SQL expression that computes it. */
export interface Output {
  sql: string;
  column: ResultColumn;
}

/**
 * The SELECT list for a query's answer columns, each aliased to its result
 * name. A name that would repeat (a dimension `Count` next to the measure
 * `Count`) gets ` (2)`, ` (3)` after it, so every column can be read by name.
 *
 * @example
 * selectOutputs([{ sql: 'g0', column: region }, { sql: 'sum(v0)', column: totalSales }]).select
 * // ['g0 AS "Region"', 'sum(v0) AS "Total Sales"']
 */
export function selectOutputs(outputs: Output[]): { select: string[]; columns: ResultColumn[] } {
  const seen = new Set<string>();
  const columns = outputs.map(({ column }) => {
    let name = column.name;
    for (let n = 2; seen.has(name); n++) name = `${column.name} (${n})`;
    seen.add(name);
    return name === column.name ? column : { ...column, name };
  });
  return { select: outputs.map((o, i) => `${o.sql} AS ${quoteIdent(columns[i]?.name ?? '')}`), columns };
}
