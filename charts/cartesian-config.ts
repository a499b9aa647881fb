import type { ChartConfiguration } from 'chart.js';
import { categoryLabels } from './axis-labels';
import { backgroundPlugin } from './background-plugin';
import { categoryScale, headingOptions, legendOptions, valueScale, staticChartOptions } from './chart-options';
import type { CategoricalSpec } from './chart-spec';
import { legendGapPlugin } from './legend-gap-plugin';
import { seriesColor } from './palette';
import { foldSeries } from './series-folding';
import { COLORS, MAX_LABEL_CHARS } from './theme';

/** The kinds drawn with labels along one axis and values along the other. */
export type CartesianKind = 'line' | 'bar' | 'horizontal-bar' | 'stacked-bar';

// Markers help read a few points and clutter many.
const MAX_POINTS_WITH_MARKERS = 24;
// Shares that add up to a whole: allow for floating-point sums such as 1.0000000002.
const WHOLE = 1 + 1e-9;
const NEARLY_WHOLE = 0.9;

/**
 * The Chart.js configuration of a line or bar chart, after folding the
 * series to at most eight.
 */
export function cartesianConfig(
  spec: CategoricalSpec,
  kind: CartesianKind,
  width: number,
): ChartConfiguration<'line' | 'bar'> {
  const horizontal = kind === 'horizontal-bar';
  const stacked = kind === 'stacked-bar';
  const series = foldSeries(spec.series);
  const labels = categoryLabels(spec, horizontal ? MAX_LABEL_CHARS.yAxis : MAX_LABEL_CHARS.xAxis);
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);

  const categoryAxis = categoryScale(spec.x.title, {
    maxRotation: kind === 'line' || horizontal ? 0 : 45,
    vertical: horizontal,
    stacked,
  });
  const valueAxis = valueScale(spec.y, {
    beginAtZero: kind !== 'line' || !isNarrowRange(values),
    stacked,
    ...(stacked && spec.y.unit?.kind === 'percent' && isWholeShares(series.map((s) => s.values)) ? { max: 1 } : {}),
  });

  return {
    type: kind === 'line' ? 'line' : 'bar',
    data: {
      labels,
      datasets: series.map((s, index) => {
        const color = seriesColor(index, s.name);
        return kind === 'line'
          ? {
              type: 'line' as const,
              label: s.name,
              data: s.values,
              borderColor: color,
              backgroundColor: color,
              borderWidth: 2.5,
              pointRadius: labels.length <= MAX_POINTS_WITH_MARKERS ? 3 : 0,
              pointBorderWidth: 0,
              tension: 0,
              spanGaps: false,
            }
          : {
              type: 'bar' as const,
              label: s.name,
              data: s.values,
              backgroundColor: color,
              borderColor: COLORS.background,
              borderWidth: stacked ? { top: 1 } : 0,
              borderRadius: stacked ? 0 : 3,
              borderSkipped: 'start' as const,
              maxBarThickness: 56,
              categoryPercentage: 0.72,
              barPercentage: series.length > 1 ? 0.92 : 1,
            };
      }),
    },
    options: {
      ...staticChartOptions(),
      indexAxis: horizontal ? 'y' : 'x',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { ...headingOptions(spec, width), legend: legendOptions(series.length > 1) },
    },
    plugins: [backgroundPlugin, legendGapPlugin],
  };
}

// Prices that move between 95 and 105 would be a flat line on an axis from
// zero; such lines start near their data instead.
function isNarrowRange(values: readonly number[]): boolean {
  if (values.length === 0) return false;
  const min = values.reduce((a, b) => Math.min(a, b));
  const max = values.reduce((a, b) => Math.max(a, b));
  if (min > 0) return min > max / 2;
  if (max < 0) return max < min / 2;
  return false;
}

// Shares of a whole sum to 1 per label; their axis then ends at exactly 100%.
function isWholeShares(series: readonly (readonly (number | null)[])[]): boolean {
  const length = series[0]?.length ?? 0;
  let largest = 0;
  for (let label = 0; label < length; label++) {
    const total = series.reduce((sum, values) => sum + Math.max(0, values[label] ?? 0), 0);
    if (total > WHOLE) return false;
    largest = Math.max(largest, total);
  }
  return largest >= NEARLY_WHOLE;
}
