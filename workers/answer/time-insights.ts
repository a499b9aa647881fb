import type { DatasetMeta, TimeGrain } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { chartUnit } from './chart-unit';
import type { Insight } from './insight';
import { capitalize, measureNoun, verbFor } from './measure-words';
import { outlierInsight } from './outlier-insight';
import { partialFirst, partialNote, splitPartialLast } from './partial-period';
import { periodLabel } from './period-words';
import { ranksByMeasure, type ResultView, type TimePoint, timeSeries } from './result-view';
import { changeOf, extremesOf } from './series-stats';
import { StatedNumbers } from './stated-numbers';

/**
 * Insights of a time series (of the first measure, totalled across a split):
 * the change from the first bucket to the last (like for like: the same month
 * of an earlier year), the peak and the low, and buckets that stand out. A first
 * or last bucket the data only partly covers is left out of all three, where
 * its small value would mislead, and the change says so.
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

  const { complete: toLast, partial } = splitPartialLast(plan, meta, view.time, series);
  const early = partialFirst(plan, meta, view.time, toLast);
  const complete = early === null ? toLast : toLast.slice(1);

  const insights: Insight[] = [];
  const ends = likeForLike(complete, grain);
  const change = ends && changeOf([ends[0].value, ends[1].value]);
  if (ends && change) {
    const said = new StatedNumbers();
    const between = () =>
      `from ${label(ends[0])} (${said.amount(change.first, unit)}) ` +
      `to ${label(ends[1])} (${said.amount(change.last, unit)})`;
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
    const note = partialNote([early, partial], label);
    insights.push({ kind: 'change', ...said.statement(`${moved}${note}.`) });
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

/**
 * The two points a change over the series is read between: its ends, or for
 * months and quarters over several years the latest point and the
 * earliest one at the same time of year (Dec 2014 to Dec 2017, never a low
 * January against a high December).
 */
function likeForLike(points: readonly TimePoint[], grain: TimeGrain): [TimePoint, TimePoint] | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return null;
  if (grain !== 'month' && grain !== 'quarter') return [first, last];
  const same = points.find(
    (p) => p.iso.slice(5, 10) === last.iso.slice(5, 10) && p.iso.slice(0, 4) < last.iso.slice(0, 4),
  );
  return [same ?? first, last];
}
