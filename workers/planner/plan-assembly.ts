import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { AnalysisPlan, type Dimension, type Measure, type Part, type Sort } from '../plan/analysis-plan';
import { chartProblem, chooseChart, type PlanShape } from './chart-choice';
import { isRateColumn, showsAsPercent } from '../plan/rate-columns';
import { moneyRank } from './column-synonyms';
import { defaultAggregation, mainDimension } from './dataset-defaults';
import { dataRange, isYearNumber, timeColumns } from './dataset-time';
import { countedNoun, measureLabel, planTitle } from './plan-title';
import type { DimensionChoice, FilterChoice, MeasureChoice, Reading } from './question-reading';
import { defaultMeasures, withOverviewDefaults } from './reading-defaults';
import { nameWords } from './question-tokens';
import { asksOnePart, sharePart } from './share-part';
import { isoDay, type DataRange } from './time-periods';
import { trendGrain } from './trend-grain';
import { isIdentifierName } from '../types/column-decision';

/** A grouping with more values than this is shown as its top 20 unless a ranking was asked for. */
const MAX_GROUPS = 50;
const AUTO_TOP = 20;
/** Bars shown for a ranking without a number ("top customers", "which state has the highest profit"). */
export const DEFAULT_RANKING_LIMIT = 10;
/** The most groups a ranking may ask for (the plan schema's cap). */
const MAX_RANKING_LIMIT = 10_000;

export type Assembly =
  | { kind: 'plan'; plan: AnalysisPlan; understood: string[] }
  | { kind: 'problem'; problems: string[]; understood: string[] };

/** A step's result, or why the question cannot be answered. */
type Step<T> = T | { problem: string };
const isProblem = <T>(step: Step<T>): step is { problem: string } =>
  typeof step === 'object' && step !== null && 'problem' in step;

/**
 * Fills in what a question left out (measure, aggregations, time grain, sort,
 * limit, chart, title) and checks that the parts make one answerable plan.
 *
 * @example
 * assemblePlan(readQuestion('sales by region', meta, vocabulary), meta)
 * // { kind: 'plan', plan: { kind: 'aggregate', measures: [{ column: 'Sales', aggregation: 'sum' }],
 * //   dimensions: [{ column: 'Region' }], sort: { by: 'measure', direction: 'desc' }, chart: 'bar', … } }
 */
export function assemblePlan(input: Reading, meta: DatasetMeta): Assembly {
  const understood = [...input.understood];
  const fail = (...problems: string[]): Assembly => ({ kind: 'problem', problems, understood });
  if (input.problems.length > 0) return fail(...input.problems);
  const reading = input.overview ? withOverviewDefaults(input, meta, understood) : input;

  const measures = defaultMeasures(reading, meta, understood);
  if (typeof measures === 'string') return fail(measures);
  const kind = planKind(reading, measures);
  if (isProblem(kind)) return fail(kind.problem);
  const groups = groupings(reading, meta, kind, understood);
  if (isProblem(groups)) return fail(groups.problem);
  const { dimensions, filters, part } = groups;

  const ranking = reading.ranking;
  const grouped = dimensions.length > 0 || reading.comparison !== undefined;
  if (ranking && !grouped && !ranking.headline) {
    return fail(
      `"${ranking.direction === 'desc' ? 'top' : 'bottom'} ${ranking.limit ?? ''}" of what? Name what to rank`,
    );
  }
  // "highest temperature" with nothing to rank is the maximum.
  const extreme = ranking?.headline && !grouped ? ranking.direction : undefined;
  const plainMeasures = measures.map((m) => toMeasure(m, kind, extreme, understood, meta));
  const [first] = plainMeasures;
  if (reading.share && kind === 'aggregate' && first && first.aggregation !== 'sum' && first.aggregation !== 'count') {
    return fail(`a share needs a total to split into parts, and ${measureLabel(first).toLowerCase()} is not one`);
  }
  if (part && plainMeasures.length > 1) return fail('a share of one part is of one total; ask for one measure');
  const planMeasures = part && first ? [partMeasure(first, part, reading.rowsNoun)] : plainMeasures;
  const share = reading.share && kind === 'aggregate' && !part;

  const planFilters = filters.map((f) => f.filter);
  const planDimensions = dimensions.map((d) => toDimension(d, planFilters, understood));
  const order = ordering(reading, kind, dimensions, planDimensions, understood);
  if (isProblem(order)) return fail(order.problem);
  const shape: PlanShape = {
    version: 2,
    kind,
    measures: planMeasures,
    dimensions: planDimensions,
    filters: planFilters,
    sort: order.sort,
    limit: order.limit,
    comparison: reading.comparison?.comparison,
    share,
  };
  const ranked = ranking !== undefined && planDimensions.length > 0;
  const problem = reading.chart && chartProblem(reading.chart, shape);
  if (problem) return fail(problem);
  const chart = reading.chart ?? chooseChart(shape, meta, ranked);
  understood.push(`chart: ${chart}`);
  const labels = filters.map((f) => f.label);
  const title = planTitle(shape, ranked ? ranking : undefined, labels, reading.rowsNoun, meta);
  const parsed = AnalysisPlan.safeParse({ ...shape, chart, title });
  if (!parsed.success) return fail(`the plan came out malformed (${parsed.error.issues[0]?.message ?? 'unknown'})`);
  return { kind: 'plan', plan: parsed.data, understood };
}

