import { z } from 'zod';
import { parseIsoDate } from './iso-date';

/**
 * How to print a value. Percent values are fractions: 0.125 is 12.5%.
 * Currency codes are ISO 4217 (`USD`, `EUR`, `GBP`, `JPY`, ...).
 */
export const unitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('currency'), code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code') }),
  z.object({ kind: z.literal('percent') }),
  z.object({ kind: z.literal('number') }),
]);
export type Unit = z.infer<typeof unitSchema>;

/** The period one time label stands for; it decides how the label is printed. */
export const timeGrainSchema = z.enum(['hour', 'day', 'week', 'month', 'quarter', 'year']);
export type TimeGrain = z.infer<typeof timeGrainSchema>;

/**
 * The category axis of line and bar charts. With `scale: 'time'` the labels
 * are ISO 8601 dates printed at `grain` (default `day`; a week label is the
 * week's first day); with `'linear'` they are numbers printed with `unit`.
 */
export const categoryAxisSchema = z.object({
  title: z.string(),
  scale: z.enum(['time', 'category', 'linear']),
  grain: timeGrainSchema.optional(),
  unit: unitSchema.optional(),
});

/** A numeric axis: its title and how its values print. */
export const valueAxisSchema = z.object({
  title: z.string(),
  unit: unitSchema.optional(),
});

/** One line, one bar colour, or the parts of a doughnut; `null` is a gap. */
export const seriesSchema = z.object({
  name: z.string(),
  values: z.array(z.number().nullable()),
});
export type Series = z.infer<typeof seriesSchema>;

const heading = {
  title: z.string(),
  subtitle: z.string().optional(),
};

/**
 * Charts of values per label: `line` (time series, one line per series),
 * `bar` (grouped when several series), `horizontal-bar` (for long labels),
 * `stacked-bar` (shares over time) and `doughnut` (one series of at most six
 * non-negative parts; otherwise it is drawn as a bar chart). Every series has
 * one value per label.
 */
export const categoricalSpecSchema = z
  .object({
    kind: z.enum(['line', 'bar', 'horizontal-bar', 'stacked-bar', 'doughnut']),
    ...heading,
    x: categoryAxisSchema,
    y: valueAxisSchema,
    labels: z.array(z.string()),
    series: z.array(seriesSchema),
  })
  .superRefine((spec, ctx) => {
    spec.series.forEach((series, index) => {
      if (series.values.length !== spec.labels.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['series', index, 'values'],
          message: `series "${series.name}" has ${series.values.length} values for ${spec.labels.length} labels`,
        });
      }
    });
    if (spec.x.scale !== 'time') return;
    spec.labels.forEach((label, index) => {
      if (parseIsoDate(label) === null) {
        ctx.addIssue({ code: 'custom', path: ['labels', index], message: `"${label}" is not an ISO 8601 date` });
      }
    });
  });

/** A least-squares line `y = slope * x + intercept` with Pearson's `r`. */
export const trendSchema = z.object({
  slope: z.number(),
  intercept: z.number(),
  r: z.number().min(-1).max(1),
});
export type Trend = z.infer<typeof trendSchema>;

export const pointSchema = z.object({ x: z.number(), y: z.number() });
export type Point = z.infer<typeof pointSchema>;

/** Two measures against each other, with an optional trend line. */
export const scatterSpecSchema = z.object({
  kind: z.literal('scatter'),
  ...heading,
  x: valueAxisSchema,
  y: valueAxisSchema,
  points: z.array(pointSchema),
  trend: trendSchema.optional(),
});

/** A bin covers `from` up to `to`. */
export const binSchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int().nonnegative(),
});
export type Bin = z.infer<typeof binSchema>;

/**
 * The distribution of one measure; `x.unit` prints the bin edges. Bins are
 * expected to be contiguous and of equal width, as a histogram's are; bars of
 * unequal bins meet halfway between their centres.
 */
export const histogramSpecSchema = z.object({
  kind: z.literal('histogram'),
  ...heading,
  x: valueAxisSchema,
  y: valueAxisSchema,
  bins: z.array(binSchema),
});

/**
 * One headline number. `delta.value` is a fraction (0.125 is +12.5%); it is
 * green when it moves in the `better` direction (default `up`), red otherwise.
 */
export const kpiSpecSchema = z.object({
  kind: z.literal('kpi'),
  ...heading,
  value: z.number(),
  label: z.string(),
  unit: unitSchema.optional(),
  delta: z
    .object({
      value: z.number(),
      label: z.string(),
      better: z.enum(['up', 'down']).optional(),
    })
    .optional(),
});

/** What the worker asks `renderChart` to draw, validated at that boundary. */
export const chartSpecSchema = z.discriminatedUnion('kind', [
  categoricalSpecSchema,
  scatterSpecSchema,
  histogramSpecSchema,
  kpiSpecSchema,
]);

export type ChartSpec = z.infer<typeof chartSpecSchema>;
export type CategoricalSpec = z.infer<typeof categoricalSpecSchema>;
export type ScatterSpec = z.infer<typeof scatterSpecSchema>;
export type HistogramSpec = z.infer<typeof histogramSpecSchema>;
export type KpiSpec = z.infer<typeof kpiSpecSchema>;
export type ChartKind = ChartSpec['kind'];
