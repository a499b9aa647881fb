import type { ResultTable, ResultValue } from '../plan/result-table';

/**
 * Spreadsheet apps run a cell that starts with one of these as a formula
 * (`=HYPERLINK(…)`, `+cmd|…`), so a value from an uploaded file could act when
 * the export is opened. Such cells get a leading `'`, which shows them as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: ResultValue): string {
  if (value === null) return '';
  // Numbers are written as numbers: a negative amount is data, not a formula.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A result as RFC 4180 CSV with a header row, CRLF line ends and formula
 * injection neutralised in text cells (column names included).
 *
 * @example resultCsv({ columns: [{ name: 'Region', … }], rows: [['=HYPERLINK("x")']], … })
 * // 'Region\r\n"\'=HYPERLINK(""x"")"\r\n'
 */
export function resultCsv(result: Pick<ResultTable, 'columns' | 'rows'>): string {
  const lines = [result.columns.map((column) => cell(column.name)), ...result.rows.map((row) => row.map(cell))];
  return lines.map((line) => `${line.join(',')}\r\n`).join('');
}
