import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { quoteIdent } from '../engine/duckdb';
import type { AnalysisPlan, Comparison, Cycle, Dimension, Filter, Measure } from './analysis-plan';
import { isCalendar, isNumeric, isTime } from './column-kinds';
import { filterCondition, rangeCondition, valuesCondition } from './filter-sql';
import { DAY_NAMES, MONTH_NAMES } from './grain-words';
import { measureColumn, measureSql } from './measure-columns';
import type { ResultColumn } from './result-table';
import type { SqlParams } from './sql-params';

/** A grouping of the result: a dimension, or the side of a comparison. */
export interface Group {
  /** Its name inside the `matched` CTE. */
  key: string;
  /** What the outer query selects for it (the side's label for a comparison). */
  select: string;
  column: ResultColumn;
}

/**
 * The rows a plan reads, as the CTE `matched`: the table's rows that pass the
 * filters, with each group key and each measured column under a short
 * internal name (`s`, `g0`, `v0`). The outer queries only use these names, so
 * a column called anything at all (`g0`, `Count`, `a "quoted" name`) cannot
 * clash with them.
 */
export interface MatchedRows {
  /** `matched AS (SELECT … FROM table WHERE …)`, to put after `WITH`. */
  cte: string;
  /** The comparison side first (if any), then the dimensions, in plan order. */
  groups: Group[];
  /** A condition for the outer query: rows outside every side of a comparison are not part of the answer. */
  where: string | null;
  /** The internal name of a measured column's values. */
  value(column: string): string;
  /** The profile of a column the plan names (validated, so it exists). */
  profile(column: string): ColumnProfile;
  /** The SQL of a measure over the matched rows (a ratio included), reading only rows where `where` holds. */
  aggregate(measure: Measure, where?: string): string;
  /** The result column of a measure. */
  output(measure: Measure): ResultColumn;
}

/**
 * Compiles the part every plan kind shares: which rows, grouped by what,
 * reading which columns. With `rowHash`, each row also gets `row_hash`, a hash
 * of all its values, to sample rows by: the same data always hashes the same,
 * and rows that share the sampled values but differ elsewhere are told apart.
 */
export function matchedRows(
  plan: AnalysisPlan,
  meta: DatasetMeta,
  table: string,
  params: SqlParams,
  options: { rowHash?: boolean; extraColumns?: string[] } = {},
): MatchedRows {
  const profiles = new Map(meta.columns.map((c) => [c.name, c]));
  const profile = (name: string): ColumnProfile => {
    const found = profiles.get(name);
    if (!found) throw new Error(`compilePlan: column "${name}" is not in the dataset; validate the plan first`);
    return found;
  };
  const select: string[] = [];
  const groups: Group[] = [];
  if (plan.comparison) {
    const side = comparisonSide(plan.comparison, profile(plan.comparison.column), params);
    select.push(`${side.cases} AS s`);
    groups.push({ key: 's', select: side.label, column: side.column });
  }
  plan.dimensions.forEach((dimension, i) => {
    const column = profile(dimension.column);
    select.push(`${dimensionSql(dimension, column)} AS g${i}`);
    const label = dimension.cycle ? CYCLE_LABEL[dimension.cycle](`g${i}`) : `g${i}`;
    groups.push({ key: `g${i}`, select: label, column: dimensionColumn(dimension, column) });
  });
  const values = new Map<string, string>();
  const read = (column: string | null) => {
    if (column === null || values.has(column)) return;
    const name = `v${values.size}`;
    values.set(column, name);
    select.push(`${quoteIdent(column)} AS ${name}`);
  };
  for (const measure of plan.measures) {
    read(measure.column);
    read(measure.per?.column ?? null);
    read(measure.part?.column ?? null);
  }
  for (const column of options.extraColumns ?? []) read(column);
  if (options.rowHash) select.push(`hash(${meta.columns.map((c) => quoteIdent(c.name)).join(', ')}) AS row_hash`);
  // A count of rows alone reads no column, and a SELECT needs at least one expression.
  if (select.length === 0) select.push('1 AS one');
  const rowConditions = () =>
    plan.filters.flatMap((f) =>
      f.op === 'having' ? [] : [filterCondition(f, profile(f.column), quoteIdent(f.column), params, table)],
    );
  const conditions = rowConditions();
  for (const filter of plan.filters) {
    if (filter.op === 'having') conditions.push(havingCondition(filter, table, rowConditions(), params));
  }
  const where = conditions.length > 0 ? `\n  WHERE ${conditions.join('\n    AND ')}` : '';
  return {
    cte: `matched AS (\n  SELECT ${select.join(', ')}\n  FROM ${quoteIdent(table)}${where}\n)`,
    groups,
    where: plan.comparison ? 's IS NOT NULL' : null,
    value(column: string) {
      const name = values.get(column);
      if (!name) throw new Error(`compilePlan: no measure reads "${column}"`);
      return name;
    },
    profile,
    aggregate(measure: Measure, where?: string) {
      const value = (column: string | null) => (column === null ? null : this.value(column));
      const { part } = measure;
      const partSql = part && valuesCondition(profile(part.column), this.value(part.column), part.values, params);
      return measureSql(measure, value(measure.column), value(measure.per?.column ?? null), where, partSql);
    },
    output(measure: Measure) {
      const of = (column: string | null | undefined) => (column ? profile(column) : null);
      return measureColumn(measure, of(measure.column), of(measure.per?.column));
    },
  };
}

