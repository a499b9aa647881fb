import type { ColumnProfile } from '../../core/dataset';
import type { Aggregation, Measure } from './analysis-plan';
import { isCalendar } from './column-kinds';
import type { ResultColumn } from './result-table';

/**
 * How a measure is named in results, where people read it in a chat:
 * `Total Sales`, `Average Sales`, `Median Sales`, `Min Sales`, `Max Sales`,
 * `Count` (rows), `Count of Sales` (rows where Sales is not empty),
 * `Distinct Customer ID`. The aggregation itself is kept in
 * `ResultColumn.source`.
 */
export function measureName(measure: Measure): string {
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

const AGGREGATE_SQL: Record<Aggregation, (value: string) => string> = {
  sum: (v) => `sum(${v})`,
  avg: (v) => `avg(${v})`,
  median: (v) => `median(${v})`,
  min: (v) => `min(${v})`,
  max: (v) => `max(${v})`,
  count: (v) => `count(${v})`,
  count_distinct: (v) => `count(DISTINCT ${v})`,
};

/** The aggregate over `value`, the SQL expression of the measure's column (null for a count of rows). */
export function measureSql(measure: Measure, value: string | null): string {
  return value === null ? 'count(*)' : AGGREGATE_SQL[measure.aggregation](value);
}

/**
 * The result column of an aggregated measure. Values keep their column's unit
 * (a total of dollars is dollars, an average of percentages a percentage);
 * counts have none. A min or max of dates is a date.
 */
export function measureColumn(measure: Measure, column: ColumnProfile | null): ResultColumn {
  const counted = measure.aggregation === 'count' || measure.aggregation === 'count_distinct';
  const type = column && !counted && isCalendar(column) ? (column.type === 'date' ? 'date' : 'datetime') : 'number';
  return {
    name: measureName(measure),
    type,
    role: 'measure',
    unit: counted || !column ? null : column.unit,
    source: { column: measure.column, aggregation: measure.aggregation },
  };
}
