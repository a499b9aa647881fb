/** What DuckDB's `stats()` says a column of doubles holds: its extremes, or that it holds no value. */
export type RecordedExtremes = { min: number; max: number } | 'empty';

const STATS = /^\[Min: ([^,\]]+), Max: ([^\]]+)\]\[Has Null: (?:true|false), Has No Null: (true|false)\]/;
const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/;

/**
 * The least and greatest value of a column of doubles, read from the statistics DuckDB keeps as it
 * writes a table (`[Min: 3.64, Max: 9992.2][Has Null: false, Has No Null: true]…`), where NaN is
 * `nan` and sorts above every number, and the infinities are `inf` and `-inf`. Null when the text
 * does not read that way (another DuckDB may write it otherwise): the extremes are then counted.
 *
 * @example recordedExtremes('[Min: -inf, Max: nan][Has Null: false, Has No Null: true]') // { min: -Infinity, max: NaN }
 */
export function recordedExtremes(stats: string): RecordedExtremes | null {
  const match = STATS.exec(stats);
  if (!match) return null;
  const [, low = '', high = '', anyValue] = match;
  if (anyValue === 'false') return 'empty';
  const min = numberOf(low);
  const max = numberOf(high);
  return min === null || max === null ? null : { min, max };
}

function numberOf(text: string): number | null {
  if (text === 'nan') return NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return NUMBER.test(text) ? Number(text) : null;
}
