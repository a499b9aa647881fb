import { loadText, type Loaded } from '../../support/ingest';
import { records, runOn } from './plan-runner';

/** Every kind of column a result converts, under a header that needs quoting. */
const CSV = [
  '"Size ""XL""",shipped_at,amount,margin,returned,Year,units',
  'a,2024-03-10 23:30:00,"$1,000.50",10%,true,2023,3',
  'a,2024-03-11 00:15:00,$20.00,30%,false,2024,4',
  'b,2024-03-11 08:00:00,$5.25,20%,true,2024,5',
].join('\n');

let data: Loaded;
beforeAll(async () => {
  data = await loadText('kinds.csv', `${CSV}\n`);
});

describe('result values are JSON-ready and keep their meaning', () => {
  it('groups by a column whose name holds a double quote', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'amount', aggregation: 'sum' }],
      dimensions: [{ column: 'Size "XL"' }],
    });
    expect(records(run)).toEqual([
      { 'Size "XL"': 'a', 'Total amount': 1020.5 },
      { 'Size "XL"': 'b', 'Total amount': 5.25 },
    ]);
    expect(run.sql).toContain('"Size ""XL"""');
  });

  it('carries units: money stays money, an average percentage stays a percentage, counts have none', async () => {
    const run = await runOn(data, {
      measures: [
        { column: 'amount', aggregation: 'max' },
        { column: 'margin', aggregation: 'avg' },
        { column: 'amount', aggregation: 'count' },
        { column: 'units', aggregation: 'sum' },
      ],
    });
    expect(run.result.columns.map((c) => [c.name, c.unit])).toEqual([
      ['Max amount', 'USD'],
      ['Average margin', 'percent'],
      ['Count of amount', null],
      ['Total units', null],
    ]);
    const [max, margin, count, units] = run.result.rows[0] ?? [];
    expect([max, count, units]).toEqual([1000.5, 3, 12]);
    expect(margin).toBeCloseTo(0.2, 12);
    // BIGINT and HUGEINT results arrive as plain numbers.
    expect([typeof count, typeof units]).toEqual(['number', 'number']);
  });

  it('writes timestamps and truncated times as ISO text, whatever the machine time zone', async () => {
    const plan = {
      measures: [
        { column: 'shipped_at', aggregation: 'min' },
        { column: null, aggregation: 'count' },
      ],
      dimensions: [{ column: 'shipped_at', grain: 'hour' }],
    };
    const zone = process.env.TZ;
    const results = [];
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        results.push((await runOn(data, plan)).result);
      }
    } finally {
      process.env.TZ = zone;
    }
    expect(results[0]?.rows).toEqual([
      ['2024-03-10T23:00:00', '2024-03-10T23:30:00', 1],
      ['2024-03-11T00:00:00', '2024-03-11T00:15:00', 1],
      ['2024-03-11T08:00:00', '2024-03-11T08:00:00', 1],
    ]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]?.columns.slice(0, 2).map((c) => c.type)).toEqual(['datetime', 'datetime']);
  });

  it('turns timestamps into days from a daily grain up', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'shipped_at', grain: 'day' }],
    });
    expect(run.result.rows).toEqual([
      ['2024-03-10', 1],
      ['2024-03-11', 2],
    ]);
    expect(run.result.columns[0]).toMatchObject({ type: 'date', grain: 'day' });
  });

  it('keeps a datetime bound to the minute on a timestamp column', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      filters: [{ op: 'range', column: 'shipped_at', from: '2024-03-11T00:15', to: '2024-03-11T08:00:00' }],
    });
    expect(run.result.rows).toEqual([[1]]);
  });

  it('groups true/false values as booleans and a year column by its own years', async () => {
    const byReturned = await runOn(data, {
      measures: [{ column: 'amount', aggregation: 'sum' }],
      dimensions: [{ column: 'returned' }],
    });
    expect(byReturned.result.rows).toEqual([
      [true, 1005.75],
      [false, 20],
    ]);
    expect(byReturned.result.columns[0]?.type).toBe('boolean');
    const byYear = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Year', grain: 'year' }],
    });
    expect(byYear.result.rows).toEqual([
      [2023, 1],
      [2024, 2],
    ]);
    expect(byYear.result.columns[0]).toEqual({ name: 'Year', type: 'number', role: 'time', unit: null, grain: 'year' });
  });

  it('filters a true/false column by "yes" and bounds years', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'units', aggregation: 'sum' }],
      filters: [
        { op: 'in', column: 'returned', values: ['yes'] },
        { op: 'range', column: 'Year', from: 2024 },
      ],
    });
    expect(run.result.rows).toEqual([[5]]);
    expect(run.result.matchedRows).toBe(1);
  });

  it('gives whole numbers one bin per value', async () => {
    const run = await runOn(data, {
      kind: 'distribution',
      chart: 'histogram',
      measures: [{ column: 'units', aggregation: 'sum' }],
    });
    expect(run.result.bins).toEqual([
      { from: 3, to: 4, count: 1 },
      { from: 4, to: 5, count: 1 },
      { from: 5, to: 6, count: 1 },
    ]);
  });
});
