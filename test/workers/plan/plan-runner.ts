import { runPlan, type PlanRun } from '../../../workers/plan/run-plan';
import type { ResultValue } from '../../../workers/plan/result-table';
import type { Loaded } from '../../support/ingest';

/** Runs a plan, given only the parts a test is about, on a loaded dataset. */
export function runOn(data: Loaded, parts: Record<string, unknown>): Promise<PlanRun> {
  return runPlan(
    data.connection,
    { version: 1, kind: 'aggregate', chart: 'bar', title: 'test', ...parts },
    data.meta,
    data.table,
  );
}

/** Result rows as objects keyed by column name, for readable assertions. */
export function records(run: PlanRun): Record<string, ResultValue>[] {
  const names = run.result.columns.map((c) => c.name);
  return run.result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])));
}

/** Independent SQL's first row, with BIGINT/HUGEINT made numbers. */
export async function firstRow(data: Loaded, sql: string): Promise<Record<string, unknown>> {
  const [row] = await data.rows(sql);
  if (!row) throw new Error(`no rows from ${sql}`);
  return numbers(row);
}

/** Independent SQL's rows, with BIGINT/HUGEINT made numbers. */
export async function allRows(data: Loaded, sql: string): Promise<Record<string, unknown>[]> {
  return (await data.rows(sql)).map(numbers);
}

function numbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}

/** Two lists of numbers equal to `digits` decimal places, element by element. */
export function expectClose(actual: ResultValue[], expected: unknown[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(Number(expected[i]), digits));
}
