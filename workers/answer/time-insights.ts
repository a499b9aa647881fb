import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import type { Insight } from './insight';
import { capitalize, measureNoun, verbFor } from './measure-words';
import { outlierInsight } from './outlier-insight';
import { periodLabel } from './period-words';
import { ranksByMeasure, type ResultView, type TimePoint, timeSeries } from './result-view';
import { extremesOf } from './series-stats';
import { StatedNumbers } from './stated-numbers';
import { basisWords, readTrend } from './trend-change';

/**
 * Insights of a time series (of the first measure, totalled across a split):
 * the change the headline states too (see {@link readTrend}: complete years,
 * the same month of an earlier year, or the first bucket against the last),
 * the peak and the low, and buckets that stand out. A first or last bucket
 * the data only partly covers is left out of all three, where its small value
 * would mislead, and the change says so.
 */
export function timeInsights(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta, view: ResultView): Insight[] {
  const measure = view.measures[0];
  if (measure === undefined || view.time === null || ranksByMeasure(plan)) return [];
  const series = timeSeries(result, view, measure);
  if (series === null || series.length < 2) return [];
  const unit = chartUnit(measure.column.unit);
  const noun = capitalize(measureNoun(measure.column));
  const grain = view.time.grain;
  const label = (point: TimePoint) => periodLabel(point.iso, grain);

  const { complete, cut, comparison } = readTrend(plan, meta, view.time, measure, series);
  const insights: Insight[] = [];
  const change = comparison?.change;
  if (comparison && change) {
    const said = new StatedNumbers();
    const { from, to } = comparison;
    const between = () =>
      `from ${from.label} (${said.amount(change.first, unit)}) to ${to.label} (${said.amount(change.last, unit)})`;
    // A percentage moves in points: "rose by 2% (15.8%)" would leave the reader to guess which is which.
    const by = () =>
      unit.kind === 'percent'
        ? said.points(Math.abs(change.delta))
        : `${said.amount(Math.abs(change.delta), unit)}` +
          `${change.fraction === null ? '' : ` (${said.percent(Math.abs(change.fraction))})`}`;
    const moved =
      change.delta === 0
        ? `${noun} ${verbFor(measure.column)} unchanged ${between()}`
        : `${noun} ${change.delta > 0 ? 'rose' : 'fell'} by ${by()} ${between()}`;
    const basis = basisWords(comparison, grain, said);
    insights.push({ kind: 'change', ...said.statement(`${moved}${basis === null ? '' : `, ${basis}`}${cut}.`) });
  }

  if (complete.length >= 3) {
    const values = complete.map((p) => p.value);
    const { max, min } = extremesOf(values);
    const peak = complete[max] as TimePoint;
    const low = complete[min] as TimePoint;
    if (peak.value !== low.value) {
      const said = new StatedNumbers();
      const text =
        `${noun} peaked in ${label(peak)} at ${said.amount(peak.value, unit)} and ` +
        `${verbFor(measure.column)} lowest in ${label(low)} at ${said.amount(low.value, unit)}.`;
      insights.push({ kind: 'peak-trough', ...said.statement(text) });
    }
    const outliers = outlierInsight(complete.map(label), values, unit, grain, true);
    if (outliers !== null) insights.push(outliers);
  }
  return insights;
}
