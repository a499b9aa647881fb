import { quoteLiteral } from '../../../workers/engine/duckdb';
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

describe('totals', () => {
  it('sums, averages, medians and counts the whole table', async () => {
    const run = await runOn(data, {
      measures: [sales('sum'), sales('avg'), sales('median'), { column: null, aggregation: 'count' }],
    });
    const expected = await firstRow(
      data,
      'SELECT sum("Sales") AS s, avg("Sales") AS a, quantile_cont("Sales", 0.5) AS m, count(*) AS n FROM dataset',
    );
    expect(run.result.columns.map((c) => c.name)).toEqual(['Total Sales', 'Average Sales', 'Median Sales', 'Count']);
    expect(run.result.rows).toHaveLength(1);
    expectClose(run.result.rows[0] ?? [], [expected.s, expected.a, expected.m, expected.n]);
    expect(run.result.rows[0]?.[3]).toBe(9994);
    expect(run.result.matchedRows).toBe(9994);
    // And against DuckDB's own reading of the file, independent of ingest.
    const raw = await firstRow(data, `SELECT sum("Sales") AS s FROM read_csv(${quoteLiteral(SUPERSTORE_CSV)})`);
    expect(run.result.rows[0]?.[0]).toBeCloseTo(Number(raw.s), 6);
  });

  it('counts distinct customers and takes minimums and maximums of numbers and dates', async () => {
    const run = await runOn(data, {
      measures: [
        { column: 'Customer ID', aggregation: 'count_distinct' },
        { column: 'Profit', aggregation: 'min' },
        { column: 'Profit', aggregation: 'max' },
        { column: 'Order Date', aggregation: 'min' },
      ],
    });
    const expected = await firstRow(
      data,
      `SELECT count(DISTINCT "Customer ID") AS c, min("Profit") AS lo, max("Profit") AS hi,
              strftime(min("Order Date"), '%Y-%m-%d') AS first FROM dataset`,
    );
    expect(run.result.rows[0]).toEqual([expected.c, expected.lo, expected.hi, expected.first]);
    expect(expected.c).toBe(793);
    expect(run.result.columns[3]).toMatchObject({ name: 'Min Order Date', type: 'date' });
  });
});

describe('breakdowns', () => {
  it('ranks regions by total sales, largest first', async () => {
    const run = await runOn(data, { measures: [sales('sum')], dimensions: [{ column: 'Region' }] });
    const expected = await allRows(
      data,
      'SELECT "Region" AS r, sum("Sales") AS s FROM dataset GROUP BY 1 ORDER BY 2 DESC',
    );
    expect(run.result.rows.map((r) => r[0])).toEqual(expected.map((e) => e.r));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((e) => e.s),
    );
    expect(run.result.columns[0]).toEqual({ name: 'Region', type: 'text', role: 'dimension', unit: null });
  });

  it('averages profit by region and category', async () => {
    const run = await runOn(data, {
      measures: [
        { column: 'Profit', aggregation: 'avg' },
        { column: null, aggregation: 'count' },
      ],
      dimensions: [{ column: 'Region' }, { column: 'Category' }],
    });
    const expected = await allRows(
      data,
      'SELECT "Region" AS r, "Category" AS c, avg("Profit") AS p, count(*) AS n FROM dataset GROUP BY 1, 2',
    );
    expect(run.result.rows).toHaveLength(12);
    const got = new Map(records(run).map((r) => [`${r.Region}/${r.Category}`, r]));
    for (const e of expected) {
      const row = got.get(`${e.r}/${e.c}`);
      expect(row?.['Average Profit']).toBeCloseTo(Number(e.p), 6);
      expect(row?.Count).toBe(e.n);
    }
    // Largest average profit first.
    const profits = run.result.rows.map((r) => Number(r[2]));
    expect(profits).toEqual([...profits].sort((a, b) => b - a));
  });

  it('gives the top 5 states and the bottom 3 sub-categories', async () => {
    const top = await runOn(data, { measures: [sales('sum')], dimensions: [{ column: 'State' }], limit: 5 });
    const expectedTop = await allRows(
      data,
      'SELECT "State" AS k, sum("Sales") AS v FROM dataset GROUP BY 1 ORDER BY 2 DESC LIMIT 5',
    );
    expect(top.result.rows.map((r) => r[0])).toEqual(expectedTop.map((e) => e.k));
    expectClose(
      top.result.rows.map((r) => r[1] ?? null),
      expectedTop.map((e) => e.v),
    );
    expect(expectedTop[0]?.k).toBe('California');

    const bottom = await runOn(data, {
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Sub-Category' }],
      sort: { by: 'measure', direction: 'asc' },
      limit: 3,
    });
    const expectedBottom = await allRows(
      data,
      'SELECT "Sub-Category" AS k, sum("Profit") AS v FROM dataset GROUP BY 1 ORDER BY 2 ASC LIMIT 3',
    );
    expect(bottom.result.rows.map((r) => r[0])).toEqual(expectedBottom.map((e) => e.k));
    expectClose(
      bottom.result.rows.map((r) => r[1] ?? null),
      expectedBottom.map((e) => e.v),
    );
    expect(bottom.result.matchedRows).toBe(9994);
  });

  it('sorts by the dimension when asked', async () => {
    const run = await runOn(data, {
      measures: [sales('sum')],
      dimensions: [{ column: 'Segment' }],
      sort: { by: 'dimension', direction: 'desc' },
    });
    expect(run.result.rows.map((r) => r[0])).toEqual(['Home Office', 'Corporate', 'Consumer']);
  });
});

