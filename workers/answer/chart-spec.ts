import {
  type CategoricalSpec,
  type ChartSpec,
  fitsDoughnut,
  type HistogramSpec,
  type KpiSpec,
  prefersHorizontal,
  type ScatterSpec,
  titleWithUnit,
  type Unit,
} from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { asShares, type AxisGroup, chartData } from './chart-series';
import { chartUnit } from './chart-unit';
import { changeChart } from './change-answer';
import { rankingsChart } from './group-rankings';
import { resolveComparison } from './comparison-sides';
import { distributionSubject } from './distribution-insights';
import { describeFilters, scopeList } from './filter-words';
import { capitalize, measureTitle } from './measure-words';
import { relationshipFacts } from './relationship-facts';
import { isEmptyResult, numberAt, ranksByMeasure, type ResultView, viewResult } from './result-view';

type CategoricalKind = CategoricalSpec['kind'];
interface Heading {
  title: string;
  subtitle?: string;
}

/**
 * The chart for an answer, following the plan's chart kind where the result
 * can be drawn that way: a line per category over time (at most eight, the
 * rest folded into "Other"), bars that lie down for long labels, shares that
 * stack to 100%, a doughnut only when it is honest (else bars), a scatter with
 * the result's trend line, a histogram of the result's bins, a KPI card with
 * the change against the other side of a comparison. Null for a table, or when
 * there is nothing to draw. The subtitle names the filters.
 *
 * @example
 * chartSpecFor({ ...plan, chart: 'bar' }, salesByRegion, meta)
 * // { kind: 'bar', title: 'Sales by region', x: { title: 'Region', scale: 'category' },
 * //   y: { title: 'Sales (USD)', unit: { kind: 'currency', code: 'USD' } }, labels: [...], series: [...] }
 */
export function chartSpecFor(plan: AnalysisPlan, result: ResultTable, meta: DatasetMeta): ChartSpec | null {
  if (plan.chart === 'table' || isEmptyResult(result)) return null;
  const view = viewResult(plan, result, meta);
  const filters = scopeList(describeFilters(plan.filters, meta, result.lastDate));
  const heading: Heading = filters === '' ? { title: plan.title } : { title: plan.title, subtitle: filters };

  if (plan.change) return changeChart(plan, result, heading);
  if (plan.topPerGroup) return rankingsChart(result, view, heading);
  if (plan.kind === 'distribution' || plan.chart === 'histogram') {
    const histogram = histogramSpec(plan, result, meta, heading);
    if (histogram !== null || plan.kind === 'distribution') return histogram;
  }
  if (plan.kind === 'relationship' || plan.chart === 'scatter') {
    const scatter = scatterSpec(result, view, heading);
    if (scatter !== null || plan.kind === 'relationship') return scatter;
  }
  const grouped = view.time !== null || view.dimensions.length > 0;
  if (plan.chart === 'kpi' || !grouped) {
    const kpi = kpiSpec(plan, result, view, heading);
    if (kpi !== null || !grouped) return kpi;
  }
  return categoricalSpec(plan, result, view, heading);
}

function histogramSpec(
  plan: AnalysisPlan,
  result: ResultTable,
  meta: DatasetMeta,
  heading: Heading,
): HistogramSpec | null {
  const bins = result.bins ?? [];
  if (bins.every((bin) => bin.count === 0)) return null;
  const { name, unit } = distributionSubject(plan, meta);
  return { kind: 'histogram', ...heading, x: { title: titleWithUnit(name, unit), unit }, y: { title: 'Rows' }, bins };
}

function scatterSpec(result: ResultTable, view: ResultView, heading: Heading): ScatterSpec | null {
  const facts = relationshipFacts(result, view);
  if (facts === null || facts.points.length === 0) return null;
  const axis = (name: string, unit: Unit) => ({ title: titleWithUnit(capitalize(name), unit), unit });
  return {
    kind: 'scatter',
    ...heading,
    x: axis(facts.xName, chartUnit(facts.x.column.unit)),
    y: axis(facts.yName, chartUnit(facts.y.column.unit)),
    points: facts.points,
    ...(facts.trend === null ? {} : { trend: facts.trend }),
  };
}

