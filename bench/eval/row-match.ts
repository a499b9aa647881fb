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

/** Whether every cell of `expected` is in `actual` (each cell used once): an answer may show more than was asked. */
function holds(actual: readonly unknown[], expected: readonly unknown[]): boolean {
  const left = actual.map(cellKey);
  return expected.every((cell) => {
    const at = left.indexOf(cellKey(cell));
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

/**
 * Whether the answer has as many rows as expected and each expected row's
 * cells are within a different answer row: for answers whose shape is a
 * choice (a change shown with both levels, a period labelled in words).
 */
export function rowsHoldCells(actual: readonly ResultValue[][], expected: readonly unknown[][]): boolean {
  if (actual.length !== expected.length) return false;
  const free = [...actual];
  return expected.every((row) => {
    const at = free.findIndex((candidate) => holds(candidate, row));
    if (at < 0) return false;
    free.splice(at, 1);
    return true;
  });
}

/**
 * Whether the answer's first row holds one of the expected rows: "which region…" names its member first, and
 * the SQL lists every member tied for first.
 */
export function firstRowHolds(actual: readonly ResultValue[][], expected: readonly unknown[][]): boolean {
  const [first] = actual;
  return first !== undefined && expected.some((row) => holds(first, row));
}
