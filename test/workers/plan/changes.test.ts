import { quoteLiteral } from '../../../workers/engine/duckdb';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { validatePlan } from '../../../workers/plan/validate-plan';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { fixtureFile, load, type Loaded } from '../../support/ingest';
import { allRows, expectClose, firstRow, records, runOn } from './plan-runner';

/**
 * Changes between periods, counted from the data's last date. Expected
 * numbers are SQL written here by hand over DuckDB's own `read_csv`.
 */
let store: Loaded;
let stocks: Loaded;
beforeAll(async () => {
  store = await load(SUPERSTORE_CSV);
  stocks = await load(vegaDataset('stocks.csv'));
});

const STORE = `read_csv(${quoteLiteral(SUPERSTORE_CSV)})`;
const STOCKS = `read_csv(${quoteLiteral(vegaDataset('stocks.csv'))}, dateformat = '%b %d %Y')`;
const profit = { column: 'Profit', aggregation: 'sum' };

describe('one period against another', () => {
  it('gives profit growth by segment in 2017, the latest year in the data, against 2016', async () => {
    const run = await runOn(store, {
      measures: [profit],
      dimensions: [{ column: 'Segment' }],
      change: { column: 'Order Date', grain: 'year', period: 'latest', against: 'previous' },
    });
    const expected = await allRows(
      store,
      `SELECT "Segment" AS s, sum("Profit") FILTER (year("Order Date") = 2017) AS cur,
              sum("Profit") FILTER (year("Order Date") = 2016) AS base
       FROM ${STORE} GROUP BY 1`,
    );
    expect(run.result.change).toEqual({
      grain: 'year',
      against: 'previous',
      current: { from: '2017-01-01', to: '2018-01-01' },
      base: { from: '2016-01-01', to: '2017-01-01' },
      currentPartial: false,
    });
    expect(run.result.columns.map((c) => c.name)).toEqual([
      'Segment',
      'Total Profit',
      'Previous Total Profit',
      'Change in Total Profit',
      '% Change in Total Profit',
    ]);
    const bySegment = new Map(expected.map((r) => [r.s, r]));
    const rows = records(run);
    // The biggest gain comes first.
    const changes = rows.map((r) => Number(r['Change in Total Profit']));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    for (const row of rows) {
      const e = bySegment.get(row.Segment);
      const [cur, base] = [Number(e?.cur), Number(e?.base)];
      expectClose(
        [row['Total Profit'] ?? null, row['Previous Total Profit'] ?? null, row['Change in Total Profit'] ?? null],
        [cur, base, cur - base],
      );
      expect(row['% Change in Total Profit']).toBeCloseTo((cur - base) / Math.abs(base), 9);
    }
  });

  it('compares the first quarter in the data with the latest, and year to date with the same days a year before', async () => {
    const quarters = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      change: { column: 'Order Date', grain: 'quarter', period: 'latest', against: 'first' },
    });
    const q = await firstRow(
      store,
      `SELECT sum("Sales") FILTER ("Order Date" >= DATE '2017-10-01') AS cur,
              sum("Sales") FILTER ("Order Date" < DATE '2014-04-01') AS base FROM ${STORE}`,
    );
    expect(quarters.result.change?.base).toEqual({ from: '2014-01-01', to: '2014-04-01' });
    expectClose((quarters.result.rows[0] ?? []).slice(0, 2), [q.cur, q.base]);
    const toDate = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      change: { column: 'Order Date', grain: 'month', period: 'to_date', against: 'year_ago' },
    });
    // The data ends on 30 December 2017: 1–30 December 2017 against 1–30 December 2016.
    const d = await firstRow(
      store,
      `SELECT sum("Sales") FILTER ("Order Date" BETWEEN DATE '2017-12-01' AND DATE '2017-12-30') AS cur,
              sum("Sales") FILTER ("Order Date" BETWEEN DATE '2016-12-01' AND DATE '2016-12-30') AS base FROM ${STORE}`,
    );
    expect(toDate.result.change?.current).toEqual({ from: '2017-12-01', to: '2017-12-31' });
    expect(toDate.result.change?.base).toEqual({ from: '2016-12-01', to: '2016-12-31' });
    expectClose((toDate.result.rows[0] ?? []).slice(0, 2), [d.cur, d.base]);
  });

  it('takes the latest complete month, not a partial one, and says when the latest is partial', async () => {
    // The orders up to 15 November 2017: November is partial, October the latest complete month.
    const path = fixtureFile('orders-to-mid-november.csv', '');
    await store.rows(
      `COPY (SELECT * FROM ${STORE} WHERE "Order Date" < DATE '2017-11-16') TO ${quoteLiteral(path)} (HEADER)`,
    );
    const cut = await load(path);
    const latest = await runOn(cut, {
      measures: [profit],
      change: { column: 'Order Date', grain: 'month', period: 'latest', against: 'previous' },
    });
    expect(latest.result.change).toMatchObject({ current: { from: '2017-11-01' }, currentPartial: true });
    const complete = await runOn(cut, {
      measures: [profit],
      change: { column: 'Order Date', grain: 'month', period: 'latest_complete', against: 'year_ago' },
    });
    expect(complete.result.change).toMatchObject({
      current: { from: '2017-10-01', to: '2017-11-01' },
      base: { from: '2016-10-01', to: '2016-11-01' },
      currentPartial: false,
    });
    const expected = await firstRow(
      cut,
      `SELECT sum("Profit") FILTER (strftime("Order Date", '%Y-%m') = '2017-10') AS cur,
              sum("Profit") FILTER (strftime("Order Date", '%Y-%m') = '2016-10') AS base FROM ${STORE}`,
    );
    expectClose((complete.result.rows[0] ?? []).slice(0, 2), [expected.cur, expected.base]);
  });

  it('compares the latest complete week with the same ISO week a year earlier, Monday to Sunday', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      change: { column: 'Order Date', grain: 'week', period: 'latest_complete', against: 'year_ago' },
    });
    // The data ends on Saturday 30 December 2017: as for December, one quiet last day does not make
    // the week of the 25th (ISO week 52) partial.
    expect(run.result.change).toMatchObject({
      current: { from: '2017-12-25', to: '2018-01-01' },
      base: { from: '2016-12-26', to: '2017-01-02' },
    });
    const expected = await firstRow(
      store,
      `SELECT sum("Sales") FILTER (isoyear("Order Date") = 2017 AND week("Order Date") = 52) AS cur,
              sum("Sales") FILTER (isoyear("Order Date") = 2016 AND week("Order Date") = 52) AS base FROM ${STORE}`,
    );
    expectClose((run.result.rows[0] ?? []).slice(0, 2), [expected.cur, expected.base]);
  });

  it('gives each week against the same ISO week a year earlier', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      change: { column: 'Order Date', grain: 'week', period: 'each', against: 'year_ago' },
    });
    const expected = await allRows(
      store,
      `WITH w AS (SELECT isoyear("Order Date") AS y, week("Order Date") AS n, min("Order Date") AS d, sum("Sales") AS s
                 FROM ${STORE} GROUP BY 1, 2)
       SELECT cur.s AS cur, base.s AS base FROM w cur JOIN w base ON base.y = cur.y - 1 AND base.n = cur.n
       WHERE cur.y = 2017 ORDER BY cur.d`,
    );
    const compared = run.result.rows.filter((r) => String(r[0]).startsWith('2017') && r[2] !== null);
    expect(compared).toHaveLength(expected.length);
    expectClose(
      compared.map((r) => r[2] ?? null),
      expected.map((r) => r.base),
    );
  });

  it('gives how the average price changed from 2008 to 2009 for each symbol', async () => {
    const run = await runOn(stocks, {
      measures: [{ column: 'price', aggregation: 'avg' }],
      dimensions: [{ column: 'symbol' }],
      change: { column: 'date', grain: 'year', period: '2009', against: '2008' },
    });
    const expected = await allRows(
      stocks,
      `SELECT symbol AS s, avg(price) FILTER (year(date) = 2009) AS cur, avg(price) FILTER (year(date) = 2008) AS base
       FROM ${STOCKS} GROUP BY 1 ORDER BY cur - base DESC`,
    );
    expect(run.result.change).toMatchObject({ against: 'period', base: { from: '2008-01-01' } });
    expect(records(run).map((r) => r.symbol)).toEqual(expected.map((r) => r.s));
    expectClose(
      run.result.rows.map((r) => r[3] ?? null),
      expected.map((r) => Number(r.cur) - Number(r.base)),
    );
  });
});

