import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { allRows, firstRow, runOn } from './plan-runner';

let superstore: Loaded;
beforeAll(async () => {
  superstore = await load(SUPERSTORE_CSV);
});

describe('relationship', () => {
  const discountVsProfit = {
    kind: 'relationship',
    chart: 'scatter',
    measures: [
      { column: 'Discount', aggregation: 'sum' },
      { column: 'Profit', aggregation: 'sum' },
    ],
  };

  it('fits discount against profit over every row, plotting at most 5,000 of them', async () => {
    const run = await runOn(superstore, discountVsProfit);
    const fit = await firstRow(
      superstore,
      `SELECT corr("Profit", "Discount") AS r, regr_slope("Profit", "Discount") AS slope,
              regr_intercept("Profit", "Discount") AS intercept, count(*) AS n FROM dataset`,
    );
    expect(run.result.relationship?.correlation).toBeCloseTo(Number(fit.r), 9);
    expect(run.result.relationship?.slope).toBeCloseTo(Number(fit.slope), 6);
    expect(run.result.relationship?.intercept).toBeCloseTo(Number(fit.intercept), 6);
    expect(run.result.relationship?.pairs).toBe(9994);
    expect(run.result.matchedRows).toBe(9994);
    expect(run.result.rows).toHaveLength(5000);
    expect(run.result.columns.map((c) => [c.name, c.source?.aggregation])).toEqual([
      ['Discount', 'value'],
      ['Profit', 'value'],
    ]);
  });

  it('plots real rows, the same ones on every run, spread over repeated values', async () => {
    const first = await runOn(superstore, discountVsProfit);
    const second = await runOn(superstore, discountVsProfit);
    expect(second.result.rows).toEqual(first.result.rows);
    const all = await allRows(superstore, 'SELECT "Discount" AS d, "Profit" AS p FROM dataset');
    const real = new Set(all.map((r) => `${String(r.d)}|${String(r.p)}`));
    expect(first.result.rows.every(([d, p]) => real.has(`${String(d)}|${String(p)}`))).toBe(true);
    // Each discount level is plotted in about its share of the rows, not all-or-nothing.
    const zeros = first.result.rows.filter(([d]) => d === 0).length;
    const allZeros = all.filter((r) => r.d === 0).length;
    expect(zeros / 5000).toBeCloseTo(allZeros / 9994, 1);
  });

  it('plots every row of a small selection, ordered by x', async () => {
    const run = await runOn(superstore, {
      ...discountVsProfit,
      filters: [{ op: 'in', column: 'State', values: ['Vermont'] }],
    });
    const expected = await allRows(
      superstore,
      `SELECT "Discount" AS d, "Profit" AS p FROM dataset WHERE "State" = 'Vermont' ORDER BY 1, 2`,
    );
    expect(run.result.rows).toEqual(expected.map((e) => [e.d, e.p]));
    expect(run.result.matchedRows).toBe(expected.length);
  });

  it('relates aggregates per group when it has a dimension', async () => {
    const run = await runOn(superstore, {
      kind: 'relationship',
      chart: 'scatter',
      measures: [
        { column: 'Sales', aggregation: 'sum' },
        { column: 'Profit', aggregation: 'sum' },
      ],
      dimensions: [{ column: 'State' }],
    });
    const fit = await firstRow(
      superstore,
      `SELECT corr(p, s) AS r, count(*) AS n FROM (SELECT sum("Sales") AS s, sum("Profit") AS p FROM dataset GROUP BY "State")`,
    );
    expect(run.result.rows).toHaveLength(Number(fit.n));
    expect(run.result.relationship?.pairs).toBe(49);
    expect(run.result.relationship?.correlation).toBeCloseTo(Number(fit.r), 9);
    expect(run.result.matchedRows).toBe(9994);
    const california = run.result.rows.find((r) => r[0] === 'California');
    const expected = await firstRow(
      superstore,
      `SELECT sum("Sales") AS s, sum("Profit") AS p FROM dataset WHERE "State" = 'California'`,
    );
    expect(california?.[1]).toBeCloseTo(Number(expected.s), 6);
    expect(california?.[2]).toBeCloseTo(Number(expected.p), 6);
  });

  it('reports the matching rows and no fit when nothing matches', async () => {
    const run = await runOn(superstore, {
      ...discountVsProfit,
      filters: [{ op: 'in', column: 'Region', values: ['Atlantis'] }],
    });
    expect(run.result).toMatchObject({
      rows: [],
      matchedRows: 0,
      relationship: { correlation: null, slope: null, intercept: null, pairs: 0 },
    });
  });
});

