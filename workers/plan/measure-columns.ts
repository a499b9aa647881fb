import type { ColumnProfile, TimeGrain } from '../../core/dataset';
import type { Aggregate, Aggregation, Measure } from './analysis-plan';
import { isCalendar } from './column-kinds';
import type { ResultColumn } from './result-table';

/**
 * How a measure is named in results, where people read it in a chat:
 * `Total Sales`, `Average Sales`, `Median Sales`, `Min Sales`, `Max Sales`,
 * `Count` (rows), `Count of Sales` (rows where Sales is not empty),
 * `Distinct Customer ID`, `Days` (distinct dates of a column of days, when its
 * profile is given); a ratio by its label, or `Profit per Quantity`,
 * `Sales per Order ID`. The aggregation itself is kept in
 * `ResultColumn.source`.
 */
export function measureName(measure: Measure, column: ColumnProfile | null = null): string {
  if (measure.label) return measure.label;
  if (measure.per) return `${ratioPart(measure)} per ${ratioPart(measure.per)}`;
  return periodCountName(measure, column) ?? aggregateName(measure);
}

/** "Days" for a distinct count of a column of days ("Months" for one of a date a month), else null. */
export function periodCountName(measure: Aggregate, column: ColumnProfile | null): string | null {
  const periods = countedPeriods(measure, column);
  return periods === null ? null : PERIOD_NAMES[periods];
}

const PERIOD_NAMES: Readonly<Record<TimeGrain, string>> = {
  hour: 'Hours',
  day: 'Days',
  week: 'Weeks',
  month: 'Months',
  quarter: 'Quarters',
  year: 'Years',
};

/**
 * What a distinct count of a date column counts: each date is a day, or a
 * month where the column holds one date a month. Null for other measures,
 * and for timestamps, whose distinct values are instants, not days.
 */
function countedPeriods(measure: Aggregate, column: ColumnProfile | null): TimeGrain | null {
  if (measure.aggregation !== 'count_distinct' || column?.type !== 'date') return null;
  return column.grain ?? 'day';
}

function aggregateName(measure: Aggregate): string {
  const column = measure.column ?? '';
  switch (measure.aggregation) {
    case 'sum':
      return `Total ${column}`;
    case 'avg':
      return `Average ${column}`;
    case 'median':
      return `Median ${column}`;
    case 'min':
      return `Min ${column}`;
    case 'max':
      return `Max ${column}`;
    case 'count':
      return measure.column === null ? 'Count' : `Count of ${column}`;
    case 'count_distinct':
      return `Distinct ${column}`;
  }
}

/** One side of a ratio's name: a sum or a distinct count reads as its column ("Profit per Order ID"). */
function ratioPart(measure: Aggregate): string {
  if (measure.column === null) return 'Row';
  return measure.aggregation === 'sum' || measure.aggregation === 'count_distinct'
    ? measure.column
    : aggregateName(measure);
}

const AGGREGATE_SQL: Record<Aggregation, (value: string, where: string) => string> = {
  sum: (v, w) => `sum(${v})${w}`,
  avg: (v, w) => `avg(${v})${w}`,
  median: (v, w) => `median(${v})${w}`,
  min: (v, w) => `min(${v})${w}`,
  max: (v, w) => `max(${v})${w}`,
  count: (v, w) => `count(${v})${w}`,
  count_distinct: (v, w) => `count(DISTINCT ${v})${w}`,
};

/**
 * The aggregate over `value`, the SQL expression of the measure's column
 * (null for a count of rows), and for a ratio over `perValue`, its
 * denominator's column. A ratio divides in DOUBLE (a count by a count is not
 * an integer division) and is empty where the denominator is 0. With
 * `where`, each aggregate reads only the rows it holds for (`FILTER`); with
 * `part` (the condition of the measure's part), the numerator only those.
 */
export function measureSql(
  measure: Measure,
  value: string | null,
  perValue: string | null = null,
  where?: string,
  part?: string,
): string {
  const filterOf = (conditions: (string | undefined)[]) => {
    const held = conditions.filter(Boolean);
    return held.length > 0 ? ` FILTER (WHERE ${held.join(' AND ')})` : '';
  };
  const aggregate = (a: Aggregate & { grain?: TimeGrain }, v: string | null, filter: string) =>
    v === null
      ? `count(*)${filter}`
      : AGGREGATE_SQL[a.aggregation](a.grain ? `date_trunc('${a.grain}', ${v})` : v, filter);
  const filter = filterOf([where]);
  const numerator = aggregate(measure, value, filterOf([where, part]));
  if (!measure.per) return numerator;
  return `CAST(${numerator} AS DOUBLE) / nullif(${aggregate(measure.per, perValue, filter)}, 0)`;
}

/**
 * The result column of an aggregated measure. Values keep their column's unit
 * (a total of dollars is dollars, an average of percentages a percentage);
 * counts have none. A min or max of dates is a date. A ratio is a percentage
 * when the plan says so, money per thing when only its numerator is money
 * ("profit per unit"), and a plain number otherwise.
 */
export function measureColumn(
  measure: Measure,
  column: ColumnProfile | null,
  perColumn: ColumnProfile | null = null,
): ResultColumn {
  const name = measureName(measure, column);
  if (measure.per) {
    const numeratorUnit = unitOf(measure, column);
    const denominatorUnit = unitOf(measure.per, perColumn);
    const unit = measure.format === 'percent' ? 'percent' : denominatorUnit === null ? numeratorUnit : null;
    return { name, type: 'number', role: 'measure', unit, source: { column: measure.column, aggregation: 'ratio' } };
  }
  const counted = measure.aggregation === 'count' || measure.aggregation === 'count_distinct';
  const periods = countedPeriods(measure, column);
  const type = column && !counted && isCalendar(column) ? (column.type === 'date' ? 'date' : 'datetime') : 'number';
  return {
    name,
    type,
    role: 'measure',
    unit: measure.format === 'percent' ? 'percent' : unitOf(measure, column),
    source: { column: measure.column, aggregation: measure.aggregation, ...(periods && { periods }) },
  };
}

function unitOf(measure: Aggregate, column: ColumnProfile | null): ResultColumn['unit'] {
  const counted = measure.aggregation === 'count' || measure.aggregation === 'count_distinct';
  return counted || !column ? null : column.unit;
}
