import type { ChartConfiguration } from 'chart.js';
import { backgroundPlugin } from './background-plugin';
import { headingOptions, legendOptions, valueScale, staticChartOptions } from './chart-options';
import type { ScatterSpec } from './chart-spec';
import { formatNumber } from './format';
import { legendGapPlugin } from './legend-gap-plugin';
import { SERIES_COLORS } from './palette';

const POINT_COLOR = SERIES_COLORS[0];
const TREND_COLOR = SERIES_COLORS[3];
// Hex alpha: dense clouds show their density through overlap.
const POINT_ALPHA = '99';
const MANY_POINTS = 400;

/**
 * The Chart.js configuration of a scatter plot; with a trend, a dashed line
 * across the points' x range whose legend entry gives `r`.
 */
export function scatterConfig(spec: ScatterSpec, width: number): ChartConfiguration<'scatter'> {
  const { trend } = spec;
  // A loop rather than Math.min(...xs): spreading 100,000 points overflows the stack.
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const { x } of spec.points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
  }
  const trendLabel = trend === undefined ? '' : `Trend (r = ${formatNumber(trend.r, undefined, { digits: 2 })})`;

  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: spec.y.title,
          data: spec.points,
          backgroundColor: POINT_COLOR + POINT_ALPHA,
          borderWidth: 0,
          pointRadius: spec.points.length > MANY_POINTS ? 2.5 : 4,
        },
        ...(trend === undefined
          ? []
          : [
              {
                label: trendLabel,
                data: [minX, maxX].map((x) => ({ x, y: trend.slope * x + trend.intercept })),
                showLine: true,
                borderColor: TREND_COLOR,
                backgroundColor: TREND_COLOR,
                borderWidth: 2.5,
                borderDash: [8, 5],
                pointRadius: 0,
                pointStyle: 'line' as const,
              },
            ]),
      ],
    },
    options: {
      ...staticChartOptions(),
      scales: {
        x: { ...valueScale(spec.x, { beginAtZero: false }), position: 'bottom' },
        y: valueScale(spec.y, { beginAtZero: false }),
      },
      plugins: {
        ...headingOptions(spec, width),
        legend: {
          ...legendOptions(trend !== undefined),
          // The points need no key; the trend line does.
          labels: { ...legendOptions(true).labels, filter: (item) => item.datasetIndex === 1 },
        },
      },
    },
    plugins: [backgroundPlugin, legendGapPlugin],
  };
}
