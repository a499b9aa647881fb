/**
 * Chart spec → PNG. The worker fills in a `ChartSpec`, calls `renderChart`,
 * and reuses the formatting and the pure chart rules in its answer text.
 */
export { renderChart, type RenderChartOptions } from './render-chart';
export {
  chartSpecSchema,
  unitSchema,
  timeGrainSchema,
  type ChartSpec,
  type ChartKind,
  type CategoricalSpec,
  type ScatterSpec,
  type HistogramSpec,
  type KpiSpec,
  type Unit,
  type TimeGrain,
  type Series,
  type Point,
  type Trend,
  type Bin,
} from './chart-spec';
export { formatNumber, formatDate, titleWithUnit, type FormatNumberOptions, type FormatDateOptions } from './format';
export { foldSeries, MAX_SERIES } from './series-folding';
export { prefersHorizontal, fitsDoughnut, MAX_DOUGHNUT_PARTS } from './chart-choice';
export { fitTrend } from './trend';
export { registerChartFonts, DEFAULT_FONT_DIR } from './fonts';
export { ChartError, type ChartErrorCode } from './errors';