/**
 * Relationship and distribution need exactly the measures they plot. A
 * distribution across a few categories is a breakdown; across an identifier
 * or many groups it bins each group's total ("distribution of order value").
 */
function planKind(reading: Reading, measures: readonly MeasureChoice[]): Step<AnalysisPlan['kind']> {
  if (reading.kind === 'relationship') {
    if (measures.length !== 2 || measures.some((m) => m.column?.role !== 'measure')) {
      return { problem: 'a relationship needs exactly two columns of numbers, such as "Discount vs Profit"' };
    }
    if (reading.comparison || reading.dimensions.length > 1) {
      return { problem: 'a relationship can be split by at most one category' };
    }
    return 'relationship';
  }
  const perGroup =
    reading.dimensions.length === 1 &&
    (reading.dimensions[0]?.column.role === 'identifier' || (reading.dimensions[0]?.column.distinct ?? 0) > MAX_GROUPS);
  if (reading.kind === 'distribution' && (reading.dimensions.length === 0 || perGroup) && !reading.comparison) {
    if (measures.length !== 1 || measures[0]?.column?.role !== 'measure') {
      return { problem: 'a distribution needs one column of numbers, such as "distribution of Sales"' };
    }
    return 'distribution';
  }
  return 'aggregate';
}

/**
 * The groupings, time first: a trend adds the time column; a share of one
 * value ("what share of profit comes from Technology") becomes a share of its
 * column, that value among the others.
 */
function groupings(
  reading: Reading,
  meta: DatasetMeta,
  kind: AnalysisPlan['kind'],
  understood: string[],
): Step<{ dimensions: DimensionChoice[]; filters: FilterChoice[]; part?: Part }> {
  const dimensions = [...reading.dimensions];
  let filters = reading.filters;
  const hasTime = dimensions.some((d) => d.column.role === 'time');
  if (reading.trend && kind === 'aggregate' && !reading.comparison?.time && !hasTime) {
    const column = reading.timeColumn ?? timeColumns(meta)[0];
    if (!column) return { problem: 'this data has no dates, so it has no trend over time' };
    dimensions.push({ column, grain: 'auto', words: 'over time' });
  }
  let part: Part | undefined;
  if (kind === 'aggregate' && asksOnePart(reading)) {
    const chosen = sharePart(reading);
    if (isProblem(chosen)) return chosen;
    if (chosen) {
      filters = filters.filter((f) => f !== chosen);
      if (chosen.filter.op === 'in') part = { column: chosen.filter.column, values: chosen.filter.values };
      understood.push(`share: ${chosen.label}'s part of the total`);
    } else if (dimensions.length === 0) {
      const example = mainDimension(meta, true);
      return { problem: `a share of what? Say how to split it${example ? `, such as "by ${example.name}"` : ''}` };
    }
  }
  dimensions.sort((a, b) => Number(b.column.role === 'time') - Number(a.column.role === 'time'));
  if (dimensions.length > 2) {
    const names = dimensions.map((d) => d.column.name).join(', ');
    return { problem: `a chart can group by at most two things; this asks for ${names}` };
  }
  return { dimensions, filters, ...(part && { part }) };
}

