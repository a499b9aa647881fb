import type { ColumnProfile, DatasetMeta, TimeGrain } from '../../core/dataset';
import { quoteIdent } from '../engine/duckdb';
import type { AnalysisPlan, Change, ChangeBase, Measure, PeriodGrain } from './analysis-plan';
import { isYearNumber } from './column-kinds';
import type { CompiledPlan, SummaryField } from './compiled-plan';
import { MAX_RESULT_ROWS } from './compile-aggregate';
import { matchedRows, type MatchedRows } from './matched-rows';
import { selectOutputs, type Output } from './output-columns';
import type { ResultColumn } from './result-table';
import { SqlParams } from './sql-params';

/** How the base period's value is named next to the current one. */
const BASE_WORD: Record<ChangeBase | 'period', string> = {
  previous: 'Previous',
  year_ago: 'Year-Earlier',
  first: 'First-Period',
  period: 'Base-Period',
};

const GRAIN_ORDER: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

/**
 * A change plan: each measure in the measured period and in its base period,
 * the change, and the change as a fraction of the base, per group of the
 * plan's dimensions. Periods are counted from the last date of the whole
 * table, so "the latest year" is the data's, never today's; the compared
 * periods come back with the answer (see `ChangePeriods`).
 *
 * One period (`latest`, `latest_complete`, `to_date`, a date):
 *
 * ```sql
 * WITH matched AS (…), bounds AS (SELECT c0, c1, b0, b1 … FROM (SELECT max(t), min(t) FROM table)),
 * sided AS (SELECT *, CASE WHEN t in [c0, c1) THEN 1 WHEN t in [b0, b1) THEN 0 END AS side FROM matched, bounds)
 * SELECT <groups>, agg FILTER (side = 1), agg FILTER (side = 0), difference, difference / |base|, <bounds>
 * FROM sided WHERE side IS NOT NULL GROUP BY <groups>
 * ```
 *
 * Each period (`each`): the measures per period and group, joined to the
 * same group's base period (the previous one, a year earlier, the first).
 */
export function compileChange(plan: AnalysisPlan, meta: DatasetMeta, table: string): CompiledPlan {
  const change = plan.change;
  if (!change) throw new Error('compileChange: the plan has no change');
  const params = new SqlParams();
  const rows = matchedRows(plan, meta, table, params, { extraColumns: [change.column] });
  const time = rows.profile(change.column);
  return change.period === 'each'
    ? eachPeriod(plan, change, time, rows, params)
    : onePeriod(plan, change, time, rows, params, table, meta);
}

/** The four result columns of a measure in a change. */
function changeColumns(measure: Measure, rows: MatchedRows, against: ChangeBase | 'period'): ResultColumn[] {
  const current = rows.output(measure);
  const name = current.name;
  return [
    current,
    { ...current, name: `${BASE_WORD[against]} ${name}`, change: 'base' },
    { ...current, name: `Change in ${name}`, type: 'number', change: 'absolute' },
    { ...current, name: `% Change in ${name}`, type: 'number', unit: 'percent', change: 'percent' },
  ];
}

/** The SQL of a measure's four columns from its current and base aggregates. */
function changeSql(current: string, base: string): string[] {
  const difference = `(${current}) - (${base})`;
  return [current, base, difference, `CAST(${difference} AS DOUBLE) / nullif(abs(${base}), 0)`];
}

function baseKind(change: Change): ChangeBase | 'period' {
  return change.against === 'previous' || change.against === 'year_ago' || change.against === 'first'
    ? change.against
    : 'period';
}

