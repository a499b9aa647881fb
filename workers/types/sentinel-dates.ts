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
 * time 0). A birthday column may hold 1970-01-01 for real, and a register of
 * 1895–1905 may hold 1900-01-01 for real. So each placeholder day is judged on
 * its own, at midnight only: it is "no date" when it stands apart from the
 * column's other dates, that is when fewer of them lie within
 * {@link PLACEHOLDER_GAP_DAYS} of it than the day itself occurs. Judged apart,
 * a real 1970-01-01 among birthdays cannot shield the 1900-01-01 placeholders
 * far below them; counted rather than just looked for, one mistyped 1901 date
 * cannot shield a hundred 1900-01-01 among 2019–2024 orders; and a 1900-01-01
 * among many dates around it stays a date. A column with no other dates says
 * nothing about its placeholders: they stay.
 */
const PLACEHOLDERS = ['1753-01-01', '1899-12-30', '1899-12-31', '1900-01-01', '1970-01-01'];

/** Five years: how near a placeholder day the column's other dates must lie to vouch for it. */
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

/** `v` at placeholder day `day`. */
function atDay(v: string, day: string): string {
  return `(CAST(${v} AS TIMESTAMP) = TIMESTAMP '${day}')`;
}

/**
 * Aggregates over a staged date column `v`, named with the column's index `i`:
 * how many values are always "no date", how many are placeholder days, and a
 * few examples; with `placeholderDaysSql`, asked only of a column whose
 * extremes show it may hold some.
 */
export function sentinelStatsSql(v: string, i: number): string[] {
  const always = alwaysSentinelSql(v);
  const placeholder = placeholderSql(v);
  return [
    `count(*) FILTER (WHERE ${always}) AS sentinels${i}`,
    `count(*) FILTER (WHERE ${placeholder}) AS placeholders${i}`,
    `list_sort(list_slice(list(DISTINCT CASE WHEN isfinite(${v}) THEN strftime(${v}, '%Y-%m-%d') ELSE CAST(${v} AS VARCHAR) END)
       FILTER (WHERE ${always} OR ${placeholder}), 1, ${EXAMPLES * 2})) AS sentinelexamples${i}`,
  ];
}

/** For each placeholder day: how often it occurs, and how many other dates lie near it. */
export function placeholderDaysSql(v: string, i: number): string[] {
  const real = `NOT ${alwaysSentinelSql(v)} AND NOT ${placeholderSql(v)}`;
  const perDay = PLACEHOLDERS.flatMap((day, k) => [
    `count(*) FILTER (WHERE ${atDay(v, day)}) AS placeholder${i}_${k}`,
    `count(*) FILTER (WHERE ${real} AND CAST(${v} AS TIMESTAMP) BETWEEN TIMESTAMP '${day}' - INTERVAL ${PLACEHOLDER_GAP_DAYS} DAY
       AND TIMESTAMP '${day}' + INTERVAL ${PLACEHOLDER_GAP_DAYS} DAY) AS near${i}_${k}`,
  ]);
  return [`count(*) FILTER (WHERE ${real}) AS realdates${i}`, ...perDay];
}

/** What the aggregates say: how many values become missing, which placeholder days do, and examples. */
export function sentinelStats(row: Record<string, unknown>, i: number): Pick<ColumnStats, 'sentinels'> {
  const always = Number(row[`sentinels${i}`] ?? 0);
  const hasRealDates = Number(row[`realdates${i}`] ?? 0) > 0;
  const apart = PLACEHOLDERS.map((day, k) => ({
    day,
    count: Number(row[`placeholder${i}_${k}`] ?? 0),
    near: Number(row[`near${i}_${k}`] ?? 0),
  })).filter((p) => hasRealDates && p.count > 0 && p.near < p.count);
  const count = always + apart.reduce((sum, p) => sum + p.count, 0);
  if (count === 0) return {};
  const placeholders = apart.map((p) => p.day);
  const listed = ((row[`sentinelexamples${i}`] as unknown[] | null) ?? []).map(String);
  const examples = listed.filter((day) => !PLACEHOLDERS.includes(day) || placeholders.includes(day)).slice(0, EXAMPLES);
  return { sentinels: { count, placeholders, examples } };
}

/** The condition under which a staged date is emptied, given what `sentinelStats` found. */
export function sentinelSql(v: string, sentinels: NonNullable<ColumnStats['sentinels']>): string {
  const days = sentinels.placeholders.map((day) => atDay(v, day));
  return `(${[alwaysSentinelSql(v), ...days].join(' OR ')})`;
}
