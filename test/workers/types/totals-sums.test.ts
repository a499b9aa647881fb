import { summaryKind } from '../../../workers/types/total-labels';
import { totalsAmong, type Aggregate, type TotalsCandidate } from '../../../workers/types/totals-sums';

/** A row of a table: data (numbers only), or a candidate labelled in a column (or bare: label null). */
type Row = number[] | { label: [number, string] | null; values: (number | null)[] };

/** The candidates and the segments between them, as `totals-rows.ts` reads them from a table. */
function split(rows: Row[]): { candidates: TotalsCandidate[]; segments: Aggregate[] } {
  const width = rows.map((r) => (Array.isArray(r) ? r.length : r.values.length))[0] as number;
  const candidates: TotalsCandidate[] = [];
  const empty = () => ({
    rows: 0,
    sums: Array.from({ length: width }, () => 0),
    counts: Array.from({ length: width }, () => 0),
  });
  const segments: Aggregate[] = [empty()];
  rows.forEach((row, i) => {
    if (Array.isArray(row)) {
      const segment = segments.at(-1) as Aggregate;
      segment.rows++;
      row.forEach((v, m) => {
        segment.sums[m] = (segment.sums[m] ?? 0) + v;
        segment.counts[m] = (segment.counts[m] ?? 0) + 1;
      });
      return;
    }
    const label = row.label ? { column: row.label[0], text: row.label[1] } : null;
    candidates.push({ row: i, label, kind: (label && summaryKind(label.text)) || 'sum', values: row.values });
    segments.push(empty());
  });
  return { candidates, segments };
}

const sumOf = (rows: number[][], m: number) => rows.reduce((total, row) => total + (row[m] ?? 0), 0);
const total = (column: number, text: string, rows: number[][]) => ({
  label: [column, text] as [number, string],
  values: [sumOf(rows, 0), sumOf(rows, 1)],
});

/** Row indices of the candidates found to be totals. */
function totalRows(rows: Row[]): number[] {
  const { candidates, segments } = split(rows);
  return [...totalsAmong(candidates, segments).keys()].map((k) => candidates[k]?.row as number).sort((a, b) => a - b);
}

const ann = [
  [10, 1],
  [20, 2],
];
const bob = [[5, 1]];
const cid = [
  [7, 3],
  [8, 4],
  [9, 5],
];

describe('which labelled rows are totals', () => {
  it('finds rep subtotals inside region subtotals, labelled in different columns, and the grand total', () => {
    const east = [...ann, ...bob];
    const rows: Row[] = [
      ...ann,
      total(1, 'Ann Total', ann),
      ...bob,
      total(1, 'Bob Total', bob),
      total(0, 'East Total', east),
      ...cid,
      total(1, 'Cid Total', cid),
      total(0, 'West Total', cid),
      total(0, 'Grand Total', [...east, ...cid]),
    ];
    expect(totalRows(rows)).toEqual([2, 4, 5, 9, 10, 11]);
  });

  it('keeps a subtotal and the grand total whose group holds a real category "Total" worth much of it', () => {
    const west = [
      [5, 1],
      [7, 3],
    ];
    const plan = [60, 2];
    const westTotal = total(0, 'West Total', [...west, plan]);
    const rows: Row[] = [
      ...ann,
      total(0, 'East Total', ann),
      west[0] as number[],
      { label: [1, 'Total'], values: plan },
      west[1] as number[],
      westTotal,
      total(0, 'Grand Total', [...ann, ...west, plan]),
    ];
    expect(totalRows(rows)).toEqual([2, 6, 7]);
  });

  it('finds subtotals written above their groups', () => {
    const rows: Row[] = [total(0, 'East Total', ann), ...ann, total(0, 'West Total', cid), ...cid];
    expect(totalRows(rows)).toEqual([0, 3]);
  });

  it('accepts a total row with a rate beside its sums, but not one whose sums are off', () => {
    const withRate = { label: [0, 'Total'] as [number, string], values: [sumOf(cid, 0), 0.42] };
    expect(totalRows([...cid, withRate])).toEqual([3]);
    const off = { label: [0, 'Total'] as [number, string], values: [sumOf(cid, 0) + 1, sumOf(cid, 1) + 1] };
    expect(totalRows([...cid, off])).toEqual([]);
  });

  it('allows the rounding of a total exported as shown, not more', () => {
    const cents = [
      [10.004, 1],
      [20.004, 1],
      [30.004, 1],
    ];
    const shown = { label: [0, 'Total'] as [number, string], values: [60.01, 3] };
    expect(totalRows([...cents, shown])).toEqual([3]);
    const wrong = { label: [0, 'Total'] as [number, string], values: [60.5, 4] };
    expect(totalRows([...cents, wrong])).toEqual([]);
  });

  it('takes a bare row only when every number is a sum of at least two rows', () => {
    const bare = (values: number[]) => ({ label: null, values });
    expect(totalRows([...cid, bare([sumOf(cid, 0), sumOf(cid, 1)])])).toEqual([3]);
    expect(totalRows([...cid, bare([sumOf(cid, 0), 99])])).toEqual([]);
    expect(totalRows([...bob, bare([5, 1])])).toEqual([]);
  });
});