function onePeriod(
  plan: AnalysisPlan,
  change: Change,
  time: ColumnProfile,
  rows: MatchedRows,
  params: SqlParams,
  table: string,
  meta: DatasetMeta,
): CompiledPlan {
  const against = baseKind(change);
  const bounds = isYearNumber(time)
    ? yearBounds(change, quoteIdent(time.name), table, params)
    : calendarBounds(change, time, table, params, dataGrain(meta, time));
  const t = isYearNumber(time) ? rows.value(time.name) : `CAST(${rows.value(time.name)} AS TIMESTAMP)`;
  const outputs: Output[] = rows.groups.map((g) => ({ sql: g.select, column: g.column }));
  plan.measures.forEach((measure) => {
    const sqls = changeSql(rows.aggregate(measure, 'side = 1'), rows.aggregate(measure, 'side = 0'));
    changeColumns(measure, rows, against).forEach((column, i) => outputs.push({ sql: sqls[i] ?? 'NULL', column }));
  });
  const { select, columns } = selectOutputs(outputs);
  select.push('sum(count(*)) OVER () AS matched_rows');
  for (const field of PERIOD_FIELDS) select.push(`(SELECT ${field} FROM bounds) AS ${field}`);
  const keys = rows.groups.map((g) => g.key);
  const order = changeOrder(plan, rows, keys);
  const limit = params.bind(Math.min(plan.limit ?? MAX_RESULT_ROWS, MAX_RESULT_ROWS));
  const sql = [
    `WITH ${rows.cte},`,
    `bounds AS (\n  ${bounds}\n),`,
    `sided AS (\n  SELECT matched.*, CASE WHEN ${t} >= c0 AND ${t} < c1 THEN 1 WHEN ${t} >= b0 AND ${t} < b1 THEN 0 END AS side\n  FROM matched, bounds\n)`,
    `SELECT ${select.join(',\n  ')}`,
    'FROM sided',
    'WHERE side IS NOT NULL',
    keys.length > 0 && `GROUP BY ${keys.join(', ')}`,
    keys.length > 0 && `ORDER BY ${order.join(', ')}`,
    `LIMIT ${limit}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    kind: 'aggregate',
    sql,
    params: params.values,
    columns,
    summary: ['matchedRows', ...PERIOD_SUMMARY],
    change: { grain: change.grain, against },
  };
}

/**
 * Groups come with the largest change first (the biggest gainers, or with
 * an ascending sort the biggest losers: "which region had the biggest
 * drop"), as a series sorted by measure is ranked, or by the group itself
 * when the plan sorts by dimension.
 */
function changeOrder(plan: AnalysisPlan, rows: MatchedRows, keys: string[]): string[] {
  const direction = plan.sort?.direction === 'asc' ? 'ASC NULLS LAST' : 'DESC NULLS LAST';
  if (plan.sort?.by === 'dimension') return keys.map((k) => `${k} ${direction}`);
  const [first] = plan.measures;
  if (!first) return keys;
  const by = `(${rows.aggregate(first, 'side = 1')}) - (${rows.aggregate(first, 'side = 0')})`;
  return [`${by} ${direction}`, ...keys];
}

/**
 * Days a period's end may lack and the period still count as complete: a
 * daily table of orders that ends on 30 December has a complete year (no
 * orders on the 31st is not a partial year), one that ends in November not.
 * A week gets the month's one day, so the two agree on the same file: data
 * ending Saturday 30 December 2017 completes both December and the week
 * ending Sunday the 31st (a quiet Sunday is no partial week). A day has no
 * slack: it is complete when the data reaches it.
 */
const COMPLETE_SLACK_DAYS: Readonly<Record<PeriodGrain, number>> = { year: 12, quarter: 3, month: 1, week: 1, day: 0 };

/** The bounds a one-period change selects after its columns, in this order. */
const PERIOD_FIELDS = ['c0', 'c1', 'b0', 'b1', 'partial', 'last'] as const;
const PERIOD_SUMMARY: SummaryField[] = ['currentFrom', 'currentTo', 'baseFrom', 'baseTo', 'currentPartial', 'lastDate'];

/**
 * The measured period [c0, c1) and the base [b0, b1) as TIMESTAMPs, and
 * whether the measured calendar period runs past the data's last date.
 * A period is complete when the data reaches its last step at the data's own
 * grain (monthly data is complete for a year at December's first day), give
 * or take `COMPLETE_SLACK_DAYS`.
 * Grains are schema words, never text from a question.
 */
function calendarBounds(
  change: Change,
  time: ColumnProfile,
  table: string,
  params: SqlParams,
  grain: TimeGrain,
): string {
  const g = change.grain;
  const unit = (n: number, of: string = g) => `INTERVAL ${n} ${of.toUpperCase()}`;
  const expr = quoteIdent(time.name);
  const trunc = (x: string) => `CAST(date_trunc('${g}', ${x}) AS TIMESTAMP)`;
  // The data reaches the end of the period that starts at `start`, give or take a few days at its end.
  const reaches = (start: string) =>
    `date_trunc('${grain}', last + INTERVAL ${COMPLETE_SLACK_DAYS[g]} DAY) >= date_trunc('${grain}', ${start} + ${unit(1)} - INTERVAL 1 DAY)`;
  const period = change.period;
  const c0 =
    period === 'latest' || period === 'to_date'
      ? trunc('last')
      : period === 'latest_complete'
        ? `CASE WHEN ${reaches(trunc('last'))} THEN ${trunc('last')} ELSE ${trunc('last')} - ${unit(1)} END`
        : trunc(params.bind(period, 'TIMESTAMP'));
  // The day (or instant) after the last date: the end of a period "to date".
  const afterLast = time.type === 'date' ? 'last + INTERVAL 1 DAY' : 'last + INTERVAL 1 MICROSECOND';
  const c1 = period === 'to_date' ? afterLast : `c0 + ${unit(1)}`;
  const b0 =
    change.against === 'previous'
      ? `c0 - ${unit(1)}`
      : change.against === 'year_ago'
        ? `c0 - ${yearBack(g)}`
        : change.against === 'first'
          ? trunc('first')
          : trunc(params.bind(change.against, 'TIMESTAMP'));
  // A period "to date" is compared with the same span of its base period: to the same calendar
  // day for the previous period or a year earlier, the same length of time otherwise.
  const b1 =
    period !== 'to_date'
      ? `b0 + ${unit(1)}`
      : change.against === 'previous'
        ? `c1 - ${unit(1)}`
        : change.against === 'year_ago' && g !== 'week'
          ? 'c1 - INTERVAL 1 YEAR'
          : 'b0 + (c1 - c0)';
  return [
    `SELECT c0, c1, b0, b1, NOT (${reaches('c0')}) AS partial, last FROM (`,
    `  SELECT *, ${b0} AS b0, ${b1} AS b1 FROM (`,
    `    SELECT *, ${c1} AS c1 FROM (`,
    `      SELECT *, ${c0} AS c0 FROM (`,
    `        SELECT CAST(max(${expr}) AS TIMESTAMP) AS last, CAST(min(${expr}) AS TIMESTAMP) AS first FROM ${quoteIdent(table)}`,
    '      ))))',
  ].join('\n');
}

/**
 * How far back "a year earlier" is for a period of `grain`. A week a calendar year back would
 * start on another weekday and straddle two weeks; the same week a year earlier is 52 weeks back:
 * it starts on the same weekday, holds the same seven weekdays, and carries the same ISO week
 * number except after a 53-week year.
 */
function yearBack(grain: PeriodGrain): string {
  return grain === 'week' ? 'INTERVAL 52 WEEK' : 'INTERVAL 1 YEAR';
}

/** A column of years counts in whole years: the latest is the largest. */
function yearBounds(change: Change, expr: string, table: string, params: SqlParams): string {
  const c0 =
    change.period === 'latest' || change.period === 'latest_complete' || change.period === 'to_date'
      ? 'last'
      : `CAST(${params.bind(change.period, 'DOUBLE')} AS INTEGER)`;
  const b0 =
    change.against === 'previous' || change.against === 'year_ago'
      ? 'c0 - 1'
      : change.against === 'first'
        ? 'first'
        : `CAST(${params.bind(change.against, 'DOUBLE')} AS INTEGER)`;
  return [
    'SELECT c0, c0 + 1 AS c1, b0, b0 + 1 AS b1, false AS partial, last FROM (',
    `  SELECT *, ${b0} AS b0 FROM (SELECT *, ${c0} AS c0 FROM (`,
    `    SELECT max(${expr}) AS last, min(${expr}) AS first FROM ${quoteIdent(table)}`,
    '  )))',
  ].join('\n');
}

/** The grain the data itself comes in (daily at finest): what "the data reaches a period's end" is counted in. */
function dataGrain(meta: DatasetMeta, time: ColumnProfile): TimeGrain {
  const grain = meta.columns.find((c) => c.name === time.name)?.grain ?? 'day';
  return GRAIN_ORDER.indexOf(grain) < GRAIN_ORDER.indexOf('day') ? 'day' : grain;
}

function eachPeriod(
  plan: AnalysisPlan,
  change: Change,
  time: ColumnProfile,
  rows: MatchedRows,
  params: SqlParams,
): CompiledPlan {
  const against = baseKind(change);
  const years = isYearNumber(time);
  const v = rows.value(time.name);
  const periodSql = years ? v : `CAST(date_trunc('${change.grain}', ${v}) AS DATE)`;
  const keys = rows.groups.map((g) => g.key);
  const measures = plan.measures.map((m, i) => `${rows.aggregate(m)} AS m${i}`);
  const periods = [
    'periods AS (',
    `  SELECT t, ${[...keys, ...measures].join(', ')}, count(*) AS n`,
    `  FROM (SELECT *, ${periodSql} AS t FROM matched)`,
    `  GROUP BY ${['t', ...keys].join(', ')}`,
    ')',
  ].join('\n');
  const baseT = eachBase(change, years, params);
  const join = [
    'FROM periods cur LEFT JOIN periods base',
    `  ON base.t = ${baseT}${keys.map((k) => ` AND base.${k} IS NOT DISTINCT FROM cur.${k}`).join('')}`,
  ].join('\n');
  const periodColumn: ResultColumn = {
    name: time.name,
    type: years ? 'number' : 'date',
    role: 'time',
    unit: null,
    grain: change.grain,
  };
  const outputs: Output[] = [
    { sql: 'cur.t', column: periodColumn },
    ...rows.groups.map((g) => ({ sql: g.select.replaceAll(g.key, `cur.${g.key}`), column: g.column })),
  ];
  plan.measures.forEach((measure, i) => {
    const sqls = changeSql(`cur.m${i}`, `base.m${i}`);
    changeColumns(measure, rows, against).forEach((column, j) => outputs.push({ sql: sqls[j] ?? 'NULL', column }));
  });
  const { select, columns } = selectOutputs(outputs);
  select.push('sum(cur.n) OVER () AS matched_rows');
  const limit = params.bind(Math.min(plan.limit ?? MAX_RESULT_ROWS, MAX_RESULT_ROWS));
  const sql = [
    `WITH ${rows.cte},`,
    periods,
    `SELECT ${select.join(',\n  ')}`,
    join,
    `ORDER BY ${[...rankedBy(plan), 'cur.t', ...keys.map((k) => `cur.${k} NULLS LAST`)].join(', ')}`,
    `LIMIT ${limit}`,
  ].join('\n');
  return { kind: 'aggregate', sql, params: params.values, columns, summary: ['matchedRows'] };
}

/** A series sorted by measure is ranked by the change of its first measure ("the biggest jump"), periods without a base last. */
function rankedBy(plan: AnalysisPlan): string[] {
  if (plan.sort?.by !== 'measure') return [];
  return [`cur.m0 - base.m0 ${plan.sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`];
}

/** The base period of each period `cur.t` in a series of changes. */
function eachBase(change: Change, years: boolean, params: SqlParams): string {
  const step = (n: number, grain: PeriodGrain) =>
    years ? `cur.t - ${n}` : `CAST(cur.t - INTERVAL ${n} ${grain.toUpperCase()} AS DATE)`;
  switch (change.against) {
    case 'previous':
      return step(1, change.grain);
    case 'year_ago':
      return change.grain === 'week' && !years ? step(52, 'week') : step(1, 'year');
    case 'first':
      return '(SELECT min(t) FROM periods)';
    default:
      return years
        ? `CAST(${params.bind(change.against, 'DOUBLE')} AS INTEGER)`
        : `CAST(date_trunc('${change.grain}', ${params.bind(change.against, 'TIMESTAMP')}) AS DATE)`;
  }
}
