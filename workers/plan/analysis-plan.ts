import { z } from 'zod';
import { TimeGrain } from '../../core/dataset';

/**
 * What to compute, independent of how the question was asked. The offline
 * planner and the LLM both produce one; it is validated against the dataset's
 * columns and compiled to SQL with quoted identifiers and bound values, so a
 * plan can never run anything but a read of its own table.
 *
 * Version 2 adds, each as an optional part so that a version 1 plan is a
 * version 2 plan with fewer parts: ratios of two aggregates (`per`), cyclic
 * grains (`cycle`), comparisons of numbers and per-entity conditions in
 * filters, periods relative to the data's last date (`latest`), the change
 * of a measure between periods (`change`) and rankings within each group
 * (`topPerGroup`). Stored version 1 plans are upgraded when they are read.
 */

export const Aggregation = z.enum(['sum', 'avg', 'median', 'count', 'count_distinct', 'min', 'max']);
export type Aggregation = z.infer<typeof Aggregation>;

/** One aggregate of one column. `column` is null only for `count` (count of rows). */
export const Aggregate = z.object({
  column: z.string().nullable(),
  aggregation: Aggregation,
});
export type Aggregate = z.infer<typeof Aggregate>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The rows whose `column` holds one of `values`. */
export const Part = z.object({ column: z.string(), values: z.array(Scalar).min(1) });
export type Part = z.infer<typeof Part>;

/**
 * An aggregated number. With `per`, it is a ratio of two aggregates over the
 * same rows: margin is sum of Profit per sum of Sales, profit per unit sum of
 * Profit per sum of Quantity, average order value sum of Sales per distinct
 * count of Order ID. With `part` as well, the first aggregate reads only the
 * part's rows: a share of one value in each total ("share of Renewables in
 * net generation by year": net_generation of Renewables per all
 * net_generation). `format: 'percent'` shows the value (a fraction) as a
 * percentage; `label` is what people call the measure ("Profit Margin").
 */
export const Measure = Aggregate.extend({
  per: Aggregate.extend({
    /**
     * With a distinct count of a time column, the periods counted rather than
     * the dates: sales by month of the year per distinct month is the average
     * of each month's total over the years.
     */
    grain: TimeGrain.optional(),
  }).optional(),
  part: Part.optional(),
  format: z.enum(['number', 'percent']).optional(),
  label: z.string().min(1).max(60).optional(),
});
export type Measure = z.infer<typeof Measure>;

/**
 * Positions in a repeating cycle of a time column, ordered naturally (Monday
 * first, January first), whatever the year: "orders by weekday", "sales by
 * hour of day", "revenue by month of the year across all years".
 */
export const Cycle = z.enum(['day_of_week', 'hour_of_day', 'month_of_year', 'quarter_of_year']);
export type Cycle = z.infer<typeof Cycle>;

/**
 * A grouping: a dimension column, a time column truncated to a grain, or a
 * time column's position in a cycle (`grain` and `cycle` exclude each other).
 */
export const Dimension = z.object({
  column: z.string(),
  grain: TimeGrain.optional(),
  cycle: Cycle.optional(),
});
export type Dimension = z.infer<typeof Dimension>;

/** How a number is compared: "over" `>`, "at least" `>=`, "under" `<`, "at most" `<=`. */
export const Comparator = z.enum(['>', '>=', '<', '<=']);
export type Comparator = z.infer<typeof Comparator>;

/** Calendar periods a change or a relative period is counted in. */
export const PeriodGrain = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type PeriodGrain = z.infer<typeof PeriodGrain>;

/**
 * Row filters, applied before aggregation (all must hold).
 * - `in` / `not_in`: the column's value is (not) one of `values`.
 * - `range`: time or number bounds, ISO 8601 for dates: `from` inclusive, `to` exclusive
 *   (`2016-01-01` to `2017-01-01` is 2016).
 * - `compare`: the column's value against one number or date ("Sales over 5000").
 * - `latest`: the latest `count` periods of `grain` of a time column, counting the period that
 *   holds the data's last date ("this year", "year to date", "last 6 months"): relative to the
 *   data, never to today.
 * - `having`: keeps the rows of each member of `column` (an entity: an order, a customer) whose
 *   aggregate over its rows (after the other filters) passes the comparison ("orders that lost
 *   money": Order ID whose sum of Profit < 0). Count the entities with a `count_distinct` measure.
 */
export const Filter = z.discriminatedUnion('op', [
  z.object({ op: z.literal('in'), column: z.string(), values: z.array(Scalar).min(1) }),
  z.object({ op: z.literal('not_in'), column: z.string(), values: z.array(Scalar).min(1) }),
  z.object({ op: z.literal('range'), column: z.string(), from: Scalar.optional(), to: Scalar.optional() }),
  z.object({ op: z.literal('compare'), column: z.string(), comparator: Comparator, value: Scalar }),
  z.object({
    op: z.literal('latest'),
    column: z.string(),
    grain: PeriodGrain,
    count: z.number().int().positive().max(1000).default(1),
  }),
  z.object({
    op: z.literal('having'),
    column: z.string(),
    measure: Aggregate,
    comparator: Comparator,
    value: z.number(),
  }),
]);
export type Filter = z.infer<typeof Filter>;