const round2 = (n: number) => Math.round(n * 100) / 100;
/** A row of means as an export shows them, to two decimals. */
const means = (column: number, text: string, rows: number[][]) => ({
  label: [column, text] as [number, string],
  values: [round2(sumOf(rows, 0) / rows.length), round2(sumOf(rows, 1) / rows.length)],
});
const counts = (column: number, text: string, rows: number[][]) => ({
  label: [column, text] as [number, string],
  values: [rows.length, rows.length],
});

describe('which labelled rows are averages or counts', () => {
  const east = [
    [10.5, 1],
    [20.25, 2],
    [31, 4],
  ];
  const west = [
    [7, 3],
    [8.5, 4],
  ];

  it('finds group averages beside group totals, and the grand total and average under them all', () => {
    const rows: Row[] = [
      ...east,
      total(0, 'East Total', east),
      means(0, 'East Average', east),
      ...west,
      total(0, 'West Total', west),
      means(0, 'West Average', west),
      total(0, 'Grand Total', [...east, ...west]),
      means(0, 'Grand Average', [...east, ...west]),
      counts(0, 'Grand Count', [...east, ...west]),
    ];
    expect(totalRows(rows)).toEqual([3, 4, 7, 8, 9, 10, 11]);
  });

  it('takes a mean shown to two decimals, but not a whole number within rounding of it', () => {
    expect(totalRows([...east, means(0, 'Average', east)])).toEqual([3]);
    // 20.58 and 2.33, shown as 21 and 2: a category's ordinary numbers look like that too.
    expect(totalRows([...east, { label: [0, 'Average'], values: [21, 2] }])).toEqual([]);
    expect(totalRows([...east, { label: [0, 'Mean'], values: [20.59, 2.34] }])).toEqual([]);
  });

  it('needs two matching measures, or the only one', () => {
    const oneOfTwo = { label: [0, 'Avg'] as [number, string], values: [round2(sumOf(east, 0) / 3), 9] };
    expect(totalRows([...east, oneOfTwo])).toEqual([]);
    const single = east.map(([sales]) => [sales as number]);
    expect(totalRows([...single, { label: [0, 'Average'], values: [round2(sumOf(east, 0) / 3)] }])).toEqual([3]);
    expect(totalRows([...single, { label: [0, 'Count'], values: [3] }])).toEqual([3]);
  });

  it('keeps a category called "Average" whose numbers are ordinary', () => {
    const rows: Row[] = [...east, { label: [0, 'Average'], values: [12, 3] }, ...west];
    expect(totalRows(rows)).toEqual([]);
  });
});