/** A share of one part of each total: the part's aggregate per the whole's, as a percentage. */
function partMeasure(measure: Measure, part: Part, rowsNoun: string | undefined): Measure {
  const whole = measureLabel(measure, true, rowsNoun);
  return {
    ...measure,
    part,
    per: { column: measure.column, aggregation: measure.aggregation },
    format: 'percent',
    label: `Share of ${whole} from ${part.values.join(', ')}`.slice(0, 60),
  };
}

/**
 * Sort and limit: a ranking sorts by the measure and keeps its N (10 when
 * none was given); time runs in order; categories are sorted largest first,
 * and one with more than 50 values shows its top 20. Grouping by an
 * identifier code (5,009 order IDs) only makes sense as a ranking; a column
 * of names (187 countries) shows its top 20 as a category would.
 */
function ordering(
  reading: Reading,
  kind: AnalysisPlan['kind'],
  dimensions: readonly DimensionChoice[],
  planDimensions: readonly Dimension[],
  understood: string[],
): Step<{ sort?: Sort; limit?: number }> {
  if (kind !== 'aggregate' || (planDimensions.length === 0 && !reading.comparison)) return {};
  const { ranking } = reading;
  if (ranking) {
    if (ranking.limit !== undefined && (ranking.limit < 1 || !Number.isInteger(ranking.limit))) {
      const word = ranking.direction === 'desc' ? 'top' : 'bottom';
      return { problem: `"${word} ${ranking.limit}" is not a number of rows to show; ask for the ${word} 10, say` };
    }
    // Asking for more groups than exist shows them all; the plan's cap is far above any chart's reach.
    const limit = Math.min(ranking.limit ?? DEFAULT_RANKING_LIMIT, MAX_RANKING_LIMIT);
    if (ranking.headline) {
      const extreme = ranking.direction === 'desc' ? 'highest' : 'lowest';
      understood.push(`answer: the ${extreme} first (showing ${limit} for context)`);
    }
    return { sort: { by: 'measure', direction: ranking.direction }, limit };
  }
  if (planDimensions.length === 0) return {};
  const identifier = dimensions.find((d) => d.column.role === 'identifier')?.column;
  if (identifier && isIdentifierName(identifier.name)) {
    const count = (identifier.distinct ?? 0).toLocaleString('en-US');
    return {
      problem: `${identifier.name} has ${count} different values; ask for the top 10 ${countedNoun(identifier.name).toLowerCase()} instead`,
    };
  }
  if (planDimensions[0]?.grain !== undefined) return { sort: { by: 'dimension', direction: 'asc' } };
  // A column of names (country, product), one row per member, is a label: its top values answer, as a big category's do.
  const [first] = dimensions;
  const many = identifier ?? ((first?.column.distinct ?? 0) > MAX_GROUPS ? first?.column : undefined);
  if (many) {
    understood.push(
      `showing the top ${AUTO_TOP} of ${(many.distinct ?? 0).toLocaleString('en-US')} ${many.name} values`,
    );
    return { sort: { by: 'measure', direction: 'desc' }, limit: AUTO_TOP };
  }
  return { sort: { by: 'measure', direction: 'desc' } };
}

