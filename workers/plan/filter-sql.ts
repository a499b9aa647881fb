import type { ColumnProfile } from '../../core/dataset';
import { quoteIdent } from '../engine/duckdb';
import type { Filter, PeriodGrain } from './analysis-plan';
import { comparableType, isCalendar, isYearNumber } from './column-kinds';
import type { SqlParams, SqlValue } from './sql-params';

/** A filter that tests each row on its own (every kind but `having`, which tests groups of rows). */
export type RowFilter = Exclude<Filter, { op: 'having' }>;

/**
 * The SQL condition for a validated row filter, with every value bound.
 * `not_in` keeps rows where the column is empty: "everything but the West"
 * should add up with "the West" to the whole table, which SQL's `NOT IN`
 * alone would not. `latest` counts back from the last date of the whole
 * table (`table`), not from today: the data decides what "this year" is.
 */
export function filterCondition(
  filter: RowFilter,
  column: ColumnProfile,
  expr: string,
  params: SqlParams,
  table: string,
): string {
  switch (filter.op) {
    case 'in':
      return valuesCondition(column, expr, filter.values, params);
    case 'not_in':
      return `(${expr} IS NULL OR NOT ${valuesCondition(column, expr, filter.values, params)})`;
    case 'range':
      return rangeCondition(column, expr, filter.from, filter.to, params);
    case 'compare':
      return `${expr} ${filter.comparator} ${params.bind(filter.value, valueType(column, filter.value))}`;
    case 'latest':
      return `${expr} >= ${latestStart(column, expr, filter.grain, filter.count, table)}`;
  }
}

/**
 * The first instant of the latest `count` periods of `grain`, counting the
 * period of the table's last value of `expr`. The grain and count are schema
 * values (a fixed word, an integer), never text from a question.
 */
export function latestStart(
  column: ColumnProfile,
  expr: string,
  grain: PeriodGrain,
  count: number,
  table: string,
): string {
  const last = `(SELECT max(${expr}) FROM ${quoteIdent(table)})`;
  if (isYearNumber(column)) return `${last} - ${count - 1}`;
  const start = `date_trunc('${grain}', ${last}) - INTERVAL ${count - 1} ${grain.toUpperCase()}`;
  return column.type === 'date' ? `CAST(${start} AS DATE)` : `CAST(${start} AS TIMESTAMP)`;
}

/** `expr IN (…)` over bound values. */
export function valuesCondition(column: ColumnProfile, expr: string, values: SqlValue[], params: SqlParams): string {
  return `${expr} IN (${values.map((v) => params.bind(v, valueType(column, v))).join(', ')})`;
}

/** `from <= expr < to`, either end optional. */
export function rangeCondition(
  column: ColumnProfile,
  expr: string,
  from: SqlValue | undefined,
  to: SqlValue | undefined,
  params: SqlParams,
): string {
  const parts: string[] = [];
  if (from !== undefined) parts.push(`${expr} >= ${params.bind(from, valueType(column, from))}`);
  if (to !== undefined) parts.push(`${expr} < ${params.bind(to, valueType(column, to))}`);
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' AND ')})`;
}

/**
 * A value with a time of day compares as a TIMESTAMP even on a DATE column:
 * DuckDB's cast to DATE would silently drop `T12:00`.
 */
function valueType(column: ColumnProfile, value: SqlValue): string {
  if (isCalendar(column) && typeof value === 'string' && value.includes('T')) return 'TIMESTAMP';
  return comparableType(column);
}