describe('a series of changes', () => {
  it('gives each month against the same month a year earlier', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      change: { column: 'Order Date', grain: 'month', period: 'each', against: 'year_ago' },
    });
    const expected = await allRows(
      store,
      `WITH m AS (SELECT date_trunc('month', "Order Date") AS t, sum("Sales") AS s FROM ${STORE} GROUP BY 1)
       SELECT strftime(cur.t, '%Y-%m-%d') AS t, cur.s AS cur, base.s AS base
       FROM m cur LEFT JOIN m base ON base.t = cur.t - INTERVAL 1 YEAR ORDER BY cur.t`,
    );
    expect(run.result.rows).toHaveLength(48);
    expect(records(run).map((r) => r['Order Date'])).toEqual(expected.map((r) => r.t));
    // The first year has nothing to compare with.
    expect(run.result.rows[0]?.[2]).toBeNull();
    expectClose(
      run.result.rows.slice(12).map((r) => r[4] ?? null),
      expected.slice(12).map((r) => (Number(r.cur) - Number(r.base)) / Math.abs(Number(r.base))),
    );
  });

  it('gives week-over-week change in orders', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      change: { column: 'Order Date', grain: 'week', period: 'each', against: 'previous' },
    });
    const expected = await allRows(
      store,
      `WITH w AS (SELECT date_trunc('week', "Order Date") AS t, count(DISTINCT "Order ID") AS n FROM ${STORE} GROUP BY 1)
       SELECT strftime(cur.t, '%Y-%m-%d') AS t, cur.n - base.n AS d
       FROM w cur LEFT JOIN w base ON base.t = cur.t - INTERVAL 7 DAY ORDER BY cur.t`,
    );
    expect(records(run).map((r) => r['Order Date'])).toEqual(expected.map((r) => r.t));
    expect(run.result.rows.map((r) => r[3])).toEqual(expected.map((r) => (r.d === null ? null : Number(r.d))));
  });
});

describe('plans of version 1', () => {
  it('are upgraded when read, so stored threads still answer follow-ups', () => {
    const stored = { version: 1, kind: 'aggregate', measures: [profit], chart: 'bar', title: 'Profit' };
    expect(AnalysisPlan.parse(stored)).toMatchObject({ version: 2, dimensions: [], filters: [], share: false });
    expect(validatePlan(stored, store.meta).version).toBe(2);
  });

  it('rejects a change on a column that is not time, naming it', () => {
    const plan = { version: 2, kind: 'aggregate', measures: [profit], chart: 'bar', title: 'x' };
    expect(() => validatePlan({ ...plan, change: { column: 'Region', grain: 'year' } }, store.meta)).toThrow(
      /"Region" holds categories, not dates/,
    );
  });
});
