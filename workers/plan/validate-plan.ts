import type { z } from 'zod';
import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import {
  AnalysisPlan,
  type Aggregate,
  type Aggregation,
  type Change,
  ChangeBase,
  ChangePeriod,
  type Comparison,
  type ComparisonSide,
  type Dimension,
  type Filter,
  type Measure,
  type PeriodGrain,
} from './analysis-plan';
import { describeKind, isCalendar, isNumeric, isTime, isYearNumber } from './column-kinds';
import { ColumnLookup } from './column-lookup';
import { boundValue, comparableValue } from './comparable-values';
import { PlanError } from './plan-errors';
import { showsAsPercent, withoutRateSum } from './rate-columns';

/** What a message calls each aggregation's result. */
const RESULT_WORD: Record<Aggregation, string> = {
  sum: 'total',
  avg: 'average',
  median: 'median',
  min: 'minimum',
  max: 'maximum',
  count: 'count',
  count_distinct: 'count of distinct values',
};

/** Issues quoted in an invalid-plan message; the rest are counted. */
const QUOTED_ISSUES = 3;

type Scalar = string | number | boolean;

/**
 * Checks a plan from a planner against the schema and against the dataset it
 * will run on, and returns it with every column name spelled as in the
 * dataset and every filter value in its column's form (see
 * `comparableValue`). Whatever it returns compiles to SQL that runs; whatever
 * it rejects becomes a `PlanError` whose message says what to change.
 *
 * `share` is only meaningful for aggregates and is turned off for the other kinds.
 *
 * @example
 * validatePlan({ version: 1, kind: 'aggregate', measures: [{ column: 'sales', aggregation: 'sum' }],
 *   chart: 'kpi', title: 'Total sales' }, meta).measures[0]?.column // 'Sales'
 */
export function validatePlan(input: unknown, meta: DatasetMeta): AnalysisPlan {
  const parsed = AnalysisPlan.safeParse(input);
  if (!parsed.success) throw new PlanError('INVALID_PLAN', describeIssues(parsed.error));
  const plan = parsed.data;
  checkShape(plan);
  const columns = new ColumnLookup(meta);
  // Without groups, relationship and distribution plans read each row's own value.
  const perRow = plan.kind !== 'aggregate' && plan.dimensions.length === 0;
  return {
    ...plan,
    measures: plan.measures.map((m) =>
      perRow ? checkRowValue(m, columns, plan.kind) : checkMeasure(m, columns, plan.kind),
    ),
    dimensions: plan.dimensions.map((d) => checkDimension(d, columns)),
    filters: plan.filters.map((f) => checkFilter(f, columns)),
    comparison: plan.comparison && checkComparison(plan.comparison, columns),
    change: plan.change && checkChange(plan.change, columns),
    share: plan.kind === 'aggregate' && plan.share,
  };
}

/** The change's time column, and its named periods in the column's form. */
function checkChange(change: Change, columns: ColumnLookup): Change {
  const column = columns.get(change.column);
  checkPeriodColumn(column, change.grain, 'a change between periods');
  const named = (value: string, part: string): string => {
    const bound = boundValue(column, value);
    if (bound === undefined) throw new PlanError('INVALID_VALUE', `The change's ${part} needs a date.`);
    return String(bound);
  };
  const period = ChangePeriod.safeParse(change.period).success ? change.period : named(change.period, 'period');
  const against = ChangeBase.safeParse(change.against).success ? change.against : named(change.against, 'base');
  return { column: column.name, grain: change.grain, period, against };
}

function describeIssues(error: z.ZodError): string {
  const quoted = error.issues.slice(0, QUOTED_ISSUES).map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    return path ? `${path.replace(/^\./, '')}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - quoted.length;
  return `The analysis plan is not valid: ${quoted.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`;
}

/** Rules on the plan's parts that need no dataset. */
function checkShape(plan: AnalysisPlan): void {
  const invalid = (message: string) => new PlanError('INVALID_PLAN', message);
  if (plan.kind === 'relationship') {
    if (plan.measures.length !== 2) {
      throw invalid(`A relationship plots exactly two measures (x, then y); this plan has ${plan.measures.length}.`);
    }
    if (plan.comparison) throw invalid('A relationship cannot also be a comparison; drop the comparison.');
  }
  if (plan.kind === 'distribution') {
    if (plan.measures.length !== 1) {
      throw invalid(`A distribution bins exactly one measure; this plan has ${plan.measures.length}.`);
    }
    if (plan.dimensions.length > 1 || plan.comparison) {
      throw invalid(
        'A distribution bins one measure, per row or per group of one dimension; drop the other dimensions and the comparison.',
      );
    }
  }
  if (plan.kind !== 'aggregate' && (plan.change || plan.topPerGroup)) {
    throw invalid(`A ${plan.kind} cannot measure a change or rank within groups; use an aggregate plan.`);
  }
  if (plan.change && plan.comparison) {
    throw invalid('A change already compares two periods; drop the comparison.');
  }
  if (plan.change?.period === 'each' && plan.dimensions.length > 1) {
    throw invalid('A series of changes is grouped by period and at most one dimension; drop a dimension.');
  }
  if (plan.topPerGroup && (plan.dimensions.length !== 2 || plan.comparison || plan.change)) {
    throw invalid(
      'Ranking within each group needs exactly two dimensions (the groups, then what is ranked in each) and no comparison or change.',
    );
  }
  if (plan.kind !== 'aggregate' && plan.dimensions.length === 0 && plan.measures.some((m) => m.per)) {
    throw invalid(`A ${plan.kind} of each row's values cannot use a ratio of totals; group it by a dimension.`);
  }
  const first = plan.measures[0];
  if (plan.share && first?.per) {
    throw invalid('A share of the total needs a sum or a count as the first measure, not a ratio.');
  }
  if (
    plan.kind === 'aggregate' &&
    plan.share &&
    first &&
    first.aggregation !== 'sum' &&
    first.aggregation !== 'count'
  ) {
    throw invalid(`A share of the total needs a sum or a count as the first measure, not ${first.aggregation}.`);
  }
}

