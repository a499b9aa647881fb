import { totalsAmong, type Aggregate, type TotalsCandidate } from '../../../workers/types/totals-sums';

/** A row of a table: data (numbers only), or a candidate labelled in a column (or bare: label null). */
type Row = number[] | { label: [number, string] | null; values: (number | null)[] };

/** The candidates and the segments between them, as `totals-rows.ts` reads them from a table. */
function split(rows: Row[]): { candidates: TotalsCandidate[]; segments: Aggregate[] } {
  const width = rows.map((r) => (Array.isArray(r) ? r.length : r.values.length))[0] as number;
  const candidates: TotalsCandidate[] = [];
  const segments: Aggregate[] = [{ rows: 0, sums: Array.from({ length: width }, () => 0) }];
  rows.forEach((row, i) => {
    if (Array.isArray(row)) {
      const segment = segments.at(-1) as Aggregate;
      segment.rows++;
      row.forEach((v, m) => (segment.sums[m] = (segment.sums[m] ?? 0) + v));
      return;
    }
    const label = row.label ? { column: row.label[0], text: row.label[1] } : null;
    candidates.push({ row: i, label, values: row.values });
    segments.push({ rows: 0, sums: Array.from({ length: width }, () => 0) });
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
