import { quoteLiteral } from '../engine/duckdb';

/** What a summary row shows of the rows it summarises: their sums, means, counts, largest, smallest or middle values. */
export type SummaryKind = 'sum' | 'mean' | 'count' | 'max' | 'min' | 'median';

/**
 * How people label a summary row, by what it shows. Totals: `Total`, `Totals`, `Grand Total`,
 * `Subtotal`, `Sub-total`, the `East Total` that Excel's Subtotal command and pivot tables write
 * under each group, `Totals for East`, `Total for 2024`, `Sum`, a pivot's `Sum of Sales`, and the
 * same in German (`Summe`, `Gesamt`, `Gesamtsumme`, `Gesamtergebnis`, `Zwischensumme`), French
 * (`Total général`, `Somme`, `Sous-total`), Dutch (`Totaal`, `Eindtotaal`), Spanish (`Total
 * general`), Japanese and Chinese (`合計`, `小計`, `総計`, `总计`, `合计`, `小计`); then `Average`, `Mean`, `Avg`,
 * `Count`, `Max`, `Min` and `Median`, and the same in German (`Mittelwert`, `Durchschnitt`, `Anzahl`,
 * `Höchstwert`), French (`Moyenne`, `Médiane`), Spanish (`Promedio`, `Recuento`, `Máximo`, `Mínimo`,
 * `Mediana`) and Dutch (`Gemiddelde`, `Aantal`, `Mediaan`), alone or under a group (`East Average`,
 * `Grand Count`), and a subtotal before its group's name (`Subtotal North`, `Sous-total Nord`,
 * `Zwischensumme Nord`), `Insgesamt` and Spanish `Suma`; a group's name before a maximum, minimum or median has no digit, so `5 min` is
 * a duration, not a label. Any of them may end in a colon. `Total Recall` and `Sum 41` are none: words
 * after "total" or "sum" name a thing, unless they say what was totalled ("for", "of"). Written
 * once for JavaScript and DuckDB's RE2, which read them the same way.
 */
const FORMS: Record<SummaryKind, string[]> = {
  sum: [
    '(.+\\s)?((grand|sub|sous)[ -]?)?totals?',
    '((grand|sub)[ -]?)?totals?\\s+for\\s+\\S.*',
    'total\\s+g[ée]n[ée]ral',
    '(.+\\s)?(eind|sub)?totaal',
    'sum',
    'sum\\s+of\\s+\\S.*',
    '(.+\\s)?(gesamt|zwischen)?summe',
    '(sub|sous)[ -]?total:?\\s+\\S.*',
    'zwischensumme:?\\s+\\S.*',
    '(ins)?gesamt(ergebnis)?',
    'somme',
    'suma',
    '(.+\\s)?(合計|小計|総計|总计|合计|小计)',
  ],
  mean: ['(.+\\s)?(average|mean|avg\\.?|mittelwert|durchschnitt|moyenne|promedio|gemiddelde)'],
  count: ['(.+\\s)?(count|anzahl|aantal|recuento)'],
  max: ['(\\D+\\s)?(max\\.?|maximum|h[öo]chstwert|m[áa]ximo)'],
  min: ['(\\D+\\s)?(min\\.?|minimum|tiefstwert|m[íi]nimo)'],
  median: ['(\\D+\\s)?(median|m[ée]diane|mediana|mediaan)'],
};

const anchored = (forms: string[]) => `^(${forms.join('|')}):?$`;
const SUMMARY_LABEL = anchored(Object.values(FORMS).flat());
const patterns = (Object.entries(FORMS) as [SummaryKind, string[]][]).map(
  ([kind, forms]) => [kind, new RegExp(anchored(forms), 'i')] as const,
);

/**
 * A word every label contains, looked for first because it is cheap: every sampled value of every
 * column is tested (16,000 at each start on the bench file), and in SQL every row of a text column
 * that is not tallied. One case-insensitive search for these words takes a millisecond or two
 * there in JavaScript; in DuckDB it cost 107 ms over 3 million cells where four substring tests
 * took 85 and sixteen (these words in two cases) 300, and the full patterns cost more. `max` and
 * `min` must start a word: as parts of words ("Admin", "Terminal") they would send whole columns
 * on to the full patterns (a 3-million-row column of "Admin 7" took 570 ms, not 360).
 */
const HINT_WORDS =
  'total|totaal|sum|somme|gesamt|average|mean|avg|count|合計|小計|総計|总计|合计|小计|mittelwert|durchschnitt|moyenne|' +
  'promedio|gemiddelde|anzahl|aantal|recuento|\\bm(ax|in|áx|ín)|stwert|m[ée]dia(n|an)';