function checkMeasure(measure: Measure, columns: ColumnLookup, kind: AnalysisPlan['kind']): Measure {
  const per = measure.per && checkPer(measure.per, columns, kind);
  if (measure.part && !per) {
    throw new PlanError('INVALID_PLAN', 'A part of a total is a share: give the total it is part of as `per`.');
  }
  const partColumn = measure.part && columns.get(measure.part.column);
  const part = measure.part &&
    partColumn && {
      column: partColumn.name,
      values: measure.part.values.map((v) => comparableValue(partColumn, v)),
    };
  const checked = checkAggregate(measure, columns, kind);
  const column = checked.column === null ? null : columns.get(checked.column);
  // A sum of rates (discounts, margins) is no amount; a ratio's numerator is left to the ratio.
  const averaged = column && !per ? withoutRateSum(checked, column) : checked;
  // An average, median or extreme of fractions (0.156) is read as the percentage it is (15.6%).
  const percent = !per && column && showsAsPercent(column) && !averaged.aggregation.startsWith('count');
  const format = measure.format ?? (percent ? 'percent' : undefined);
  return {
    ...averaged,
    ...(per && { per }),
    ...(part && { part }),
    ...(format && { format }),
    ...(measure.label && { label: measure.label }),
  };
}

/** A ratio's denominator; a grain only counts the periods of a date column. */
function checkPer(per: NonNullable<Measure['per']>, columns: ColumnLookup, kind: AnalysisPlan['kind']): Measure['per'] {
  const checked = checkAggregate(per, columns, kind);
  if (!per.grain) return checked;
  const column = checked.column === null ? null : columns.get(checked.column);
  if (checked.aggregation !== 'count_distinct' || !column || !isCalendar(column)) {
    throw new PlanError('INVALID_PLAN', 'A grain on `per` counts the distinct periods of a date column.');
  }
  return { ...checked, grain: per.grain };
}

function checkAggregate(measure: Aggregate, columns: ColumnLookup, kind: AnalysisPlan['kind']): Aggregate {
  const { aggregation } = measure;
  if (measure.column === null) {
    if (aggregation === 'count') return { column: null, aggregation };
    throw new PlanError('INVALID_PLAN', `A ${RESULT_WORD[aggregation]} needs a column; only a count of rows has none.`);
  }
  const column = columns.get(measure.column);
  const allowed =
    aggregation === 'count' ||
    aggregation === 'count_distinct' ||
    isNumeric(column) ||
    ((aggregation === 'min' || aggregation === 'max') && isCalendar(column));
  if (!allowed) {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `"${column.name}" holds ${describeKind(column)}, so it has no ${RESULT_WORD[aggregation]}. ` +
        'Count its rows or its distinct values, or group by it.',
    );
  }
  // A relationship's axes are numbers: the earliest date per group has no correlation.
  if (kind === 'relationship' && isCalendar(column) && !aggregation.startsWith('count')) {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `A relationship needs numbers on both axes; the ${RESULT_WORD[aggregation]} of "${column.name}" is a date.`,
    );
  }
  return { column: column.name, aggregation };
}

/** A measure whose values are plotted or binned one row at a time: it must be a column of numbers. */
function checkRowValue(measure: Measure, columns: ColumnLookup, kind: AnalysisPlan['kind']): Measure {
  if (measure.column === null) {
    throw new PlanError('INVALID_PLAN', `A ${kind} needs a column of numbers for each measure, not a count of rows.`);
  }
  const column = columns.get(measure.column);
  if (!isNumeric(column)) {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `A ${kind} needs columns of numbers; "${column.name}" holds ${describeKind(column)}.`,
    );
  }
  return { column: column.name, aggregation: measure.aggregation };
}

