import type { ChartConfiguration } from 'chart.js';
import { truncateLabel } from './axis-labels';
import { backgroundPlugin } from './background-plugin';
import { headingOptions, legendOptions, staticChartOptions } from './chart-options';
import type { CategoricalSpec } from './chart-spec';
import { doughnutTotalPlugin } from './doughnut-total-plugin';
import { formatNumber } from './format';
import { seriesColor } from './palette';
import { COLORS, COMPACT_FROM, MAX_LABEL_CHARS } from './theme';

/**
 * The Chart.js configuration of a doughnut whose parts passed `fitsDoughnut`:
 * the legend on the right lists each part with its share, the hole shows the
 * total.
 */
export function doughnutConfig(spec: CategoricalSpec, width: number): ChartConfiguration<'doughnut'> {
  const values = (spec.series[0]?.values ?? []).map((value) => value ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  const labels = spec.labels.map((label) => truncateLabel(label, MAX_LABEL_CHARS.yAxis));
  const colors = spec.labels.map((label, index) => seriesColor(index, label));
  const legend = legendOptions(true);

  return {
    type: 'doughnut',
    data: {
      labels,
      datasets: [
        {
          label: spec.series[0]?.name ?? '',
          data: values,
          backgroundColor: colors,
          borderColor: COLORS.background,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...staticChartOptions(),
      cutout: '60%',
      plugins: {
        ...headingOptions(spec, width),
        legend: {
          ...legend,
          position: 'right',
          align: 'center',
          labels: {
            ...legend.labels,
            padding: 14,
            generateLabels: () =>
              labels.map((label, index) => ({
                text: `${label}   ${formatNumber((values[index] ?? 0) / total, { kind: 'percent' })}`,
                fillStyle: colors[index],
                strokeStyle: colors[index],
                fontColor: COLORS.text,
                lineWidth: 0,
                hidden: false,
                index,
                pointStyle: 'circle' as const,
              })),
          },
        },
      },
    },
    plugins: [
      backgroundPlugin,
      doughnutTotalPlugin(formatNumber(total, spec.y.unit, { compact: Math.abs(total) >= COMPACT_FROM }), 'Total'),
    ],
  };
}
