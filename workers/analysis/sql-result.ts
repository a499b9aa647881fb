import { DuckDBTypeId, type JS } from '@duckdb/node-api';
import type { DatasetMeta, TimeGrain } from '../../core/dataset';
import type { SandboxResult } from '../engine/sandbox';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultColumn, ResultTable, ResultValue } from '../plan/result-table';
import { jsonValues } from '../plan/result-values';
import { chartUnit } from '../answer/chart-unit';
import { capitalize } from '../answer/measure-words';
import { type Statement, StatedNumbers } from '../answer/stated-numbers';
import type { SqlChart } from '../llm/model-reply';

const NUMBER_TYPES = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);
const DATETIME_TYPES = new Set([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);
const SCALAR_TYPES = new Set([...NUMBER_TYPES, ...DATETIME_TYPES, DuckDBTypeId.DATE, DuckDBTypeId.BOOLEAN]);

/**
 * A model-written query's result as the answer layer's table: numbers are
 * measures, dates are time groups (at the grain their values show), the rest
 * are groups; a result of numbers only keeps its first column as the label.
 * A column named like a dataset column keeps that column's unit. The count
 * of matching dataset rows is not known for such a query, so `matchedRows` is
 * the result's own row count.
 */
export function sqlResultTable(result: SandboxResult, meta: DatasetMeta): ResultTable {
  const values = result.columns.map((column, i) => {
    const cells = result.rows.map((row) => row[i] ?? null);
    return SCALAR_TYPES.has(column.typeId) ? jsonValues(cells, column.typeId) : cells.map(textOf);
  });
  // date_trunc gives timestamps even for dates; midnight everywhere reads as days.
  const dayOnly = values.map(
    (cells, i) =>
      DATETIME_TYPES.has(result.columns[i]?.typeId as DuckDBTypeId) &&
      cells.every((cell) => typeof cell !== 'string' || cell.endsWith('T00:00:00')),
  );
  values.forEach((cells, i) => {
    if (dayOnly[i]) values[i] = cells.map((cell) => (typeof cell === 'string' ? cell.slice(0, 10) : cell));
  });
  const allNumbers = result.columns.every((c) => NUMBER_TYPES.has(c.typeId));
  const columns = result.columns.map((column, i): ResultColumn => {
    const unit = meta.columns.find((c) => c.name.toLowerCase() === column.name.toLowerCase())?.unit ?? null;
    if (DATETIME_TYPES.has(column.typeId) || column.typeId === DuckDBTypeId.DATE) {
      const type = column.typeId === DuckDBTypeId.DATE || dayOnly[i] ? 'date' : 'datetime';
      return { name: column.name, type, role: 'time', unit: null, grain: grainOf(values[i] ?? []) };
    }
    if (NUMBER_TYPES.has(column.typeId) && !(allNumbers && i === 0 && result.columns.length > 1)) {
      return { name: column.name, type: 'number', role: 'measure', unit };
    }
    const type =
      column.typeId === DuckDBTypeId.BOOLEAN ? 'boolean' : NUMBER_TYPES.has(column.typeId) ? 'number' : 'text';
    return { name: column.name, type, role: 'dimension', unit: null };
  });
  const rows = result.rows.map((_row, r) => values.map((column) => column[r] ?? null));
  return { columns, rows, matchedRows: rows.length };
}

/**
 * The plan the answer layer reads a model-written query's result with: it
 * names the result's own columns and the model's title and chart, and is
 * never compiled or run (the SQL is what ran).
 */
export function presentationPlan(result: ResultTable, title: string, chart: SqlChart): AnalysisPlan {
  const measures = result.columns.filter((c) => c.role === 'measure');
  const groups = result.columns.filter((c) => c.role !== 'measure').slice(0, 2);
  const sort = rankOrder(result);
  return {
    ...(sort && { sort }),
    version: 2,
    kind: 'aggregate',
    measures: measures.slice(0, 4).map((c) => ({ column: c.name, aggregation: 'sum' })),
    dimensions: groups.map((c) => (c.grain ? { column: c.name, grain: c.grain } : { column: c.name })),
    filters: [],
    share: false,
    chart: measures.length === 0 ? 'table' : chart,
    title,
  };
}

/**
 * How the query ordered its rows, when it ranked them rather than followed
 * time: rows of a time column out of time order are a ranking ("the 5 biggest
 * jumps"), read as highest or lowest first by the first measure.
 */
function rankOrder(result: ResultTable): AnalysisPlan['sort'] {
  const time = result.columns.findIndex((c) => c.role === 'time');
  const measure = result.columns.findIndex((c) => c.role === 'measure');
  if (time < 0 || measure < 0) return undefined;
  const times = result.rows.map((row) => String(row[time]));
  if (times.every((t, i) => i === 0 || (times[i - 1] as string) <= t)) return undefined;
  const first = result.rows[0]?.[measure];
  const last = result.rows[result.rows.length - 1]?.[measure];
  const ascending = typeof first === 'number' && typeof last === 'number' && first < last;
  return { by: 'measure', direction: ascending ? 'asc' : 'desc' };
}

/**
 * "Average order value was 458.6." for a query that returned one row of
 * numbers: the totals template would speak of matching rows, which such a
 * query does not count. Null for any other shape.
 */
export function oneRowHeadline(result: ResultTable): Statement | null {
  const [row] = result.rows;
  if (row === undefined || result.rows.length > 1 || result.columns.some((c) => c.role !== 'measure')) return null;
  const said = new StatedNumbers();
  const parts = result.columns.slice(0, 3).flatMap((column, i) => {
    const value = row[i];
    return typeof value === 'number' ? [`${column.name} was ${said.amount(value, chartUnit(column.unit))}`] : [];
  });
  return parts.length === 0 ? null : said.statement(`${capitalize(parts.join('; '))}.`);
}

/** The coarsest grain all values sit on: every Jan 1 is yearly, every 1st monthly. */
function grainOf(values: readonly ResultValue[]): TimeGrain {
  const dates = values.filter((v): v is string => typeof v === 'string');
  if (dates.length > 0 && dates.every((d) => d.slice(5, 10) === '01-01')) return 'year';
  if (dates.length > 0 && dates.every((d) => d.slice(8, 10) === '01')) return 'month';
  return 'day';
}

function textOf(value: JS): ResultValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}
