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

/**
 * Finds the header among the first rows of a table: the first row as wide as the
 * table whose cells are mostly filled, skipping title lines and blank lines above
 * it. Returns `headerless` when that row holds only values (numbers, dates), so
 * the caller names the columns itself.
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
    const headerless = row.filter(filled).every((cell) => looksLikeValue(cell as string));
    return { index: i, headerless };
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