function toMeasure(
  m: MeasureChoice,
  kind: AnalysisPlan['kind'],
  extreme: 'asc' | 'desc' | undefined,
  understood: string[],
  meta: DatasetMeta,
): Measure {
  if (!m.column) return { column: null, aggregation: 'count' };
  let aggregation = m.aggregation;
  if (!aggregation && extreme) aggregation = extreme === 'desc' ? 'max' : 'min';
  if (aggregation === 'sum' && isRateColumn(m.column)) return rateMeasure(m.column, meta, understood);
  if (!aggregation) {
    aggregation = defaultAggregation(m.column);
    // A relationship or distribution reads each row's value: its aggregation only matters when it is not a sum.
    if (kind === 'aggregate' || aggregation !== 'sum')
      understood.push(`aggregation: ${aggregation} of ${m.column.name}`);
  }
  return { column: m.column.name, aggregation };
}

/**
 * What "total" or "overall" means for a column of rates, which add up to
 * nothing: a margin is total profit over total revenue when the data has
 * both, any other rate its average (shown as a percentage when its values
 * are fractions).
 */
function rateMeasure(column: ColumnProfile, meta: DatasetMeta, understood: string[]): Measure {
  // The reading's "aggregation: sum (from "overall")" is what is not done; say what is instead.
  const named = understood.findIndex((line) => line.startsWith('measure: ') && line.includes(column.name));
  const summed = understood.findIndex((line, k) => k > named && line.startsWith('aggregation: sum'));
  const say = (line: string) => (summed < 0 ? understood.push(line) : understood.splice(summed, 1, line));
  const weighed = marginParts(column, meta);
  if (weighed) {
    const { profit, revenue } = weighed;
    const line = `measure: ${column.name} as total ${profit.name} / total ${revenue.name} (a margin is not added up row by row)`;
    if (summed >= 0) understood.splice(summed, 1);
    if (named >= 0) understood.splice(named, 1, line);
    else understood.push(line);
    const label = column.name.replace(/\s*%$/, '').slice(0, 60) || column.name;
    return {
      column: profit.name,
      aggregation: 'sum',
      per: { column: revenue.name, aggregation: 'sum' },
      format: 'percent',
      label,
    };
  }
  say(`aggregation: average of ${column.name} (a rate is averaged, not added up)`);
  return { column: column.name, aggregation: 'avg', ...(showsAsPercent(column) && { format: 'percent' as const }) };
}

/** The one profit and the one revenue column a margin column is the ratio of, if the data has them. */
function marginParts(
  column: ColumnProfile,
  meta: DatasetMeta,
): { profit: ColumnProfile; revenue: ColumnProfile } | null {
  if (!nameWords(column.name).some((w) => w === 'margin' || w === 'margins')) return null;
  const amounts = meta.columns.filter((c) => c.role === 'measure' && !isRateColumn(c));
  const profits = amounts.filter((c) => moneyRank(c) === 2);
  const revenues = amounts.filter((c) => moneyRank(c) === 0);
  const [profit] = profits;
  const [revenue] = revenues;
  return profit && revenue && profits.length === 1 && revenues.length === 1 ? { profit, revenue } : null;
}

/** Resolves an `auto` grain from the span the question looks at: the data's, narrowed by its time filter. */
function toDimension(d: DimensionChoice, filters: AnalysisPlan['filters'], understood: string[]): Dimension {
  if (d.column.role !== 'time') return { column: d.column.name };
  if (isYearNumber(d.column)) return { column: d.column.name, grain: 'year' };
  if (d.grain !== 'auto' && d.grain !== undefined) return { column: d.column.name, grain: d.grain };
  const range = dataRange(d.column);
  if (!range) return { column: d.column.name, grain: 'day' };
  const span = narrowed(range, d.column, filters);
  const grain = trendGrain(span);
  understood.push(`grain: ${grain} (for ${span.from} to ${span.to})`);
  return { column: d.column.name, grain };
}

function narrowed(range: DataRange, column: ColumnProfile, filters: AnalysisPlan['filters']): DataRange {
  let { from, to } = range;
  for (const f of filters) {
    if (f.op !== 'range' || f.column !== column.name) continue;
    if (typeof f.from === 'string' && f.from > from) from = isoDay(f.from);
    if (typeof f.to === 'string' && f.to <= to) to = isoDay(f.to);
  }
  return { from, to, grain: range.grain };
}