function checkDimension(dimension: Dimension, columns: ColumnLookup): Dimension {
  const column = columns.get(dimension.column);
  const { grain, cycle } = dimension;
  if (cycle !== undefined) {
    if (grain !== undefined) {
      throw new PlanError('INVALID_PLAN', `Group "${column.name}" by a grain or by a cycle, not both.`);
    }
    if (!isCalendar(column) || (cycle === 'hour_of_day' && column.type !== 'datetime')) {
      const needs = cycle === 'hour_of_day' ? 'times of day' : 'dates';
      throw new PlanError(
        'WRONG_COLUMN_KIND',
        `"${column.name}" holds ${describeKind(column)}, not ${needs}, so it cannot be grouped by ${cycle.replaceAll('_', ' ')}.`,
      );
    }
    return { column: column.name, cycle };
  }
  if (grain === undefined) return { column: column.name };
  if (!isTime(column)) {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `"${column.name}" holds ${describeKind(column)}, not dates, so it cannot be grouped by ${grain}.`,
    );
  }
  if (isYearNumber(column) && grain !== 'year') {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `"${column.name}" holds years, so it can be grouped by year but not by ${grain}.`,
    );
  }
  return { column: column.name, grain };
}

function checkFilter(filter: Filter, columns: ColumnLookup): Filter {
  const column = columns.get(filter.column);
  switch (filter.op) {
    case 'in':
    case 'not_in':
      return { op: filter.op, column: column.name, values: filter.values.map((v) => comparableValue(column, v)) };
    case 'compare':
      return { ...filter, column: column.name, value: boundValue(column, filter.value) };
    case 'latest':
      checkPeriodColumn(column, filter.grain, 'a latest-period filter');
      return { ...filter, column: column.name };
    case 'having':
      return { ...filter, column: column.name, measure: checkMeasure(filter.measure, columns, 'aggregate') };
    case 'range':
      return checkRange(filter, column);
  }
}

/** A column that periods of `grain` can be counted on: dates, or years for a yearly grain. */
function checkPeriodColumn(column: ColumnProfile, grain: PeriodGrain, use: string): void {
  if (!isTime(column)) {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `"${column.name}" holds ${describeKind(column)}, not dates, so it cannot be used for ${use}.`,
    );
  }
  if (isYearNumber(column) && grain !== 'year') {
    throw new PlanError(
      'WRONG_COLUMN_KIND',
      `"${column.name}" holds years, so ${use} on it counts years, not ${grain}s.`,
    );
  }
}

function checkRange(filter: Extract<Filter, { op: 'range' }>, column: ColumnProfile): Filter {
  if (filter.from === undefined && filter.to === undefined) {
    throw new PlanError('INVALID_PLAN', `The range filter on "${column.name}" needs a from, a to, or both.`);
  }
  const from = filter.from === undefined ? undefined : boundValue(column, filter.from);
  const to = filter.to === undefined ? undefined : boundValue(column, filter.to);
  checkOrder(column.name, from, to);
  return { op: 'range', column: column.name, from, to };
}

function checkComparison(comparison: Comparison, columns: ColumnLookup): Comparison {
  const column = columns.get(comparison.column);
  const labels = comparison.sides.map((s) => s.label);
  const repeated = labels.find((label, i) => labels.indexOf(label) !== i);
  if (repeated !== undefined) {
    throw new PlanError(
      'INVALID_PLAN',
      `Two sides of the comparison are both labelled "${repeated}"; give each its own label.`,
    );
  }
  const sides = comparison.sides.map((side): ComparisonSide => {
    const period = side.from !== undefined || side.to !== undefined;
    const values = side.values !== undefined && side.values.length > 0;
    if (period === values) {
      throw new PlanError(
        'INVALID_PLAN',
        `The comparison side "${side.label}" needs either a period (from/to) or a list of values, not ${period ? 'both' : 'neither'}.`,
      );
    }
    if (values) return { label: side.label, values: side.values?.map((v) => comparableValue(column, v)) };
    const from = side.from === undefined ? undefined : boundValue(column, side.from);
    const to = side.to === undefined ? undefined : boundValue(column, side.to);
    checkOrder(column.name, from, to);
    // The schema keeps period bounds as text; the compiled SQL casts them to the column's type.
    return {
      label: side.label,
      from: from === undefined ? undefined : String(from),
      to: to === undefined ? undefined : String(to),
    };
  });
  return { column: column.name, sides };
}

/** A range whose from is not before its to matches nothing: almost surely a swapped pair. */
function checkOrder(column: string, from: Scalar | undefined, to: Scalar | undefined): void {
  const empty =
    typeof from === 'number' && typeof to === 'number'
      ? from >= to
      : typeof from === 'string' && typeof to === 'string' && from >= to;
  if (empty) {
    throw new PlanError(
      'INVALID_VALUE',
      `The range of "${column}" from ${String(from)} to ${String(to)} is empty: from is included, to is not, so from must come first.`,
    );
  }
}
