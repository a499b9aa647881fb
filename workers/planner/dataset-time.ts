import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { DataRange } from './time-periods';

/** The time columns, in the dataset's order: the first is the main one. */
export function timeColumns(meta: DatasetMeta): ColumnProfile[] {
  return meta.columns.filter((c) => c.role === 'time' && dataRange(c) !== null);
}

/** A column of whole years (`Year` = 2016), which has no months to filter by. */
export function isYearNumber(column: ColumnProfile): boolean {
  return column.role === 'time' && column.type === 'integer';
}

/**
 * A time column's range as ISO dates with its natural grain; year-number
 * columns span 1 January of their first year to 1 January of their last.
 */
export function dataRange(column: ColumnProfile): DataRange | null {
  if (isYearNumber(column)) {
    if (column.min === undefined || column.max === undefined) return null;
    return { from: `${column.min}-01-01`, to: `${column.max}-01-01`, grain: 'year' };
  }
  if (!column.from || !column.to) return null;
  return { from: column.from.slice(0, 10), to: column.to.slice(0, 10), grain: column.grain ?? 'day' };
}
