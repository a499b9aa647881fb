/** Above this many rows, measures are not distinct-counted (see `ColumnProfile.distinct`). */
const DISTINCT_MEASURES_UP_TO = 100_000;

/**
 * Up to this many rows, distinct values are counted from the column's list:
 * DuckDB's `count(DISTINCT)` costs about 7 ms and a hash table per column
 * whatever the rows, which made a 5,000-column file take most of a minute.
 * Wide files are short (the upload limit bounds rows × columns), long ones narrow.
 */
const LIST_DISTINCT_UP_TO_ROWS = 20_000;

/** Whether a table of `rowCount` rows has its distinct values counted from lists (else by hashing). */
export function listsDistinct(rowCount: number): boolean {
  return rowCount <= LIST_DISTINCT_UP_TO_ROWS;
}

function distinctCount(column: string, rowCount: number): string {
  return listsDistinct(rowCount) ? `length(list_distinct(list(${column})))` : `count(DISTINCT ${column})`;
}

/** What the profile counts of a column depends on what the column holds. */
export interface ProfiledKind {
  numeric: boolean;
  time: boolean;
  /** Few distinct values: they are tallied with their counts, which also gives their distinct count. */
  tallied: boolean;
}

/** One aggregate of a profile query, by the name the profile reads its result under. */
export interface ProfileAggregate {
  alias: string;
  sql: string;
}

/**
 * The aggregates the profile needs of column `i` (the SQL `expression`) in a table of `rowCount`
 * rows: values present, a tally or distinct count, and a measure's range and sum. Typing a narrow
 * table computes them in its own scan, so that its profile costs no second one.
 */
export function profileAggregates(
  expression: string,
  i: number,
  kind: ProfiledKind,
  rowCount: number,
): ProfileAggregate[] {
  const parts = [{ alias: `present${i}`, sql: `count(${expression})` }];
  if (kind.tallied) return [...parts, { alias: `tally${i}`, sql: `histogram(${expression})` }];
  if (kind.time) return parts;
  if (!kind.numeric || rowCount <= DISTINCT_MEASURES_UP_TO) {
    parts.push({ alias: `distinct${i}`, sql: distinctCount(expression, rowCount) });
  }
  if (kind.numeric) {
    parts.push(
      { alias: `min${i}`, sql: `min(${expression})` },
      { alias: `max${i}`, sql: `max(${expression})` },
      { alias: `sum${i}`, sql: `sum(${expression})` },
    );
  }
  return parts;
}