/** One side of a comparison: a labelled period of a time column, or a set of values of a dimension. */
export const ComparisonSide = z.object({
  label: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  values: z.array(Scalar).optional(),
});
export type ComparisonSide = z.infer<typeof ComparisonSide>;

/**
 * "2016 vs 2017", "Q3 vs Q2" (periods of a time column) or "West vs East"
 * (values of a dimension): the result gets one group per side, in order.
 */
export const Comparison = z.object({
  column: z.string(),
  sides: z.array(ComparisonSide).min(2).max(6),
});
export type Comparison = z.infer<typeof Comparison>;

/** Which period a change is measured for. */
export const ChangePeriod = z.enum(['latest', 'latest_complete', 'to_date', 'each']);
export type ChangePeriod = z.infer<typeof ChangePeriod>;

/** What a change is measured against. */
export const ChangeBase = z.enum(['previous', 'year_ago', 'first']);
export type ChangeBase = z.infer<typeof ChangeBase>;

/**
 * The change of each measure between two periods of `grain` of a time
 * column, absolute and in percent, for each group of the plan's dimensions
 * ("profit growth by segment", "this year vs last", "week-over-week orders").
 *
 * `period` is the period measured:
 * - `latest`: the period holding the data's last date (may be partial),
 * - `latest_complete`: the last period the data covers in full,
 * - `to_date`: the latest period up to the last date, against the same span of the base period
 *   ("year to date vs the same days last year"),
 * - `each`: every period, as a series (the result is grouped by period first; with a sort by
 *   measure, ranked by the change of the first measure: "which month had the biggest jump"),
 * - an ISO date: the period holding it ("2017").
 *
 * `against` is the base: the `previous` period, the period a year earlier (`year_ago`), the
 * data's `first` period ("first vs last quarter"), or an ISO date (the period holding it).
 *
 * Digests use `{ period: 'latest_complete', against: 'previous' | 'year_ago' }` with a dimension
 * to find what moved and which members drove it.
 */
export const Change = z.object({
  column: z.string(),
  grain: PeriodGrain,
  period: z.union([ChangePeriod, z.string()]).default('latest'),
  against: z.union([ChangeBase, z.string()]).default('previous'),
});
export type Change = z.infer<typeof Change>;

/**
 * The top (or bottom) `n` members of the second dimension within each member
 * of the first, ranked by the first measure ("top 2 products in each region").
 */
export const TopPerGroup = z.object({
  n: z.number().int().positive().max(100),
  direction: z.enum(['desc', 'asc']).default('desc'),
});
export type TopPerGroup = z.infer<typeof TopPerGroup>;

export const ChartKind = z.enum([
  'line',
  'bar',
  'horizontal-bar',
  'stacked-bar',
  'doughnut',
  'scatter',
  'histogram',
  'kpi',
  'table',
]);
export type ChartKind = z.infer<typeof ChartKind>;

export const Sort = z.object({
  /** `measure` sorts by the first measure; `dimension` by the first dimension (time order for time). */
  by: z.enum(['measure', 'dimension']),
  direction: z.enum(['asc', 'desc']),
});
export type Sort = z.infer<typeof Sort>;

/** The current plan, as planners write it and as it is stored. */
export const AnalysisPlanV2 = z.object({
  version: z.literal(2),
  /**
   * `aggregate`: measures grouped by 0–2 dimensions (totals, breakdowns, trends, top N, shares,
   *   comparisons, changes, rankings within groups).
   * `relationship`: measures[0] on x against measures[1] on y (scatter, correlation, trend line): one point
   *   per row (aggregations ignored) or, with a dimension, one point per group (aggregated).
   * `distribution`: measures[0]'s column binned into a histogram: each row's value (aggregation ignored) or,
   *   with one dimension, each group's aggregate ("distribution of order value": Sales summed per Order ID).
   */
  kind: z.enum(['aggregate', 'relationship', 'distribution']),
  measures: z.array(Measure).min(1).max(4),
  dimensions: z.array(Dimension).max(2).default([]),
  filters: z.array(Filter).default([]),
  sort: Sort.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
  comparison: Comparison.optional(),
  change: Change.optional(),
  topPerGroup: TopPerGroup.optional(),
  /** `share`: the answer is each group's part of the total (pie/doughnut, stacked bars). */
  share: z.boolean().default(false),
  chart: ChartKind,
  title: z.string().max(200),
});

/**
 * A stored version 1 plan (thread state, follow-ups) is a version 2 plan
 * without the new parts, so upgrading it is a matter of its version number.
 */
function upgradeStoredPlan(input: unknown): unknown {
  if (typeof input === 'object' && input !== null && (input as { version?: unknown }).version === 1) {
    return { ...input, version: 2 };
  }
  return input;
}

/** Parses a plan of either version into the current one. */
export const AnalysisPlan = z.preprocess(upgradeStoredPlan, AnalysisPlanV2);
export type AnalysisPlan = z.infer<typeof AnalysisPlanV2>;