describe('distribution', () => {
  const histogram = (column: string, filters: unknown[] = []) =>
    runOn(superstore, {
      kind: 'distribution',
      chart: 'histogram',
      measures: [{ column, aggregation: 'sum' }],
      filters,
    });

  it('bins discounts into round, contiguous bins whose counts add up to the rows', async () => {
    const run = await histogram('Discount');
    const bins = run.result.bins ?? [];
    expect(bins.length).toBeGreaterThanOrEqual(5);
    expect(bins.length).toBeLessThanOrEqual(20);
    expect(bins.map((b) => b.from)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    for (let i = 1; i < bins.length; i++) expect(bins[i]?.from).toBe(bins[i - 1]?.to);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(run.result.matchedRows);
    expect(run.result.matchedRows).toBe(9994);
    expect(run.result.rows).toEqual(bins.map((b) => [b.from, b.to, b.count]));
  });

  it('counts each bin as independent SQL does, the last bin including its end', async () => {
    const run = await histogram('Sales', [{ op: 'in', column: 'Region', values: ['West'] }]);
    const bins = run.result.bins ?? [];
    const last = bins.length - 1;
    for (const [i, bin] of bins.entries()) {
      const upper = i === last ? '<=' : '<';
      const expected = await firstRow(
        superstore,
        `SELECT count(*) AS n FROM dataset WHERE "Region" = 'West' AND "Sales" >= ${bin.from} AND "Sales" ${upper} ${bin.to}`,
      );
      expect([i, bin.count]).toEqual([i, expected.n]);
    }
    const span = await firstRow(
      superstore,
      `SELECT min("Sales") AS lo, max("Sales") AS hi, count(*) AS n FROM dataset WHERE "Region" = 'West'`,
    );
    expect(bins[0]?.from).toBeLessThanOrEqual(Number(span.lo));
    expect(bins[last]?.to).toBeGreaterThanOrEqual(Number(span.hi));
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(span.n);
  });

  it('has no bins when nothing matches', async () => {
    const run = await histogram('Sales', [{ op: 'in', column: 'Region', values: ['Atlantis'] }]);
    expect(run.result).toMatchObject({ rows: [], bins: [], matchedRows: 0 });
  });
});

describe('vega datasets', () => {
  it('averages each stock per year', async () => {
    const stocks = await load(vegaDataset('stocks.csv'));
    const run = await runOn(stocks, {
      measures: [{ column: 'price', aggregation: 'avg' }],
      dimensions: [{ column: 'date', grain: 'year' }, { column: 'symbol' }],
      filters: [{ op: 'in', column: 'symbol', values: ['AAPL', 'MSFT'] }],
    });
    const expected = await allRows(
      stocks,
      `SELECT strftime(make_date(year(date), 1, 1), '%Y-%m-%d') AS y, symbol AS s, avg(price) AS p
       FROM dataset WHERE symbol IN ('AAPL', 'MSFT') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(run.result.rows.map((r) => [r[0], r[1]])).toEqual(expected.map((e) => [e.y, e.s]));
    run.result.rows.forEach((r, i) => expect(r[2]).toBeCloseTo(Number(expected[i]?.p), 9));
  });

  it('sums rain per ISO week, weeks starting on Monday', async () => {
    const weather = await load(vegaDataset('seattle-weather.csv'));
    const run = await runOn(weather, {
      measures: [
        { column: 'precipitation', aggregation: 'sum' },
        { column: 'temp_max', aggregation: 'max' },
      ],
      dimensions: [{ column: 'date', grain: 'week' }],
      filters: [{ op: 'range', column: 'date', from: '2015-01-01', to: '2016-01-01' }],
    });
    // 2015-01-01 is a Thursday: its week began on Monday 2014-12-29.
    expect(run.result.rows[0]?.[0]).toBe('2014-12-29');
    expect(run.result.rows.every((r) => new Date(`${String(r[0])}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    const expected = await firstRow(
      weather,
      `SELECT sum(precipitation) AS rain, max(temp_max) AS hottest FROM dataset WHERE date BETWEEN DATE '2015-03-02' AND DATE '2015-03-08'`,
    );
    const week = run.result.rows.find((r) => r[0] === '2015-03-02');
    expect(week?.[1]).toBeCloseTo(Number(expected.rain), 9);
    expect(week?.[2]).toBe(expected.hottest);
  });

  it('bins the warmest days of sunny weather', async () => {
    const weather = await load(vegaDataset('seattle-weather.csv'));
    const run = await runOn(weather, {
      kind: 'distribution',
      chart: 'histogram',
      measures: [{ column: 'temp_max', aggregation: 'avg' }],
      filters: [{ op: 'in', column: 'weather', values: ['sun'] }],
    });
    const expected = await firstRow(weather, `SELECT count(*) AS n FROM dataset WHERE weather = 'sun'`);
    expect(run.result.matchedRows).toBe(expected.n);
    expect((run.result.bins ?? []).reduce((sum, b) => sum + b.count, 0)).toBe(expected.n);
  });
});
