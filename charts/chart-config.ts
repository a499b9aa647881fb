import type { ChartConfiguration } from 'chart.js';
import { cartesianConfig } from './cartesian-config';
import { fitsDoughnut, prefersHorizontal } from './chart-choice';
import type { CategoricalSpec, HistogramSpec, ScatterSpec } from './chart-spec';
import { doughnutConfig } from './doughnut-config';
import { histogramConfig } from './histogram-config';
import { scatterConfig } from './scatter-config';

/** Every spec Chart.js draws; a KPI card is drawn without it. */
export type ChartJsSpec = CategoricalSpec | ScatterSpec | HistogramSpec;

/**
 * The Chart.js configuration for a spec. A doughnut that would mislead (too
 * many parts, negative parts, several series) becomes a bar chart, lying down
 * when its labels are long.
 */
export function chartConfig(
  spec: ChartJsSpec,
  width: number,
): ChartConfiguration<'line' | 'bar' | 'doughnut' | 'scatter'> {
  switch (spec.kind) {
    case 'scatter':
      return scatterConfig(spec, width);
    case 'histogram':
      return histogramConfig(spec, width);
    case 'doughnut':
      if (fitsDoughnut(spec.labels, spec.series)) return doughnutConfig(spec, width);
      return cartesianConfig(spec, prefersHorizontal(spec.labels) ? 'horizontal-bar' : 'bar', width);
    default:
      return cartesianConfig(spec, spec.kind, width);
  }
}
