import { renderChart, type ChartSpec } from '../../charts';
import { chartUnit } from '../answer/chart-unit';
import { periodLabel } from '../answer/period-words';
import { chartFileName } from '../conversation/answer-replies';
import type { ChartImage } from '../conversation/reply';
import type { DigestFindings } from './digest-words';

/** Periods the series chart shows: two years of months, half a year of weeks; older ones crowd the bars. */
export const CHARTED_PERIODS = 26;

/**
 * The series as bars, the latest complete period in its own colour: a stacked bar chart whose two
 * series never share a period, so each bar has one colour and the latest stands out.
 */
export function seriesChartSpec(findings: DigestFindings): ChartSpec {
  const points = findings.series.slice(-CHARTED_PERIODS);
  const last = points.length - 1;
  const latest = periodLabel(findings.headline.periods.current.from, findings.grain);
  return {
    kind: 'stacked-bar',
    title: `${findings.measureName} by ${findings.grain}`,
    subtitle: `${latest} highlighted`,
    x: { title: '', scale: 'time', grain: findings.grain },
    y: { title: findings.measureName, unit: chartUnit(findings.unit) },
    labels: points.map((point) => point.iso.slice(0, 10)),
    series: [
      { name: 'Earlier', values: points.map((point, i) => (i === last ? null : point.value)) },
      { name: latest, values: points.map((point, i) => (i === last ? point.value : null)) },
    ],
  };
}

/** Each named driver's and detractor's change, largest first on each side; `undefined` without drivers. */
export function driversChartSpec(findings: DigestFindings): ChartSpec | undefined {
  const drivers = findings.drivers;
  if (!drivers) return undefined;
  const members = [...drivers.found.drivers, ...drivers.found.detractors];
  if (members.length === 0) return undefined;
  return {
    kind: 'horizontal-bar',
    title: `What moved ${findings.measureName}, by ${drivers.dimension}`,
    subtitle: `Change in ${periodLabel(findings.headline.periods.current.from, findings.grain)}`,
    x: { title: drivers.dimension, scale: 'category' },
    y: { title: 'Change', unit: chartUnit(findings.unit) },
    labels: members.map((member) => member.member),
    series: [{ name: 'Change', values: members.map((member) => member.change) }],
  };
}

/** The digest's charts as images: the series, then the drivers when there are any. */
export async function digestCharts(findings: DigestFindings): Promise<ChartImage[]> {
  const specs = [seriesChartSpec(findings), driversChartSpec(findings)].filter((spec) => spec !== undefined);
  return Promise.all(
    specs.map(async (spec) => ({
      png: await renderChart(spec),
      title: spec.title,
      filename: chartFileName(spec.title),
    })),
  );
}
