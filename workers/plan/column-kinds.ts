import type { ColumnProfile, ColumnType } from '../../core/dataset';

// The questions validation and compilation both ask of a column's type.

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'decimal', 'currency', 'percent']);

/** Numbers that can be summed and averaged. */
export function isNumeric(column: ColumnProfile): boolean {
  return NUMERIC.has(column.type);
}

/** Dates and timestamps (not year numbers). */
export function isCalendar(column: ColumnProfile): boolean {
  return column.type === 'date' || column.type === 'datetime';
}

/** A whole-number column of years (`Year`, `FY`), which the profile gives the time role. */
export function isYearNumber(column: ColumnProfile): boolean {
  return column.type === 'integer' && column.role === 'time';
}

/** A column that can be truncated to a time grain or compared by period. */
export function isTime(column: ColumnProfile): boolean {
  return isCalendar(column) || isYearNumber(column);
}

/**
 * The DuckDB type a bound value is cast to before it meets the column, so a
 * comparison never depends on DuckDB guessing a parameter's type. Whole numbers
 * compare as DOUBLE: a cast to BIGINT would round `2.5` to 3.
 */
export function comparableType(column: ColumnProfile): 'DOUBLE' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR' {
  if (isNumeric(column)) return 'DOUBLE';
  switch (column.type) {
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** How a message names what a column holds. */
export function describeKind(column: ColumnProfile): string {
  if (isYearNumber(column)) return 'years';
  const words: Record<ColumnType, string> = {
    integer: 'whole numbers',
    decimal: 'numbers',
    currency: 'amounts of money',
    percent: 'percentages',
    date: 'dates',
    datetime: 'dates and times',
    boolean: 'yes/no values',
    category: 'categories',
    text: 'text',
  };
  return words[column.type];
}
