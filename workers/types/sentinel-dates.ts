import type { ColumnStats } from './column-decision';

/**
 * Dates that programs write for "no date". Year 1 (.NET's `DateTime.MinValue`,
 * `0001-01-01`) and year 9999 (`DateTime.MaxValue`, SQL Server's and SAP's
 * "open end", `9999-12-31`) and DuckDB's infinities are never real dates in a
 * business file: they are always missing values.
 *
 * The other placeholders are real days that someone could mean: 1900-01-01
 * (Excel's day 1, SQL Server's zero `datetime`), 1899-12-30/31 (OLE and Excel's
 * day 0), 1753-01-01 (SQL Server's `datetime` minimum) and 1970-01-01 (Unix
 * time 0). A birthday column may hold 1970-01-01 for real. So they are missing
 * values only at midnight and only as outliers: when every other date of the
 * column is at least {@link PLACEHOLDER_GAP_DAYS} later than the latest of
 * them. A column of 2019–2024 orders with some 1900-01-01 loses those; a
 * column of birthdays from 1950 to 2000 keeps its 1970-01-01.
 */
const PLACEHOLDERS = ['1753-01-01', '1899-12-30', '1899-12-31', '1900-01-01', '1970-01-01'];

/** Five years: a placeholder this far before every real date in its column stands apart from them. */
export const PLACEHOLDER_GAP_DAYS = 5 * 365;

const EXAMPLES = 3;

/** True where a value is always "no date" (year 1 or below, year 9999 or above, an infinity). */
export function alwaysSentinelSql(v: string): string {
  return `(NOT isfinite(${v}) OR year(${v}) <= 1 OR year(${v}) >= 9999)`;
}

/** True where a value is one of the placeholder days, at midnight. */
export function placeholderSql(v: string): string {
  const days = PLACEHOLDERS.map((day) => `TIMESTAMP '${day}'`).join(', ');
  return `(CAST(${v} AS TIMESTAMP) IN (${days}))`;
}

/**
 * Aggregates over a staged date column `v`, named with the column's index `i`:
 * how many values are always "no date", how many are placeholders, how far the
 * latest placeholder lies before the earliest real date, and a few examples.
 */
export function sentinelStatsSql(v: string, i: number): string[] {
  const always = alwaysSentinelSql(v);
  const placeholder = placeholderSql(v);
  const real = `NOT ${always} AND NOT ${placeholder}`;
  return [
    `count(*) FILTER (WHERE ${always}) AS sentinels${i}`,
    `count(*) FILTER (WHERE ${placeholder}) AS placeholders${i}`,
    `date_diff('day', max(${v}) FILTER (WHERE ${placeholder}), min(${v}) FILTER (WHERE ${real})) AS placeholdergap${i}`,
    `list_sort(list_slice(list(DISTINCT CASE WHEN isfinite(${v}) THEN strftime(${v}, '%Y-%m-%d') ELSE CAST(${v} AS VARCHAR) END)
       FILTER (WHERE ${always} OR ${placeholder}), 1, ${EXAMPLES * 2})) AS sentinelexamples${i}`,
  ];
}

/** What the aggregates say: how many values become missing, whether placeholders do, and examples. */
export function sentinelStats(row: Record<string, unknown>, i: number): Pick<ColumnStats, 'sentinels'> {
  const always = Number(row[`sentinels${i}`] ?? 0);
  const placeholders = Number(row[`placeholders${i}`] ?? 0);
  const gap = row[`placeholdergap${i}`];
  // Placeholders with no real date beside them (the gap is NULL) say nothing about themselves: they stay.
  const outliers = placeholders > 0 && gap != null && Number(gap) >= PLACEHOLDER_GAP_DAYS;
  const count = always + (outliers ? placeholders : 0);
  if (count === 0) return {};
  const listed = ((row[`sentinelexamples${i}`] as unknown[] | null) ?? []).map(String);
  const examples = listed.filter((day) => outliers || !PLACEHOLDERS.includes(day)).slice(0, EXAMPLES);
  return { sentinels: { count, placeholders: outliers, examples } };
}

/** The condition under which a staged date is emptied, given what `sentinelStats` found. */
export function sentinelSql(v: string, sentinels: NonNullable<ColumnStats['sentinels']>): string {
  return sentinels.placeholders ? `(${alwaysSentinelSql(v)} OR ${placeholderSql(v)})` : alwaysSentinelSql(v);
}
