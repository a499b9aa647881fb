import { z } from 'zod';
import { TimeGrain } from '../../core/dataset';

/**
 * What to compute, independent of how the question was asked. The offline
 * planner and the LLM both produce one; it is validated against the dataset's
 * columns and compiled to SQL with quoted identifiers and bound values, so a
 * plan can never run anything but a read of its own table.
 */

export const Aggregation = z.enum(['sum', 'avg', 'median', 'count', 'count_distinct', 'min', 'max']);
export type Aggregation = z.infer<typeof Aggregation>;

/** An aggregated number. `column` is null only for `count` (count of rows). */
export const Measure = z.object({
  column: z.string().nullable(),
  aggregation: Aggregation,
});
export type Measure = z.infer<typeof Measure>;

/** A grouping: a dimension column, or a time column truncated to a grain. */
export const Dimension = z.object({
  column: z.string(),
  grain: TimeGrain.optional(),
});
export type Dimension = z.infer<typeof Dimension>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Row filters, applied before aggregation. Time bounds are ISO 8601 dates or
 * datetimes: `from` inclusive, `to` exclusive (`2016-01-01` to `2017-01-01` is 2016).
 */
export const Filter = z.discriminatedUnion('op', [
  z.object({ op: z.literal('in'), column: z.string(), values: z.array(Scalar).min(1) }),
  z.object({ op: z.literal('not_in'), column: z.string(), values: z.array(Scalar).min(1) }),
  z.object({ op: z.literal('range'), column: z.string(), from: Scalar.optional(), to: Scalar.optional() }),
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

export const AnalysisPlan = z.object({
  version: z.literal(1),
  /**
   * `aggregate`: measures grouped by 0–2 dimensions (totals, breakdowns, trends, top N, shares, comparisons).
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
  /** `share`: the answer is each group's part of the total (pie/doughnut, stacked bars). */
  share: z.boolean().default(false),
  chart: ChartKind,
  title: z.string().max(200),
});
export type AnalysisPlan = z.infer<typeof AnalysisPlan>;
