import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';

/**
 * What an answer says about values the file held that stand for no value
 * (NaN, infinities, placeholder dates) or were not of the column's type (a
 * stray "TBD" among amounts), when a column it uses had some: they
 * were read as missing at ingest, so the figures skip those rows, and the
 * person should not have to find that in the file's overview.
 *
 * @example
 * leftOutNote(salesByRegion, meta)
 * // '12 rows with no Sales value (NaN or infinite in the file) are left out.'
 */
export function leftOutNote(plan: AnalysisPlan, meta: DatasetMeta): string | undefined {
  const used = new Set(columnsOf(plan));
  const sentences = meta.columns
    .filter((column) => used.has(column.name))
    .flatMap((column) => [
      ...((column.emptied ?? 0) > 0 ? [sentence(column)] : []),
      ...((column.strays ?? 0) > 0 ? [straysSentence(column)] : []),
    ]);
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

const rowsWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
const isDate = (column: ColumnProfile) => column.type === 'date' || column.type === 'datetime';
// "no Order Date", not "no Order Date date"; "no value", not "no value value".
const dateWord = (column: ColumnProfile) =>
  /\b(date|day)$/i.test(column.name.trim()) ? column.name : `${column.name} date`;
const valueWord = (column: ColumnProfile) =>
  /\b(value|values)$/i.test(column.name.trim()) ? column.name : `${column.name} value`;

/** Values the file held that were not of the column's type (a stray "TBD" among amounts), left empty. */
function straysSentence(column: ColumnProfile): string {
  const n = column.strays ?? 0;
  const is = n === 1 ? 'is' : 'are';
  if (isDate(column)) return `${rowsWord(n)} with no ${dateWord(column)} (not a date in the file) ${is} left out.`;
  return `${rowsWord(n)} with no ${valueWord(column)} (not a number in the file) ${is} left out.`;
}

function sentence(column: ColumnProfile): string {
  const n = column.emptied ?? 0;
  if (isDate(column)) {
    // A grouping by the date shows them as a group without a period; dated filters leave them out.
    const held = n === 1 ? 'a placeholder' : 'placeholders';
    return `${rowsWord(n)} ${n === 1 ? 'has' : 'have'} no ${dateWord(column)} (the file held ${held} for “no date”).`;
  }
  return `${rowsWord(n)} with no ${valueWord(column)} (NaN or infinite in the file) ${n === 1 ? 'is' : 'are'} left out.`;
}

/**
 * Every column a plan names: its measures, groupings, filters and comparison
 * sides all call theirs `column`, whatever the plan's kind.
 */
function columnsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(columnsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'column' && typeof inner === 'string' ? [inner] : columnsOf(inner),
  );
}
