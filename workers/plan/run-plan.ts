import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import { compilePlan, type CompiledPlan, type SummaryField } from './compile-plan';
import { PlanError } from './plan-errors';
import type { ResultTable, ResultValue } from './result-table';
import { jsonValues } from './result-values';
import type { SqlValue } from './sql-params';
import { validatePlan } from './validate-plan';

/** What ran and what it gave, for the reply, the chart and the CLI's `--json`. */
export interface PlanRun {
  sql: string;
  params: Record<string, SqlValue>;
  result: ResultTable;
}

/**
 * Answers a plan from a planner on a dataset's table: validates it against
 * `meta` (a `PlanError` says what to fix), compiles it to one SQL statement
 * and converts the answer to JSON-ready values. One query does all the work,
 * including the matching row count and, for relationships, the fit.
 *
 * @example
 * const { result } = await runPlan(connection, {
 *   version: 1, kind: 'aggregate', chart: 'bar', title: 'Sales by region',
 *   measures: [{ column: 'Sales', aggregation: 'sum' }], dimensions: [{ column: 'Region' }],
 * }, meta, 'dataset');
 * result.rows[0] // ['West', 725457.82]
 */
export async function runPlan(
  connection: DuckDBConnection,
  plan: unknown,
  meta: DatasetMeta,
  table: string,
): Promise<PlanRun> {
  const valid = validatePlan(plan, meta);
  const compiled = compilePlan(valid, meta, table);
  let reader: DuckDBResultReader;
  try {
    reader = await connection.runAndReadAll(compiled.sql, compiled.params);
  } catch (error) {
    throw new PlanError('QUERY_FAILED', `The numbers for "${valid.title}" could not be computed.`, { cause: error });
  }
  return { sql: compiled.sql, params: compiled.params, result: resultTable(compiled, reader) };
}

function resultTable(compiled: CompiledPlan, reader: DuckDBResultReader): ResultTable {
  const columns = reader.getColumnsJS().map((values, i) => jsonValues(values, reader.columnTypeId(i)));
  const width = compiled.columns.length;
  const all = Array.from({ length: reader.currentRowCount }, (_, r) => columns.map((column) => column[r] ?? null));
  const summary = summaryOf(compiled.summary, all[0]?.slice(width) ?? []);
  const carrier = compiled.carrierColumn;
  const rows = all.filter((row) => carrier === undefined || row[carrier] !== null).map((row) => row.slice(0, width));
  const result: ResultTable = { columns: compiled.columns, rows, matchedRows: summary.matchedRows ?? 0 };
  if (compiled.kind === 'relationship') {
    result.relationship = {
      correlation: summary.correlation ?? null,
      slope: summary.slope ?? null,
      intercept: summary.intercept ?? null,
      pairs: summary.pairs ?? 0,
    };
  }
  if (compiled.kind === 'distribution') {
    result.bins = rows.map(([from, to, count]) => ({ from: Number(from), to: Number(to), count: Number(count) }));
  }
  return result;
}

/** The summary figures, read from the first row; a query that returned no rows matched none. */
function summaryOf(fields: SummaryField[], values: ResultValue[]): Partial<Record<SummaryField, number>> {
  const summary: Partial<Record<SummaryField, number>> = {};
  fields.forEach((field, i) => {
    const value = values[i];
    if (typeof value === 'number') summary[field] = value;
  });
  return summary;
}