describe('trends', () => {
  const trend = (grain: string) =>
    runOn(data, { measures: [sales('sum')], dimensions: [{ column: 'Order Date', grain }] });
  const bucket = async (from: string, to: string) =>
    Number(
      (
        await firstRow(
          data,
          `SELECT sum("Sales") AS s FROM dataset WHERE "Order Date" >= DATE '${from}' AND "Order Date" < DATE '${to}'`,
        )
      ).s,
    );

  it('sums sales per month, in time order, each month by its first day', async () => {
    const run = await trend('month');
    expect(run.result.rows).toHaveLength(48);
    expect(run.result.rows[0]?.[0]).toBe('2014-01-01');
    expect(run.result.rows[47]?.[0]).toBe('2017-12-01');
    const months = run.result.rows.map((r) => String(r[0]));
    expect(months).toEqual([...months].sort());
    const byMonth = new Map(run.result.rows.map((r) => [r[0], r[1]]));
    expect(byMonth.get('2014-01-01')).toBeCloseTo(await bucket('2014-01-01', '2014-02-01'), 6);
    expect(byMonth.get('2016-02-01')).toBeCloseTo(await bucket('2016-02-01', '2016-03-01'), 6);
    expect(byMonth.get('2017-11-01')).toBeCloseTo(await bucket('2017-11-01', '2017-12-01'), 6);
    expect(run.result.columns[0]).toEqual({
      name: 'Order Date',
      type: 'date',
      role: 'time',
      unit: null,
      grain: 'month',
    });
  });

  it('sums sales per quarter', async () => {
    const run = await trend('quarter');
    expect(run.result.rows).toHaveLength(16);
    const byQuarter = new Map(run.result.rows.map((r) => [r[0], r[1]]));
    expect([...byQuarter.keys()].slice(0, 5)).toEqual([
      '2014-01-01',
      '2014-04-01',
      '2014-07-01',
      '2014-10-01',
      '2015-01-01',
    ]);
    expect(byQuarter.get('2016-07-01')).toBeCloseTo(await bucket('2016-07-01', '2016-10-01'), 6);
    expect(byQuarter.get('2017-10-01')).toBeCloseTo(await bucket('2017-10-01', '2018-01-01'), 6);
  });

  it('sums sales per year', async () => {
    const run = await trend('year');
    const expected = await allRows(
      data,
      `SELECT strftime(make_date(year("Order Date"), 1, 1), '%Y-%m-%d') AS y, sum("Sales") AS s FROM dataset GROUP BY 1 ORDER BY 1`,
    );
    expect(run.result.rows.map((r) => r[0])).toEqual(expected.map((e) => e.y));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((e) => e.s),
    );
  });

  it('counts orders per month and region, time first', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }, { column: 'Region' }],
    });
    expect(run.result.rows.slice(0, 4).map((r) => r[0])).toEqual([
      '2014-01-01',
      '2014-01-01',
      '2014-01-01',
      '2014-01-01',
    ]);
    const expected = await firstRow(
      data,
      `SELECT count(DISTINCT "Order ID") AS n FROM dataset WHERE "Region" = 'West' AND "Order Date" >= DATE '2015-03-01' AND "Order Date" < DATE '2015-04-01'`,
    );
    const west = records(run).find((r) => r['Order Date'] === '2015-03-01' && r.Region === 'West');
    expect(west?.['Distinct Order ID']).toBe(expected.n);
  });
});

describe('a top N and the groups it leaves out', () => {
  it('brings the count, total, highest, lowest and negatives of every group with the rows shown', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'State' }],
      filters: [{ op: 'in', column: 'Region', values: ['West', 'South'] }],
      sort: { by: 'measure', direction: 'asc' },
      limit: 3,
    });
    const expected = await firstRow(
      data,
      `SELECT count(*) AS n, sum(p) AS total, max(p) AS hi, min(p) AS lo, count(*) FILTER (WHERE p < 0) AS neg
       FROM (SELECT "State", sum("Profit") AS p FROM dataset WHERE "Region" IN ('West', 'South') GROUP BY 1)`,
    );
    expect(run.result.rows).toHaveLength(3);
    const groups = run.result.groups;
    expect(groups?.count).toBe(expected.n);
    expect(groups?.negatives).toBe(expected.neg);
    expectClose(
      [groups?.total ?? null, groups?.max ?? null, groups?.min ?? null],
      [expected.total, expected.hi, expected.lo],
    );
  });

  it('brings none without a limit, where every group is shown', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
    });
    expect(run.result.groups).toBeUndefined();
  });
});
