import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import { cleanUntrusted, UNTRUSTED_LIMITS } from './untrusted-text';

/** Dimensions with at most this many distinct values show their most frequent values. */
const LISTED_VALUES_UP_TO = 30;
/** Operator-allowed sample rows, at most. */
export const MAX_SAMPLE_ROWS = 5;

export interface ColumnBrief {
  name: string;
  type: ColumnProfile['type'];
  role: ColumnProfile['role'];
  unit?: string;
  distinct?: number;
  min?: number;
  max?: number;
  mean?: number;
  from?: string;
  to?: string;
  grain?: string;
  /** The most frequent values of a low-cardinality dimension (the profile's, never the rows'). */
  values?: string[];
}

/** What the model learns about a dataset: its shape and profile, never its rows unless an operator allows a few. */
export interface DatasetBrief {
  table: string;
  name: string;
  rows: number;
  columns: ColumnBrief[];
  sample_rows?: (string | number | boolean | null)[][];
}

/**
 * The compact profile a model plans from: column names, types, roles, units,
 * ranges, and a few values of low-cardinality dimensions, every text from the
 * file cleaned and capped (see `cleanUntrusted`). Sample rows appear only
 * when the caller passes them, which the composition root does only when the
 * operator setting allows it.
 *
 * @example
 * datasetBrief(meta, 'dataset').columns[0] // { name: 'Region', type: 'category', role: 'dimension', distinct: 4, values: [...] }
 */
export function datasetBrief(
  meta: DatasetMeta,
  table: string,
  sampleRows?: readonly (readonly unknown[])[],
): DatasetBrief {
  const brief: DatasetBrief = {
    table,
    name: cleanUntrusted(meta.name, UNTRUSTED_LIMITS.name),
    rows: meta.rows,
    columns: briefNames(meta).map((name, i) => columnBrief(meta.columns[i] as ColumnProfile, name)),
  };
  if (sampleRows && sampleRows.length > 0) {
    brief.sample_rows = sampleRows.slice(0, MAX_SAMPLE_ROWS).map((row) => row.map(sampleValue));
  }
  return brief;
}

function columnBrief(column: ColumnProfile, name: string): ColumnBrief {
  const brief: ColumnBrief = { name, type: column.type, role: column.role };
  if (column.unit) brief.unit = column.unit;
  if (column.distinct !== undefined) brief.distinct = column.distinct;
  if (column.min !== undefined) brief.min = round(column.min);
  if (column.max !== undefined) brief.max = round(column.max);
  if (column.mean !== undefined) brief.mean = round(column.mean);
  if (column.from) brief.from = column.from;
  if (column.to) brief.to = column.to;
  if (column.grain) brief.grain = column.grain;
  if (column.role === 'dimension' && column.top && (column.distinct ?? Infinity) <= LISTED_VALUES_UP_TO) {
    brief.values = column.top.map((top) => cleanUntrusted(top.value, UNTRUSTED_LIMITS.value));
  }
  return brief;
}

/**
 * Column names as the model sees them, mapped back to the dataset's, for the
 * few names that cleaning changed (a zero-width space, a name past the cap).
 */
export function columnNamesFromBrief(meta: DatasetMeta): Map<string, string> {
  const names = new Map<string, string>();
  briefNames(meta).forEach((seen, i) => {
    const real = meta.columns[i]?.name;
    if (real !== undefined && seen !== real) names.set(seen, real);
  });
  return names;
}

/**
 * Each column's name cleaned and capped, kept apart from the others: a name
 * that cleans to one already taken (`Sales\u200b` next to `Sales`) gets a
 * number (`Sales (2)`), so the model can still name each column and the plan
 * maps back to the right one. Names cleaning leaves alone come first, so they
 * keep their own spelling.
 */
function briefNames(meta: DatasetMeta): string[] {
  const cleaned = meta.columns.map((column) => cleanUntrusted(column.name, UNTRUSTED_LIMITS.name));
  const taken = new Set(meta.columns.filter((c, i) => cleaned[i] === c.name).map((c) => c.name.toLowerCase()));
  return cleaned.map((name, i) => {
    if (name === meta.columns[i]?.name) return name;
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

function sampleValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return cleanUntrusted(String(value), UNTRUSTED_LIMITS.value);
}

/** Six significant digits say the range; more only costs tokens. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