/** One number; with a comparison, the subject side and its change against the reference. */
function kpiSpec(plan: AnalysisPlan, result: ResultTable, view: ResultView, heading: Heading): KpiSpec | null {
  const measure = view.measures[0];
  if (measure === undefined) return null;
  const unit = chartUnit(measure.column.unit);
  const comparison = plan.comparison === undefined ? null : resolveComparison(plan, result, view);
  if (comparison !== null) {
    const { subject, reference } = comparison;
    // A change against zero or a negative reference has no meaningful percent.
    const delta =
      reference.value > 0
        ? { delta: { value: (subject.value - reference.value) / reference.value, label: `vs ${reference.label}` } }
        : {};
    return {
      kind: 'kpi',
      ...heading,
      value: subject.value,
      label: `${measureTitle(measure.column)}, ${subject.label}`,
      unit,
      ...delta,
    };
  }
  if (view.time !== null || view.dimensions.length > 0) return null;
  const value = numberAt(result.rows[0] ?? [], measure.index);
  return value === null ? null : { kind: 'kpi', ...heading, value, label: measureTitle(measure.column), unit };
}

function categoricalSpec(
  plan: AnalysisPlan,
  result: ResultTable,
  view: ResultView,
  heading: Heading,
): CategoricalSpec | null {
  const [first] = view.measures;
  if (first === undefined) return null;
  const overTime = view.time !== null && !ranksByMeasure(plan);
  let kind: CategoricalKind = isCategorical(plan.chart) ? plan.chart : overTime ? 'line' : 'bar';
  const time = view.time === null ? [] : [view.time];
  // Over time, time runs along the axis and a category splits it into series; a ranking of periods is a category.
  const groups = overTime ? [...time, ...view.dimensions] : [...view.dimensions, ...time];
  const [along, split = null] = groups;
  if (along === undefined) return null;
  // Doughnut slices and lying bars print their labels as text, so time is written at its grain there.
  const iso = overTime && kind !== 'doughnut' && kind !== 'horizontal-bar';
  const axis: AxisGroup = { group: along, time: along === view.time ? view.time : null, iso };
  const unit = chartUnit(first.column.unit);
  // Measures share the value axis only when they share a unit.
  const measures = view.measures.filter(({ column }) => column.unit === first.column.unit);
  const data = chartData(result, axis, split, measures);
  // Measures that are not numbers (the first date of each region) have nothing to draw.
  if (data.series.every((s) => s.values.every((value) => value === null))) return null;
  const labels = data.labels;
  let series = data.series;

  let y = { title: titleWithUnit(measureTitle(first.column), unit), unit };
  if (plan.share && kind === 'stacked-bar' && unit.kind !== 'percent') {
    series = asShares(series, labels);
    y = {
      title: titleWithUnit(`Share of ${measureTitle(first.column)}`, { kind: 'percent' }),
      unit: { kind: 'percent' },
    };
  }
  if (kind === 'doughnut' && !fitsDoughnut(labels, series)) kind = 'bar';
  if (kind === 'bar' && !iso && prefersHorizontal(labels)) kind = 'horizontal-bar';
  const x =
    iso && axis.time !== null
      ? { title: along.column.name, scale: 'time' as const, grain: axis.time.grain }
      : { title: along.column.name, scale: 'category' as const };
  return { kind, ...heading, x, y, labels, series };
}

function isCategorical(kind: AnalysisPlan['chart']): kind is CategoricalKind {
  return (
    kind === 'line' || kind === 'bar' || kind === 'horizontal-bar' || kind === 'stacked-bar' || kind === 'doughnut'
  );
}
