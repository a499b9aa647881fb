import type { Unit } from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { binTotal, medianBin, occupiedRange, SKEWED_FROM, skewnessOf, typicalRun } from './bin-stats';
import { chartUnit } from './chart-unit';
import type { Insight } from './insight';
import { capitalize } from './measure-words';
import { StatedNumbers } from './stated-numbers';

/** The measure a histogram is of: its column name and unit. */
export interface DistributionSubject {
  name: string;
  unit: Unit;
}

/**
 * The binned measure: the plan's first measure, in its dataset unit. (The
 * result's measure is the count per bin, which has no unit.)
 */
export function distributionSubject(plan: AnalysisPlan, meta: DatasetMeta): DistributionSubject {
  const name = plan.measures[0]?.column ?? 'Value';
  return { name, unit: chartUnit(meta.columns.find((c) => c.name === name)?.unit) };
}

/**
 * Insights of a histogram: where most values fall, the bin the median is
 * in, and whether a long tail pulls one way.
 */
export function distributionInsights(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): Insight[] {
  const bins = result.bins ?? [];
  const total = binTotal(bins);
  if (total === 0) return [];
  const { name, unit } = distributionSubject(plan, meta);
  const insights: Insight[] = [];

  const run = typicalRun(bins);
  if (run !== null) {
    const said = new StatedNumbers();
    const text =
      `${said.percent(run.share)} of ${name} values (${said.count(run.count)} of ${said.count(total)}) ` +
      `fall between ${said.amount(run.from, unit)} and ${said.amount(run.to, unit)}.`;
    insights.push({ kind: 'typical-range', ...said.statement(text) });
  }

  const middle = medianBin(bins);
  if (middle !== null) {
    const said = new StatedNumbers();
    const text = `The median ${name} value is between ${said.amount(middle.from, unit)} and ${said.amount(middle.to, unit)}.`;
    insights.push({ kind: 'median', ...said.statement(text) });
  }

  const skew = skewnessOf(bins);
  const range = occupiedRange(bins);
  if (skew !== null && range !== null && Math.abs(skew) >= SKEWED_FROM) {
    const said = new StatedNumbers();
    const text =
      skew > 0
        ? `${capitalize(name)} values are right-skewed: most are low, with a tail of high values up to ${said.amount(range.to, unit)}.`
        : `${capitalize(name)} values are left-skewed: most are high, with a tail of low values down to ${said.amount(range.from, unit)}.`;
    insights.push({ kind: 'skew', ...said.statement(text) });
  }
  return insights;
}