const hinted = new RegExp(HINT_WORDS, 'i');
const LETTER = /\p{L}/u;

/**
 * A label that may be a total's or a thing's: `Total East`, `Total 2024` (and `Total Recall`). Only
 * a table's last row is taken for a totals row on it, and only when its numbers are the sums;
 * anywhere else such a row is a category like any other, without a note.
 */
const LOOSE_TOTAL = '^totals?\\s+\\S.*$';
const loosePattern = new RegExp(LOOSE_TOTAL, 'i');

export function isLooseTotalLabel(text: string): boolean {
  return loosePattern.test(text.trim());
}

/** SQL: {@link isLooseTotalLabel} of the text `raw`. */
export function looseTotalLabelSql(raw: string): string {
  return `regexp_matches(trim(${raw}), ${quoteLiteral(LOOSE_TOTAL)}, 'i')`;
}

/** What a summary row's label says it shows, or null when the text is no such label. */
export function summaryKind(text: string): SummaryKind | null {
  // Every hint has a letter: the numbers and dates of a sample are passed over without the hint's search.
  if (!LETTER.test(text) || !hinted.test(text)) return null;
  const trimmed = text.trim();
  for (const [kind, pattern] of patterns) if (pattern.test(trimmed)) return kind;
  return null;
}

/** Whether a cell's text reads as the label of a totals, subtotal, average or count row. */
export function isTotalLabel(text: string): boolean {
  return summaryKind(text) !== null;
}

/**
 * A row's text cells joined with this character, which cells rarely hold: the pattern below tells
 * where a cell ends. A cell that does hold it only makes more rows pass, never fewer.
 */
const CELL_BREAK = '\\x01';

/**
 * What a row must hold to have a label cell, written with `<` for where a cell starts and `>` for
 * where it ends (blanks aside): each of {@link FORMS} holds one of these, so every label passes.
 */
const ROW_HINTS = [
  'totals?:?>',
  'totals?\\s+for\\s',
  'total\\s+g[ée]n[ée]ral:?>',
  'totaal:?>',
  '<sum:?>',
  '<sum\\s+of\\s',
  'summe:?>',
  '<gesamt',
  '<insgesamt:?>',
  '<(sub|sous)[ -]?total:?\\s',
  '<zwischensumme:?\\s',
  '<somme:?>',
  '<suma:?>',
  '(average|mean|avg\\.?|count|mittelwert|durchschnitt|moyenne|promedio|gemiddelde|anzahl|aantal|recuento):?>',
  '(max\\.?|maximum|h[öo]chstwert|m[áa]ximo|min\\.?|minimum|tiefstwert|m[íi]nimo):?>',
  '(median|m[ée]diane|mediana|mediaan):?>',
  '(合計|小計|総計|总计|合计|小计):?>',
];

const hintPattern = (start: string, end: string) =>
  ROW_HINTS.map((hint) => hint.replace('<', () => start).replace('>', () => end)).join('|');

/**
 * The test over a row's joined text: one regular expression, since a test per cell, written per
 * column, cost a thousand-column file seconds.
 */
const ROW_HINT = hintPattern(`(^|${CELL_BREAK})\\s*`, `\\s*(${CELL_BREAK}|$)`);

/** The same test for one cell: on a narrow file, a test per cell costs less than joining the cells first. */
const CELL_HINT = hintPattern('^\\s*', '\\s*$');

/** Up to this many cells, each is tested on its own (a fifth faster on a million rows of three cells). */
const CELLS_TESTED_ONE_BY_ONE = 8;

/** SQL: true where `text` holds one of the hint words, which every label does. */
function hintedSql(text: string): string {
  return `regexp_matches(${text}, ${quoteLiteral(HINT_WORDS)}, 'i')`;
}

/**
 * SQL: true where one of `cells` holds a label's hint word, which every label does. Cheap enough to
 * be counted inside another scan, where DuckDB evaluates a filter's every term on every row: there
 * a regular expression for the whole labels would cost as much as on its own.
 */
export function labelHintSql(cells: string[]): string {
  return cells.length === 0 ? 'false' : `(${cells.map(hintedSql).join(' OR ')})`;
}

/**
 * SQL: true where one of the texts `cells` may read as a summary label (and always where one
 * does), as a WHERE clause: the hints first, and the pattern only on the rows they let through.
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

/** SQL: true where the text `raw` reads as the label of a totals, subtotal, average or count row. */
export function totalLabelSql(raw: string): string {
  return `(${hintedSql(raw)} AND regexp_matches(trim(${raw}), ${quoteLiteral(SUMMARY_LABEL)}, 'i'))`;
}
