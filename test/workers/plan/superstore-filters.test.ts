import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows, expectClose, firstRow, records, runOn } from './plan-runner';

/**
 * Every number here is checked against SQL written by hand on the ingested
 * table, not produced by the plan compiler.
 */
let data: Loaded;
beforeAll(async () => {
  data = await load(SUPERSTORE_CSV);
});

const sales = (aggregation: string) => ({ column: 'Sales', aggregation });

describe('filters', () => {
  it('keeps the listed regions', async () => {
    const run = await runOn(data, {
      measures: [sales('sum')],
      dimensions: [{ column: 'Category' }],
      filters: [{ op: 'in', column: 'Region', values: ['West', 'East'] }],
    });
    const expected = await allRows(
      data,
      `SELECT "Category" AS c, sum("Sales") AS s FROM dataset WHERE "Region" IN ('West', 'East') GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(run.result.rows.map((r) => r[0])).toEqual(expected.map((e) => e.c));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((e) => e.s),
    );
    expect(run.result.matchedRows).toBe(
      (await firstRow(data, `SELECT count(*) AS n FROM dataset WHERE "Region" IN ('West', 'East')`)).n,
    );
  });

  it('leaves out excluded values', async () => {
    const run = await runOn(data, {
      measures: [sales('sum')],
      filters: [{ op: 'not_in', column: 'Segment', values: ['Consumer'] }],
    });
    const expected = await firstRow(
      data,
      `SELECT sum("Sales") AS s, count(*) AS n FROM dataset WHERE "Segment" <> 'Consumer'`,
    );
    expect(run.result.rows[0]?.[0]).toBeCloseTo(Number(expected.s), 6);
    expect(run.result.matchedRows).toBe(expected.n);
  });

  it('takes 2016 as a range of dates, from included and to excluded', async () => {
    const run = await runOn(data, {
      measures: [sales('sum')],
      filters: [{ op: 'range', column: 'Order Date', from: '2016-01-01', to: '2017-01-01' }],
    });
    const expected = await firstRow(
      data,
      `SELECT sum("Sales") AS s, count(*) AS n FROM dataset WHERE year("Order Date") = 2016`,
    );
    expect(run.result.rows[0]?.[0]).toBeCloseTo(Number(expected.s), 6);
    expect(run.result.matchedRows).toBe(expected.n);
  });

  it('takes Q3 2017 in the short forms a planner writes, with a category filter too', async () => {
    const run = await runOn(data, {
      measures: [sales('sum'), { column: null, aggregation: 'count' }],
      filters: [
        { op: 'range', column: 'order date', from: '2017-07', to: '2017-10' },
        { op: 'in', column: 'Category', values: ['Technology'] },
      ],
    });
    const expected = await firstRow(
      data,
      `SELECT sum("Sales") AS s, count(*) AS n FROM dataset
       WHERE year("Order Date") = 2017 AND quarter("Order Date") = 3 AND "Category" = 'Technology'`,
    );
    expect(run.result.rows[0]?.[0]).toBeCloseTo(Number(expected.s), 6);
    expect(run.result.rows[0]?.[1]).toBe(expected.n);
    expect(run.result.matchedRows).toBe(expected.n);
  });

  it('matches a date exactly, and a date with a time of day only at that time', async () => {
    const day = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      filters: [{ op: 'in', column: 'Order Date', values: ['2016-11-08'] }],
    });
    const expected = await firstRow(data, `SELECT count(*) AS n FROM dataset WHERE "Order Date" = DATE '2016-11-08'`);
    expect(day.result.rows).toEqual([[expected.n]]);
    expect(expected.n).toBeGreaterThan(0);
    const tenOClock = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      filters: [{ op: 'in', column: 'Order Date', values: ['2016-11-08T10:00'] }],
    });
    expect(tenOClock.result.rows).toEqual([[0]]);
  });

  it('bounds a number column', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      filters: [{ op: 'range', column: 'Discount', from: 0.2, to: 0.5 }],
    });
    const expected = await firstRow(
      data,
      `SELECT count(*) AS n FROM dataset WHERE "Discount" >= 0.2 AND "Discount" < 0.5`,
    );
    expect(run.result.rows[0]?.[0]).toBe(expected.n);
  });
});

describe('comparisons', () => {
  it('compares two years, one row per side in side order', async () => {
    const run = await runOn(data, {
      measures: [sales('sum'), { column: null, aggregation: 'count' }],
      comparison: {
        column: 'Order Date',
        sides: [
          { label: '2017', from: '2017-01-01', to: '2018-01-01' },
          { label: '2016', from: '2016', to: '2017' },
        ],
      },
    });
    const expected = await allRows(
      data,
      `SELECT year("Order Date") AS y, sum("Sales") AS s, count(*) AS n FROM dataset
       WHERE year("Order Date") IN (2016, 2017) GROUP BY 1 ORDER BY 1 DESC`,
    );
    expect(run.result.columns.map((c) => c.name)).toEqual(['Period', 'Total Sales', 'Count']);
    expect(run.result.rows.map((r) => r[0])).toEqual(['2017', '2016']);
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((e) => e.s),
    );
    expect(run.result.rows.map((r) => r[2])).toEqual(expected.map((e) => e.n));
    expect(run.result.matchedRows).toBe(Number(expected[0]?.n) + Number(expected[1]?.n));
  });

  it('compares two regions by category', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Category' }],
      comparison: {
        column: 'Region',
        sides: [
          { label: 'West', values: ['West'] },
          { label: 'East', values: ['East'] },
        ],
      },
    });
    expect(run.result.rows.map((r) => r[0])).toEqual(['West', 'West', 'West', 'East', 'East', 'East']);
    const expected = await allRows(
      data,
      `SELECT "Region" AS r, "Category" AS c, sum("Profit") AS p FROM dataset WHERE "Region" IN ('West', 'East') GROUP BY 1, 2`,
    );
    for (const e of expected) {
      const row = records(run).find((r) => r.Region === e.r && r.Category === e.c);
      expect(row?.['Total Profit']).toBeCloseTo(Number(e.p), 6);
    }
  });
});

describe('shares', () => {
  it('gives each segment its share of sales, adding up to 1', async () => {
    const run = await runOn(data, {
      measures: [sales('sum')],
      dimensions: [{ column: 'Segment' }],
      share: true,
      chart: 'doughnut',
    });
    const expected = await allRows(
      data,
      'SELECT "Segment" AS g, sum("Sales") / (SELECT sum("Sales") FROM dataset) AS share FROM dataset GROUP BY 1 ORDER BY 2 DESC',
    );
    expect(run.result.columns[2]).toMatchObject({ name: 'Share of Total Sales', unit: 'percent', role: 'measure' });
    expect(run.result.rows.map((r) => r[0])).toEqual(expected.map((e) => e.g));
    expectClose(
      run.result.rows.map((r) => r[2] ?? null),
      expected.map((e) => e.share),
    );
    expect(run.result.rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBeCloseTo(1, 9);
  });

  it('gives shares within each year when years and segments are both groups', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Order Date', grain: 'year' }, { column: 'Segment' }],
      share: true,
    });
    const perYear = new Map<string, number>();
    for (const row of run.result.rows) perYear.set(String(row[0]), (perYear.get(String(row[0])) ?? 0) + Number(row[3]));
    expect([...perYear.values()].map((v) => Number(v.toFixed(9)))).toEqual([1, 1, 1, 1]);
    const expected = await firstRow(
      data,
      `SELECT count(*) FILTER (WHERE "Segment" = 'Consumer') / count(*) AS share FROM dataset WHERE year("Order Date") = 2015`,
    );
    const consumer2015 = records(run).find((r) => r['Order Date'] === '2015-01-01' && r.Segment === 'Consumer');
    expect(consumer2015?.['Share of Count']).toBeCloseTo(Number(expected.share), 9);
  });
});
