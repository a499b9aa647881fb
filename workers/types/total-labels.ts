import { quoteLiteral } from '../engine/duckdb';

/**
 * How people label a totals row: `Total`, `Totals`, `Grand Total`, `Subtotal`,
 * `Sub-total`, `Sum`, and the `East Total` that Excel's Subtotal command and
 * pivot tables write under each group, optionally with a colon. `Total Recall`
 * is not one: words after "total" name a thing, not a sum. Written once for
 * JavaScript and DuckDB's RE2, which read it the same way.
 */
const TOTAL_LABEL = '^(.+\\s)?((grand|sub)[ -]?)?totals?:?$|^sum:?$';

const pattern = new RegExp(TOTAL_LABEL, 'i');

/**
 * What a label must contain, checked first because it is cheap: every text cell of a file is
 * tested, and the case-insensitive pattern alone cost about 0.4 s per million cells here, these
 * four substring tests before it less than half that. Labels in mixed case ("ToTaL") are missed.
 */
const HINTS = ['otal', 'OTAL', 'um', 'UM'];

/** Whether a cell's text reads as the label of a totals or subtotal row. */
export function isTotalLabel(text: string): boolean {
  return HINTS.some((hint) => text.includes(hint)) && pattern.test(text.trim());
}

/**
 * A row's text cells joined with this character, which cells rarely hold: the pattern below tells
 * where a cell ends. A cell that does hold it only makes more rows pass, never fewer.
 */
const CELL_BREAK = '\\x01';

/**
 * What a row must hold to have a label cell: a cell ending in "total", "totals" or "total:", or a
 * cell that is "sum" or "sum:" (in any case, blanks aside). Every label passes. It is one regular
 * expression over the row's joined text: a test per cell, written per column, cost a
 * thousand-column file seconds.
 */
const ROW_HINT = `totals?:?\\s*(${CELL_BREAK}|$)|(^|${CELL_BREAK})\\s*sum:?\\s*(${CELL_BREAK}|$)`;

/** The same test for one cell: on a narrow file, a test per cell costs less than joining the cells first. */
const CELL_HINT = 'totals?:?\\s*$|^\\s*sum:?\\s*$';

/** Up to this many cells, each is tested on its own (a fifth faster on a million rows of three cells). */
const CELLS_TESTED_ONE_BY_ONE = 8;

/** SQL: true where `text` holds one of the hints, which every label does (four substring tests cost a regex's half). */
function hintedSql(text: string): string {
  return `(${HINTS.map((hint) => `contains(${text}, '${hint}')`).join(' OR ')})`;
}

/**
 * SQL: true where one of `cells` holds a label's hint, which every label does. Cheap enough to be
 * counted inside another scan, where DuckDB evaluates a filter's every term on every row: there a
 * regular expression behind the hints would cost as much as on its own.
 */
export function labelHintSql(cells: string[]): string {
  return cells.length === 0 ? 'false' : `(${cells.map(hintedSql).join(' OR ')})`;
}

/**
 * SQL: true where one of the texts `cells` may read as a totals label (and always where one does),
 * as a WHERE clause: the hints first, and the pattern only on the rows they let through.
 */
export function rowMayHoldTotalLabelSql(cells: string[]): string {
  if (cells.length === 0) return 'false';
  if (cells.length <= CELLS_TESTED_ONE_BY_ONE) {
    const tests = cells.map(
      (cell) => `(${hintedSql(cell)} AND regexp_matches(${cell}, ${quoteLiteral(CELL_HINT)}, 'i'))`,
    );
    return `(${tests.join(' OR ')})`;
  }
  const joined = `concat_ws(chr(1), ${cells.join(', ')})`;
  return `(${hintedSql(joined)} AND regexp_matches(${joined}, ${quoteLiteral(ROW_HINT)}, 'i'))`;
}

/** SQL: true where the text `raw` reads as the label of a totals or subtotal row. */
export function totalLabelSql(raw: string): string {
  return `(${hintedSql(raw)} AND regexp_matches(trim(${raw}), ${quoteLiteral(TOTAL_LABEL)}, 'i'))`;
}
