import { monthFamilyOf } from '../types/month-shapes';

/** Control characters (tabs, newlines inside a quoted header) would make names unreadable in chat. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

const cleanName = (cell: string | null | undefined) => (cell ?? '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

/**
 * Turns a header row into names a person can read and DuckDB can hold: trimmed,
 * whitespace collapsed, empty ones named after their position ("Column 3"),
 * duplicates numbered ("Sales (2)"). DuckDB identifiers are case-insensitive, so
 * uniqueness is too.
 *
 * @example uniqueHeaderNames(['Sales', '', 'sales']) // ['Sales', 'Column 2', 'sales (2)']
 */
export function uniqueHeaderNames(cells: readonly (string | null | undefined)[]): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  cells.forEach((cell, index) => {
    const cleaned = cleanName(cell);
    const base = cleaned === '' ? `Column ${index + 1}` : cleaned.slice(0, 120);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    names.push(name);
  });
  return names;
}

/** A header name as its header cell wrote it, before {@link uniqueHeaderNames} numbered a repeat: `Sales (2)` is `Sales`. */
export function nameAsWritten(name: string): string {
  return name.replace(/ \(\d+\)$/, '');
}

/** Whether a header cell gives its column a name of its own (a blank one leaves "Column 3"). */
export function namesColumn(cell: string | null | undefined): boolean {
  return cleanName(cell) !== '';
}

function filled(cell: string | null | undefined): boolean {
  return cell != null && cell.trim() !== '';
}

/** Is this cell plainly a value (a number or a date) rather than a label? */
function looksLikeValue(cell: string): boolean {
  return /^[\s$€£¥(+-]*\d[\d\s.,:/%)-]*$/.test(cell);
}

/** Rows under a candidate header enough to tell each column's kind. */
const ROWS_BELOW = 50;

/** What a cell plainly is, for telling a header cell from a value under it. */
type CellKind = 'date' | 'year' | 'integer' | 'number' | 'other';

const DATE =
  /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[AaPp][Mm])?)?\s*$/;
const YEAR = /^\s*(1[89]|20|21)\d\d\s*$/;
const INTEGER = /^\s*\d+\s*$/;
const NUMBER = /^\s*[$€£¥]?\s*[(+-]?\s*[$€£¥]?\s*\d[\d\s.,']*\)?\s*(%|€|[A-Z]{3})?\s*$/;

/** A month as the type reader reads one (`2024-01`, `01/2024`, `Jan 2024`): a date, for telling a header from a row. */
const MONTH_SHAPES = { numeric: true, shortYear: false, compact: false };

function kindOf(cell: string): CellKind {
  if (DATE.test(cell) || monthFamilyOf(cell.trim(), MONTH_SHAPES) !== null) return 'date';
  if (YEAR.test(cell)) return 'year';
  if (INTEGER.test(cell)) return 'integer';
  return NUMBER.test(cell) ? 'number' : 'other';
}

/**
 * What a filled cell says about its row, over a column of values of kind `column`: a date over dates, a
 * decimal or formatted number over numbers, a year over years is a value; a plain whole number over numbers
 * says nothing (a week or question number heads a column as well as it fills one); anything else is a name.
 * A plain year over other numbers is a name: `Region,2023,2024` over amounts, a pivot export's years.
 */
function cellSays(cell: CellKind, column: CellKind): 'value' | 'name' | 'nothing' {
  if (cell === column) return 'value';
  if (cell === 'integer' && (column === 'number' || column === 'year')) return 'nothing';
  if (cell === 'number' && column === 'year') return 'nothing';
  return 'name';
}

/**
 * Whether the candidate header row is the first row of data, decided column by column as a careful sniffer
 * does: in each column whose cells below are all of one clear kind (dates, numbers, years), a cell of that
 * kind is a value and another a name (see {@link cellSays}). The row is data when it has such a value and
 * no such name. Where no cell says either (text columns, no rows below), a row of nothing but values is data.
 */
function holdsData(
  row: readonly (string | null | undefined)[],
  below: readonly (readonly (string | null | undefined)[])[],
): boolean {
  let values = 0;
  for (let j = 0; j < row.length; j++) {
    const cell = row[j];
    if (!filled(cell)) continue;
    const column = columnKind(below, j);
    if (column === null) continue;
    const says = cellSays(kindOf(cell as string), column);
    if (says === 'name') return false;
    if (says === 'value') values++;
  }
  return values > 0 || row.filter(filled).every((cell) => looksLikeValue(cell as string));
}

/** The one kind of every filled cell of column `j` (whole numbers among others are numbers), or null. */
function columnKind(rows: readonly (readonly (string | null | undefined)[])[], j: number): CellKind | null {
  let kind: CellKind | null = null;
  for (const row of rows) {
    const cell = row[j];
    if (!filled(cell)) continue;
    const next = kindOf(cell as string);
    if (next === 'other') return null;
    if (kind === null || kind === next) kind = next;
    else if (kind !== 'date' && next !== 'date') kind = 'number';
    else return null;
  }
  return kind === 'integer' ? 'number' : kind;
}

/**
 * Finds the header among the first rows of a table: the first row as wide as the
 * table whose cells are mostly filled, skipping title lines and blank lines above
 * it. Returns `headerless` when that row is the first row of data (see {@link holdsData}),
 * so the caller names the columns itself.
 *
 * @param rows the first rows, cells as text
 * @param width the table's width (the most common number of cells in a row)
 */
export function findHeaderRow(
  rows: readonly (readonly (string | null | undefined)[])[],
  width: number,
): { index: number; headerless: boolean } {
  // A delimiter after the last value of every data row (but not the header) makes the rows one field wider.
  const named = width - emptyTail(rows, width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const count = row.filter(filled).length;
    const wideEnough = row.length >= named && count >= Math.max(1, Math.ceil(width / 2));
    if (!wideEnough) continue;
    return { index: i, headerless: holdsData(row, rows.slice(i + 1, i + 1 + ROWS_BELOW)) };
  }
  return { index: 0, headerless: false };
}

/** How many last fields are empty in every row of the table's width, so a header may leave them out. */
function emptyTail(rows: readonly (readonly (string | null | undefined)[])[], width: number): number {
  const full = rows.filter((row) => row.length === width);
  let tail = 0;
  while (tail < width - 1 && full.length > 0 && full.every((row) => !filled(row[width - 1 - tail]))) tail++;
  return tail;
}
