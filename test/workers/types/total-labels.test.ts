import { openDatabase, queryRows, quoteLiteral } from '../../../workers/engine/duckdb';
import {
  isTotalLabel,
  labelHintSql,
  rowMayHoldTotalLabelSql,
  summaryKind,
  totalLabelSql,
  type SummaryKind,
} from '../../../workers/types/total-labels';

const LABELS: [string, SummaryKind][] = [
  ['Total', 'sum'],
  ['TOTALS', 'sum'],
  ['Grand Total:', 'sum'],
  ['Sub-total', 'sum'],
  ['East Total', 'sum'],
  ['Totals for East', 'sum'],
  ['Total for 2024', 'sum'],
  ['Grand total for all regions', 'sum'],
  ['Sum', 'sum'],
  ['Subtotal North', 'sum'],
  ['Subtotal: North', 'sum'],
  ['Sous-total Nord', 'sum'],
  ['Zwischensumme Nord', 'sum'],
  ['Insgesamt', 'sum'],
  ['Suma', 'sum'],
  ['Sum of Sales', 'sum'],
  ['Summe', 'sum'],
  ['Gesamt', 'sum'],
  ['Gesamtsumme', 'sum'],
  ['Gesamtergebnis', 'sum'],
  ['Zwischensumme', 'sum'],
  ['Total général', 'sum'],
  ['TOTAL GÉNÉRAL', 'sum'],
  ['Somme', 'sum'],
  ['Sous-total', 'sum'],
  ['Totaal', 'sum'],
  ['Eindtotaal', 'sum'],
  ['Total general', 'sum'],
  ['合計', 'sum'],
  ['東京 小計', 'sum'],
  ['总计', 'sum'],
  ['ToTaL', 'sum'],
  [' Total ', 'sum'],
  ['Average', 'mean'],
  ['Mean', 'mean'],
  ['Avg', 'mean'],
  ['Avg.', 'mean'],
  ['East Average', 'mean'],
  ['Count', 'count'],
  ['Grand Count:', 'count'],
  ['Mittelwert', 'mean'],
  ['Durchschnitt', 'mean'],
  ['Moyenne', 'mean'],
  ['Promedio', 'mean'],
  ['Gemiddelde', 'mean'],
  ['Anzahl', 'count'],
  ['Aantal', 'count'],
  ['Recuento', 'count'],
  ['Max', 'max'],
  ['Max.', 'max'],
  ['Maximum:', 'max'],
  ['East Max', 'max'],
  ['Höchstwert', 'max'],
  ['Máximo', 'max'],
  ['Min', 'min'],
  ['MINIMUM', 'min'],
  ['Tiefstwert', 'min'],
  ['Mínimo', 'min'],
  ['Median', 'median'],
  ['Médiane', 'median'],
  ['Mediana', 'median'],
  ['Mediaan', 'median'],
  ['West Median', 'median'],
];

/** Real categories and values: words after "total" or "sum" name a thing. */
const NOT_LABELS = [
  'Total Recall',
  'Sum 41',
  'Summer',
  'Totally',
  'Account',
  'Discount',
  'Meaning',
  'Country',
  'Somme river',
  'Gesamtschule',
  '2024-01-01',
  '$1,234.50',
  'Median Strip',
  'Max Mustermann',
  'Maxwell',
  'Minimal',
  'Admin',
  '5 min',
  'Ticket 12 max',
  'Sumatra',
  'Subtotals due',
];

describe('summary row labels', () => {
  it.each(LABELS)('%s reads as a %s label, in JavaScript and in DuckDB', async (label, kind) => {
    expect(summaryKind(label)).toBe(kind);
    expect(isTotalLabel(label)).toBe(true);
  });

  it.each(NOT_LABELS)('%s is no label', (text) => {
    expect(isTotalLabel(text)).toBe(false);
  });

  it('read the same in DuckDB, and every label passes the hint test of the check scan and the per-row pre-test, narrow or wide', async () => {
    const connection = await openDatabase();
    const texts = [...LABELS.map(([label]) => label), ...NOT_LABELS];
    const values = texts.map((text) => `(${quoteLiteral(text)})`).join(', ');
    const fillers = Array.from({ length: 10 }, (_, i) => `'filler ${i}' AS f${i}`);
    const narrow = rowMayHoldTotalLabelSql(['x', 'f0']);
    const wide = rowMayHoldTotalLabelSql(['f0', 'x', ...fillers.slice(1).map((_, i) => `f${i + 1}`)]);
    const rows = await queryRows(
      connection,
      `SELECT x, ${totalLabelSql('x')} AS label, ${labelHintSql(['f0', 'x'])} AS hinted, ${narrow} AS narrow, ${wide} AS wide
       FROM (SELECT x, ${fillers.join(', ')} FROM (VALUES ${values}) v(x))`,
    );
    const byText = new Map(rows.map((row) => [row.x, row]));
    for (const [label] of LABELS)
      expect(byText.get(label)).toEqual({ x: label, label: true, hinted: true, narrow: true, wide: true });
    for (const text of NOT_LABELS) expect(byText.get(text)?.label).toBe(false);
  });
});
