import type { ResultValue } from '../../workers/plan/result-table';

/** A cell as comparable text: numbers to nine significant digits, since summation order moves the last ones. */
function cellKey(value: unknown): string {
  if (typeof value === 'bigint') value = Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(9))) : 'null';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? 'null' : String(value);
}

/**
 * Whether an answer's rows are the expected rows, as a set: a planner may
 * order ties, or a breakdown, differently from the hand-written SQL.
 */
export function sameRows(actual: readonly ResultValue[][], expected: readonly unknown[][]): boolean {
  if (actual.length !== expected.length) return false;
  const keys = (rows: readonly (readonly unknown[])[]) => rows.map((row) => row.map(cellKey).join('\u0001')).sort();
  const a = keys(actual);
  const e = keys(expected);
  return a.every((key, i) => key === e[i]);
}