/**
 * "Orders that lost money": the rows of each entity (`Order ID`) whose
 * aggregate over its rows that pass the row filters passes the comparison.
 * The subquery repeats the row filters (with their own bound values) so the
 * entity's total is of the same rows the answer reads.
 */
function havingCondition(
  filter: Extract<Filter, { op: 'having' }>,
  table: string,
  rowConditions: string[],
  params: SqlParams,
): string {
  const entity = quoteIdent(filter.column);
  const { measure } = filter;
  const aggregate = measureSql(measure, measure.column === null ? null : quoteIdent(measure.column));
  const where = rowConditions.length > 0 ? ` WHERE ${rowConditions.join(' AND ')}` : '';
  const value = params.bind(filter.value, 'DOUBLE');
  return `${entity} IN (SELECT ${entity} FROM ${quoteIdent(table)}${where} GROUP BY ${entity} HAVING ${aggregate} ${filter.comparator} ${value})`;
}

/**
 * A time column truncated to its grain. Dates stay dates whatever the grain
 * (`2016-03-01` for March), timestamps become dates from a day up, and a
 * column of years is already its own yearly grain. `week` is DuckDB's ISO
 * week, starting on Monday.
 */
function dimensionSql(dimension: Dimension, column: ColumnProfile): string {
  const expr = quoteIdent(column.name);
  if (dimension.cycle) return CYCLE_POSITION[dimension.cycle](expr);
  const { grain } = dimension;
  if (grain === undefined || !isCalendar(column)) return expr;
  // The grain is one of the schema's fixed words, never text from the question.
  const truncated = `date_trunc('${grain}', ${expr})`;
  return grain === 'hour' && column.type === 'datetime' ? truncated : `CAST(${truncated} AS DATE)`;
}

/**
 * A position in a cycle is grouped and sorted as a number (ISO day of the
 * week: Monday is 1), so the natural order is the numeric order; people read
 * its name (see `CYCLE_LABEL`).
 */
const CYCLE_POSITION: Readonly<Record<Cycle, (expr: string) => string>> = {
  day_of_week: (e) => `isodow(${e})`,
  hour_of_day: (e) => `hour(${e})`,
  month_of_year: (e) => `month(${e})`,
  quarter_of_year: (e) => `quarter(${e})`,
};

const listOf = (names: string[]) => `[${names.map((n) => `'${n}'`).join(', ')}]`;

/** The label of a cycle position `key`, from fixed lists in this file (never text from a plan). */
const CYCLE_LABEL: Readonly<Record<Cycle, (key: string) => string>> = {
  day_of_week: (k) => `${listOf(DAY_NAMES)}[${k}]`,
  hour_of_day: (k) => `lpad(CAST(${k} AS VARCHAR), 2, '0') || ':00'`,
  month_of_year: (k) => `${listOf(MONTH_NAMES)}[${k}]`,
  quarter_of_year: (k) => `'Q' || CAST(${k} AS VARCHAR)`,
};

/** What a cycle's result column is called: "Order Date" by day of week is "Day of Week". */
export const CYCLE_NAME: Readonly<Record<Cycle, string>> = {
  day_of_week: 'Day of Week',
  hour_of_day: 'Hour of Day',
  month_of_year: 'Month of Year',
  quarter_of_year: 'Quarter of Year',
};

function dimensionColumn(dimension: Dimension, column: ColumnProfile): ResultColumn {
  if (dimension.cycle) {
    return { name: CYCLE_NAME[dimension.cycle], type: 'text', role: 'dimension', unit: null, cycle: dimension.cycle };
  }
  const time = isTime(column);
  const grain = dimension.grain ?? (time ? column.grain : undefined);
  return {
    name: column.name,
    type: dimensionType(dimension, column),
    role: time ? 'time' : 'dimension',
    unit: column.unit,
    ...(grain && { grain }),
  };
}

function dimensionType(dimension: Dimension, column: ColumnProfile): ResultColumn['type'] {
  if (column.type === 'datetime')
    return dimension.grain === undefined || dimension.grain === 'hour' ? 'datetime' : 'date';
  if (column.type === 'date') return 'date';
  if (column.type === 'boolean') return 'boolean';
  return isNumeric(column) ? 'number' : 'text';
}

/**
 * A comparison as a group: `CASE WHEN <side 0> THEN 0 WHEN <side 1> THEN 1 END`
 * numbers each row's side (the first side that holds it, should sides
 * overlap), so the result sorts in the plan's side order; the outer query
 * turns the number back into the side's label.
 */
function comparisonSide(
  comparison: Comparison,
  column: ColumnProfile,
  params: SqlParams,
): { cases: string; label: string; column: ResultColumn } {
  const expr = quoteIdent(column.name);
  const whens = comparison.sides.map((side, i) => {
    const condition = side.values
      ? valuesCondition(column, expr, side.values, params)
      : rangeCondition(column, expr, side.from, side.to, params);
    return `WHEN ${condition} THEN ${i}`;
  });
  const labels = comparison.sides.map((side, i) => `WHEN ${i} THEN ${params.bind(side.label, 'VARCHAR')}`);
  return {
    cases: `CASE ${whens.join(' ')} END`,
    label: `CASE s ${labels.join(' ')} END`,
    // A period comparison's groups are periods, whatever the time column is called.
    column: { name: isTime(column) ? 'Period' : column.name, type: 'text', role: 'dimension', unit: null },
  };
}
