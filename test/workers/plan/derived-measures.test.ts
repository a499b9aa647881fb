import { quoteLiteral } from '../../../workers/engine/duckdb';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows, expectClose, firstRow, records, runOn } from './plan-runner';

/**
 * The kinds AnalysisPlan v2 added, on real files. Every expected number is
 * SQL written here by hand over DuckDB's own reading of the file
 * (`read_csv`), not over the ingested table and not by the plan compiler.
 */
let store: Loaded;
let github: Loaded;
beforeAll(async () => {
  store = await load(SUPERSTORE_CSV);
  github = await load(vegaDataset('github.csv'));
});

const STORE = `read_csv(${quoteLiteral(SUPERSTORE_CSV)})`;
const margin = {
  column: 'Profit',
  aggregation: 'sum',
  per: { column: 'Sales', aggregation: 'sum' },
  format: 'percent',
  label: 'Profit Margin',
};

describe('ratios of two aggregates', () => {
  it('gives the profit margin by category as a percentage, highest first', async () => {
    const run = await runOn(store, { measures: [margin], dimensions: [{ column: 'Category' }] });
    const expected = await allRows(
      store,
      `SELECT "Category" AS c, sum("Profit") / sum("Sales") AS m FROM ${STORE} GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(run.result.columns[1]).toMatchObject({ name: 'Profit Margin', unit: 'percent' });
    expect(records(run).map((r) => r.Category)).toEqual(expected.map((r) => r.c));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.m),
    );
    // Technology earns about 17.4 cents per dollar of sales; furniture about 2.5.
    expect(records(run)[0]).toMatchObject({ Category: 'Technology' });
  });

  it('gives profit per unit and sales per order, a distinct count as the denominator', async () => {
    const run = await runOn(store, {
      measures: [
        { column: 'Profit', aggregation: 'sum', per: { column: 'Quantity', aggregation: 'sum' } },
        { column: 'Sales', aggregation: 'sum', per: { column: 'Order ID', aggregation: 'count_distinct' } },
      ],
      dimensions: [{ column: 'Segment' }],
      sort: { by: 'dimension', direction: 'asc' },
    });
    const expected = await allRows(
      store,
      `SELECT "Segment" AS s, sum("Profit") / sum("Quantity") AS per_unit,
              sum("Sales") / count(DISTINCT "Order ID") AS per_order
       FROM ${STORE} GROUP BY 1 ORDER BY 1`,
    );
    expect(run.result.columns.map((c) => c.name)).toEqual(['Segment', 'Profit per Quantity', 'Sales per Order ID']);
    expect(run.result.columns[2]?.unit).toBe(store.column('Sales').unit);
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.per_unit),
    );
    expectClose(
      run.result.rows.map((r) => r[2] ?? null),
      expected.map((r) => r.per_order),
    );
  });

  it('gives the whole-table average order value as one number', async () => {
    const run = await runOn(store, {
      measures: [
        {
          column: 'Sales',
          aggregation: 'sum',
          per: { column: 'Order ID', aggregation: 'count_distinct' },
          label: 'Average Order Value',
        },
      ],
      chart: 'kpi',
    });
    const expected = await firstRow(store, `SELECT sum("Sales") / count(DISTINCT "Order ID") AS v FROM ${STORE}`);
    expect(run.result.rows[0]?.[0]).toBeCloseTo(Number(expected.v), 6);
  });

  it('gives the share of one part of each total: Furniture in West sales, per year', async () => {
    const furnitureShare = {
      column: 'Sales',
      aggregation: 'sum',
      per: { column: 'Sales', aggregation: 'sum' },
      part: { column: 'Category', values: ['Furniture'] },
      format: 'percent',
      label: 'Share of Sales from Furniture',
    };
    const run = await runOn(store, {
      measures: [furnitureShare],
      dimensions: [{ column: 'Order Date', grain: 'year' }],
      filters: [{ op: 'in', column: 'Region', values: ['West'] }],
      chart: 'line',
    });
    const expected = await allRows(
      store,
      `SELECT sum("Sales") FILTER (WHERE "Category" = 'Furniture') / sum("Sales") AS v
       FROM ${STORE} WHERE "Region" = 'West' GROUP BY year("Order Date") ORDER BY year("Order Date")`,
    );
    expect(run.result.columns[1]).toMatchObject({ name: 'Share of Sales from Furniture', unit: 'percent' });
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.v),
    );
  });

  it('refuses a part without the total it is part of', async () => {
    const part = { column: 'Category', values: ['Furniture'] };
    await expect(runOn(store, { measures: [{ column: 'Sales', aggregation: 'sum', part }] })).rejects.toThrow(
      /give the total it is part of/,
    );
  });
});

describe('cyclic grains', () => {
  it('counts orders by day of the week, Monday first', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'Order Date', cycle: 'day_of_week' }],
    });
    const expected = await allRows(
      store,
      `SELECT dayname("Order Date") AS d, count(DISTINCT "Order ID") AS n FROM ${STORE} GROUP BY 1`,
    );
    const byDay = new Map(expected.map((r) => [r.d, r.n]));
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    expect(run.result.columns[0]).toMatchObject({ name: 'Day of Week', cycle: 'day_of_week', role: 'dimension' });
    expect(records(run).map((r) => r['Day of Week'])).toEqual(days.filter((d) => byDay.has(d)));
    for (const row of records(run)) expect(row['Distinct Order ID']).toBe(byDay.get(row['Day of Week']));
  });

  it('sums sales by month of the year across all years, January first', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', cycle: 'month_of_year' }],
    });
    const expected = await allRows(
      store,
      `SELECT monthname("Order Date") AS m, sum("Sales") AS s FROM ${STORE} GROUP BY 1, month("Order Date") ORDER BY month("Order Date")`,
    );
    expect(records(run).map((r) => r['Month of Year'])).toEqual(expected.map((r) => r.m));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.s),
    );
  });

  it('sums by hour of the day on a column of timestamps, and refuses hours of a date column', async () => {
    const run = await runOn(github, {
      measures: [{ column: 'count', aggregation: 'sum' }],
      dimensions: [{ column: 'time', cycle: 'hour_of_day' }],
    });
    const raw = `read_csv(${quoteLiteral(vegaDataset('github.csv'))}, timestampformat = '%Y/%m/%d %H:%M:%S')`;
    const expected = await allRows(
      github,
      `SELECT hour("time") AS h, sum("count") AS n FROM ${raw} GROUP BY 1 ORDER BY 1`,
    );
    expect(records(run).map((r) => r['Hour of Day'])).toEqual(
      expected.map((r) => `${String(r.h).padStart(2, '0')}:00`),
    );
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.n),
    );
    await expect(
      runOn(store, {
        measures: [{ column: null, aggregation: 'count' }],
        dimensions: [{ column: 'Order Date', cycle: 'hour_of_day' }],
      }),
    ).rejects.toThrow(/"Order Date" holds dates, not times of day/);
  });
});

describe('top N within each group', () => {
  it('keeps the two best-selling sub-categories of each region', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }, { column: 'Sub-Category' }],
      topPerGroup: { n: 2 },
    });
    const expected = await allRows(
      store,
      `SELECT r, c, s FROM (
         SELECT "Region" AS r, "Sub-Category" AS c, sum("Sales") AS s,
                row_number() OVER (PARTITION BY "Region" ORDER BY sum("Sales") DESC) AS k
         FROM ${STORE} GROUP BY 1, 2)
       WHERE k <= 2 ORDER BY r, s DESC`,
    );
    expect(run.result.rows).toHaveLength(8);
    expect(records(run).map((r) => [r.Region, r['Sub-Category']])).toEqual(expected.map((r) => [r.r, r.c]));
    expectClose(
      run.result.rows.map((r) => r[2] ?? null),
      expected.map((r) => r.s),
    );
    expect(run.result.matchedRows).toBe(9994);
  });

  it('names the sub-category with the lowest profit in 2017', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Sub-Category' }],
      filters: [{ op: 'range', column: 'Order Date', from: '2017-01-01', to: '2018-01-01' }],
      sort: { by: 'measure', direction: 'asc' },
      limit: 1,
    });
    const expected = await firstRow(
      store,
      `SELECT "Sub-Category" AS c, sum("Profit") AS p FROM ${STORE} WHERE year("Order Date") = 2017 GROUP BY 1 ORDER BY 2 LIMIT 1`,
    );
    expect(records(run)).toEqual([
      { 'Sub-Category': expected.c, 'Total Profit': expect.closeTo(Number(expected.p), 6) },
    ]);
  });
});

describe('filters', () => {
  it('compares numbers: orders lines over $5,000, and at least 10 units', async () => {
    const run = await runOn(store, {
      measures: [
        { column: null, aggregation: 'count' },
        { column: 'Sales', aggregation: 'sum' },
      ],
      filters: [{ op: 'compare', column: 'Sales', comparator: '>', value: 5000 }],
    });
    const expected = await firstRow(
      store,
      `SELECT count(*) AS n, sum("Sales") AS s FROM ${STORE} WHERE "Sales" > 5000`,
    );
    expectClose(run.result.rows[0] ?? [], [expected.n, expected.s]);
    const units = await runOn(store, {
      measures: [{ column: null, aggregation: 'count' }],
      filters: [{ op: 'compare', column: 'Quantity', comparator: '>=', value: 10 }],
    });
    const tens = await firstRow(store, `SELECT count(*) AS n FROM ${STORE} WHERE "Quantity" >= 10`);
    expect(units.result.rows[0]?.[0]).toBe(tens.n);
  });

  it('excludes several values, keeping the rest', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      filters: [{ op: 'not_in', column: 'Region', values: ['West', 'East'] }],
    });
    const expected = await allRows(
      store,
      `SELECT "Region" AS r, sum("Sales") AS s FROM ${STORE} WHERE "Region" NOT IN ('West', 'East') GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(records(run).map((r) => r.Region)).toEqual(expected.map((r) => r.r));
  });

  it('counts the orders that lost money: orders whose total profit is below zero', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      filters: [
        {
          op: 'having',
          column: 'Order ID',
          measure: { column: 'Profit', aggregation: 'sum' },
          comparator: '<',
          value: 0,
        },
      ],
    });
    const expected = await firstRow(
      store,
      `SELECT count(*) AS n FROM (SELECT "Order ID" FROM ${STORE} GROUP BY 1 HAVING sum("Profit") < 0)`,
    );
    expect(run.result.rows[0]?.[0]).toBe(expected.n);
    // The footer's count of rows read is of the losing orders' lines, not of every line.
    const read = await firstRow(
      store,
      `SELECT count(*) AS n FROM ${STORE} WHERE "Order ID" IN (SELECT "Order ID" FROM ${STORE} GROUP BY 1 HAVING sum("Profit") < 0)`,
    );
    expect(run.result.matchedRows).toBe(Number(read.n));
    // Not the lines that lost money: an order with one losing line can still make money.
    const lines = await firstRow(store, `SELECT count(DISTINCT "Order ID") AS n FROM ${STORE} WHERE "Profit" < 0`);
    expect(Number(lines.n)).toBeGreaterThan(Number(expected.n));
  });

  it('counts no orders, and no rows read, when none passes', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      filters: [
        {
          op: 'having',
          column: 'Order ID',
          measure: { column: 'Profit', aggregation: 'sum' },
          comparator: '<',
          value: -1_000_000,
        },
      ],
    });
    expect(Number(run.result.rows[0]?.[0])).toBe(0);
    expect(run.result.matchedRows).toBe(0);
  });

  it('counts the customers who bought in 2017, and the 2017 orders that lost money by region', async () => {
    const customers = await runOn(store, {
      measures: [{ column: 'Customer ID', aggregation: 'count_distinct' }],
      filters: [{ op: 'range', column: 'Order Date', from: '2017-01-01', to: '2018-01-01' }],
    });
    const bought = await firstRow(
      store,
      `SELECT count(DISTINCT "Customer ID") AS n FROM ${STORE} WHERE year("Order Date") = 2017`,
    );
    expect(customers.result.rows[0]?.[0]).toBe(bought.n);
    const losing = await runOn(store, {
      measures: [{ column: 'Order ID', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'Region' }],
      filters: [
        { op: 'range', column: 'Order Date', from: '2017-01-01', to: '2018-01-01' },
        {
          op: 'having',
          column: 'Order ID',
          measure: { column: 'Profit', aggregation: 'sum' },
          comparator: '<',
          value: 0,
        },
      ],
    });
    const expected = await allRows(
      store,
      `SELECT r, count(*) AS n FROM (
         SELECT "Order ID", any_value("Region") AS r FROM ${STORE} WHERE year("Order Date") = 2017
         GROUP BY 1 HAVING sum("Profit") < 0)
       GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    expect(records(losing)).toEqual(expected.map((r) => ({ Region: r.r, 'Distinct Order ID': r.n })));
    const read = await firstRow(
      store,
      `SELECT count(*) AS n FROM ${STORE} WHERE year("Order Date") = 2017 AND "Order ID" IN (
         SELECT "Order ID" FROM ${STORE} WHERE year("Order Date") = 2017 GROUP BY 1 HAVING sum("Profit") < 0)`,
    );
    expect(losing.result.matchedRows).toBe(Number(read.n));
  });

  it('keeps the latest six months of the data, counted back from its last date', async () => {
    const run = await runOn(store, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      filters: [{ op: 'latest', column: 'Order Date', grain: 'month', count: 6 }],
    });
    const expected = await allRows(
      store,
      `SELECT strftime(date_trunc('month', "Order Date"), '%Y-%m-%d') AS m, sum("Sales") AS s FROM ${STORE}
       WHERE "Order Date" >= DATE '2017-07-01' GROUP BY 1 ORDER BY 1`,
    );
    const last = await firstRow(store, `SELECT strftime(max("Order Date"), '%Y-%m-%d') AS d FROM ${STORE}`);
    expect(run.result.lastDate).toBe(last.d);
    expect(records(run).map((r) => r['Order Date'])).toEqual(expected.map((r) => r.m));
    expectClose(
      run.result.rows.map((r) => r[1] ?? null),
      expected.map((r) => r.s),
    );
  });
});
