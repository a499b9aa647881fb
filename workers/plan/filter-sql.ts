import type { ColumnProfile } from '../../core/dataset';
import type { Filter } from './analysis-plan';
import { comparableType, isCalendar } from './column-kinds';
import type { SqlParams, SqlValue } from './sql-params';

/**
 * The SQL condition for a validated filter, with every value bound. `not_in`
 * keeps rows where the column is empty: "everything but the West" should add
 * up with "the West" to the whole table, which SQL's `NOT IN` alone would not.
 */
export function filterCondition(filter: Filter, column: ColumnProfile, expr: string, params: SqlParams): string {
  switch (filter.op) {
    case 'in':
      return valuesCondition(column, expr, filter.values, params);
    case 'not_in':
      return `(${expr} IS NULL OR NOT ${valuesCondition(column, expr, filter.values, params)})`;
    case 'range':
      return rangeCondition(column, expr, filter.from, filter.to, params);
  }
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
