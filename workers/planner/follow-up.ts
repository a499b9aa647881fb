import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';
import { chooseChart } from './chart-choice';
import { dataRange, timeColumns } from './dataset-time';
import { emptyReading, type FilterChoice, type Reading } from './question-reading';
import { pointLabel, spanLabel } from './time-periods';

/**
 * Whether a question refines the previous answer instead of starting over:
 * it says so ("now", "only", "instead", "what about", "also"), or it names no
 * measure but changes something a plan has (a grouping, a filter, a chart, a ranking).
 */
export function isFollowUp(reading: Reading): boolean {
  if (reading.followUp.refine || reading.followUp.add) return true;
  if (reading.measures.length > 0 || reading.overview) return false;
  return (
    reading.dimensions.length > 0 ||
    reading.filters.length > 0 ||
    reading.chart !== undefined ||
    reading.ranking !== undefined ||
    reading.comparison !== undefined ||
    reading.share ||
    reading.kind !== undefined ||
    reading.trend
  );
}

/**
 * A previous plan as a reading, so a follow-up can be merged onto it. Its
 * chart counts as asked for only when it differs from the one the plan would
 * get anyway (someone said "as a bar chart" earlier).
 */
export function readingFromPlan(plan: AnalysisPlan, meta: DatasetMeta): Reading {
  const column = (name: string | null) => (name === null ? null : (meta.columns.find((c) => c.name === name) ?? null));
  const reading = emptyReading();
  reading.measures = plan.measures.map((m) => ({
    column: column(m.column),
    aggregation: m.aggregation,
    words: m.column ?? 'rows',
  }));
  reading.dimensions = plan.dimensions.flatMap((d) => {
    const profile = column(d.column);
    return profile ? [{ column: profile, grain: d.grain, words: d.column }] : [];
  });
  reading.filters = plan.filters.map((filter) => ({
    filter,
    label: filterLabel(filter),
    time: column(filter.column)?.role === 'time',
  }));
  if (plan.comparison) {
    reading.comparison = { comparison: plan.comparison, time: column(plan.comparison.column)?.role === 'time' };
  }
  if (plan.limit !== undefined && plan.sort?.by === 'measure') {
    reading.ranking = { direction: plan.sort.direction, limit: plan.limit, headline: false };
  }
  reading.share = plan.share;
  if (plan.kind !== 'aggregate') reading.kind = plan.kind;
  const ranked = reading.ranking !== undefined && plan.dimensions.length > 0;
  if (plan.chart !== chooseChart(plan, meta, ranked)) reading.chart = plan.chart;
  const time = reading.dimensions.find((d) => d.column.role === 'time')?.column;
  reading.timeColumn = time ?? timeColumns(meta)[0] ?? null;
  return reading;
}

/** A filter's label for the title, as the question that made it would have put it ("2016", "since Mar 2015"). */
function filterLabel(filter: Filter): string {
  if (filter.op === 'in') return filter.values.join(', ');
  if (filter.op === 'not_in') return `excluding ${filter.values.join(', ')}`;
  if (filter.op !== 'range') return filter.column;
  // Year-number columns are bounded by years: 2016 to 2017 is 2016.
  const iso = (bound: string | number | boolean | undefined) =>
    bound === undefined ? undefined : typeof bound === 'number' ? `${bound}-01-01` : String(bound).slice(0, 10);
  const from = iso(filter.from);
  const to = iso(filter.to);
  if (from !== undefined && to !== undefined) return spanLabel(from, to);
  return from !== undefined ? `since ${pointLabel(from)}` : `before ${pointLabel(to ?? '')}`;
}

/**
 * Applies a follow-up to the previous reading: a new measure replaces the old
 * ("what about profit", keeping an average an average), new groupings replace
 * the old ones or, with "also"/"split by", join them, a filter replaces the
 * filter on the same column ("only 2017", "just the West"), and a ranking,
 * share, kind or chart asked for replaces the previous one.
 */
export function mergeFollowUp(previous: Reading, next: Reading): Reading {
  const merged: Reading = {
    ...previous,
    understood: ['follow-up: refining the previous answer', ...next.understood],
    problems: [],
  };
  if (next.measures.length > 0) {
    const [old] = previous.measures;
    const kept = old?.aggregation && ['avg', 'median', 'min', 'max'].includes(old.aggregation) ? old.aggregation : null;
    const measures = next.measures.map((m) => ({
      ...m,
      aggregation: m.aggregation ?? (m.column?.role === 'measure' ? kept : null),
    }));
    // "what about sales" after "discount vs profit" keeps discount on x.
    const [x] = previous.measures;
    const keepX = previous.kind === 'relationship' && measures.length === 1 && next.kind === undefined && x;
    merged.measures = keepX ? [x, ...measures] : measures;
  }
  const structural = next.dimensions.length > 0 || next.kind !== undefined || next.share || next.trend;
  if (next.dimensions.length > 0) {
    const all = next.followUp.add ? [...previous.dimensions, ...next.dimensions] : next.dimensions;
    merged.dimensions = all.filter((d, i) => all.findIndex((o) => o.column === d.column) === i);
  }
  if (next.trend && !merged.dimensions.some((d) => d.column.role === 'time')) merged.trend = true;
  if (next.comparison) {
    merged.comparison = next.comparison;
    merged.filters = merged.filters.filter((f) => f.filter.column !== next.comparison?.comparison.column);
  }
  for (const filter of next.filters) applyFilter(merged, filter);
  if (next.ranking) merged.ranking = { ...next.ranking, limit: next.ranking.limit ?? previous.ranking?.limit };
  if (next.share) merged.share = true;
  if (next.kind) merged.kind = next.kind;
  merged.chart = next.chart ?? (structural ? undefined : previous.chart);
  merged.rowsNamed = previous.rowsNamed || next.rowsNamed;
  merged.overview = false;
  return merged;
}

function applyFilter(merged: Reading, filter: FilterChoice): void {
  const column = filter.filter.column;
  const sameColumn = (f: FilterChoice) => f.filter.column === column;
  merged.filters = [...merged.filters.filter((f) => !sameColumn(f)), filter];
  if (merged.comparison?.comparison.column === column) merged.comparison = undefined;
}

/** The time column a follow-up's time phrases refer to: the one the previous plan grouped or filtered by. */
export function followUpTimeColumn(previous: AnalysisPlan, meta: DatasetMeta): ColumnProfile | null {
  const names = [...previous.dimensions.map((d) => d.column), ...previous.filters.map((f) => f.column)];
  const used = timeColumns(meta).find((c) => names.includes(c.name) && dataRange(c));
  return used ?? timeColumns(meta)[0] ?? null;
}
