import type { ChartConfiguration } from 'chart.js';
import { backgroundPlugin } from './background-plugin';
import { headingOptions, legendOptions, valueScale, staticChartOptions } from './chart-options';
import type { HistogramSpec } from './chart-spec';
import { SERIES_COLORS } from './palette';
import { COLORS } from './theme';

/**
 * The Chart.js configuration of a histogram: touching bars on a numeric axis
 * whose ticks sit on the bin edges, so each bar spans its bin exactly (bins
 * of unequal width meet halfway between their centres).
 */
export function histogramConfig(spec: HistogramSpec, width: number): ChartConfiguration<'bar'> {
  const edges = [...new Set(spec.bins.flatMap((bin) => [bin.from, bin.to]))].sort((a, b) => a - b);
  const xAxis = valueScale(spec.x, { beginAtZero: false });

  return {
    type: 'bar',
    data: {
      datasets: [
        {
          label: spec.y.title,
          // Chart.js's types allow only numbers for bars, but its bar
          // controller parses {x, y} points on a linear axis.
          data: spec.bins.map((bin) => ({ x: (bin.from + bin.to) / 2, y: bin.count })) as unknown as number[],
          backgroundColor: SERIES_COLORS[0],
          // A hairline keeps neighbouring bins apart without opening a gap.
          borderColor: COLORS.background,
          borderWidth: { left: 0.5, right: 0.5 },
          borderSkipped: 'start',
          barThickness: 'flex',
          categoryPercentage: 1,
          barPercentage: 1,
        },
      ],
    },
    options: {
      ...staticChartOptions(),
      scales: {
        x: {
          ...xAxis,
          min: edges[0],
          max: edges[edges.length - 1],
          offset: false,
          grid: { display: false },
          border: { display: true, color: COLORS.axis },
          ticks: { ...xAxis.ticks, autoSkipPadding: 14, maxRotation: 0 },
          afterBuildTicks(scale) {
            scale.ticks = edges.map((value) => ({ value }));
          },
        },
        y: valueScale(spec.y, { beginAtZero: true, integers: true }),
      },
      plugins: { ...headingOptions(spec, width), legend: legendOptions(false) },
    },
    plugins: [backgroundPlugin],
  };
}
