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
  const kept = all.filter((row) => carrier === undefined || row[carrier] !== null);
  const rows = kept.slice(0, compiled.cut?.shown).map((row) => row.slice(0, width));
  const result: ResultTable = { columns: compiled.columns, rows, matchedRows: numberOf(summary, 'matchedRows') ?? 0 };
  if (compiled.kind === 'relationship') {
    result.relationship = {
      correlation: numberOf(summary, 'correlation') ?? null,
      slope: numberOf(summary, 'slope') ?? null,
      intercept: numberOf(summary, 'intercept') ?? null,
      pairs: numberOf(summary, 'pairs') ?? 0,
    };
  }
  if (summary.lastDate !== undefined) result.lastDate = day(summary.lastDate);
  const measured = numberOf(summary, 'measuredRows');
  if (measured !== undefined) result.measuredRows = measured;
  const groupCount = numberOf(summary, 'groupCount');
  if (groupCount !== undefined) {
    result.groups = {
      count: groupCount,
      total: numberOf(summary, 'groupTotal') ?? null,
      max: numberOf(summary, 'groupMax') ?? null,
      min: numberOf(summary, 'groupMin') ?? null,
      negatives: numberOf(summary, 'groupNegatives') ?? 0,
      ...(compiled.cut ? tiesAtCut(compiled.cut, kept, width) : {}),
    };
  }
  if (compiled.change && typeof summary.currentFrom === 'string') {
    result.change = {
      ...compiled.change,
      current: { from: day(summary.currentFrom), to: day(summary.currentTo) },
      base: { from: day(summary.baseFrom), to: day(summary.baseTo) },
      currentPartial: summary.currentPartial === true,
    };
  } else if (compiled.change && typeof summary.currentFrom === 'number') {
    const years = (from: ResultValue | undefined) => ({ from: String(from), to: String(Number(from) + 1) });
    result.change = {
      ...compiled.change,
      current: years(summary.currentFrom),
      base: years(summary.baseFrom),
      currentPartial: false,
    };
  }
  if (compiled.kind === 'distribution') {
    result.bins = rows.map(([from, to, count]) => ({ from: Number(from), to: Number(to), count: Number(count) }));
  }
  return result;
}

/** How many groups share the last shown row's value, and the row past the cut, which the query fetched for this. */
function tiesAtCut(
  cut: NonNullable<CompiledPlan['cut']>,
  kept: ResultValue[][],
  width: number,
): Pick<NonNullable<ResultTable['groups']>, 'tiedWithLast' | 'firstLeftOut'> {
  const tied = kept[Math.min(cut.shown, kept.length) - 1]?.[cut.tiesColumn];
  const next = kept[cut.shown];
  return {
    ...(typeof tied === 'number' ? { tiedWithLast: tied } : {}),
    ...(next === undefined ? {} : { firstLeftOut: next.slice(0, width) }),
  };
}

type Summary = Partial<Record<SummaryField, ResultValue>>;

/** A summary figure that is a number (counts, fits), or undefined. */
function numberOf(summary: Summary, field: SummaryField): number | undefined {
  const value = summary[field];
  return typeof value === 'number' ? value : undefined;
}

/** The summary figures, read from the first row; a query that returned no rows matched none. */
function summaryOf(fields: SummaryField[], values: ResultValue[]): Summary {
  const summary: Summary = {};
  fields.forEach((field, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) summary[field] = value;
  });
  return summary;
}

/** A period bound as a date: periods of a day or longer start at midnight. */
function day(value: ResultValue | undefined): string {
  return String(value ?? '').slice(0, 10);
}
