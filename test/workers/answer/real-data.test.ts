import { chartSpecSchema, renderChart } from '../../../charts';
import { buildAnswer } from '../../../workers/answer/answer';
import { computeInsights } from '../../../workers/answer/insights';
import { writeHeadline } from '../../../workers/answer/headline';
import type { ResultTable, ResultValue } from '../../../workers/plan/result-table';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { column, discountAgainstProfit, plan } from './answer-fixtures';

// Integration: the real Superstore file through the real ingest and DuckDB. The
// plan compiler is not used; each result is computed with SQL written here.

let data: Loaded;
beforeAll(async () => {
  data = await load(SUPERSTORE_CSV);
});

async function rows(sql: string): Promise<ResultValue[][]> {
  const found = await data.rows(sql);
  return found.map((row) =>
    Object.values(row).map((value) => (typeof value === 'bigint' ? Number(value) : (value as ResultValue))),
  );
}

describe('answers on Sample Superstore', () => {
  test('monthly sales: the latest complete year against the one before, not a low month against a high one', async () => {
    const result: ResultTable = {
      columns: [column.time('Order Date', 'month'), { ...column.measure('sum', 'Sales'), unit: null }],
      rows: await rows(`SELECT strftime(date_trunc('month', "Order Date"), '%Y-%m-%d'), sum("Sales")::DOUBLE
                        FROM dataset GROUP BY 1 ORDER BY 1`),
      matchedRows: 9994,
    };
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
      title: 'Monthly sales',
    });
    const [facts] = await data.rows(`
      SELECT sum("Sales") FILTER (year("Order Date") = 2017)::DOUBLE AS y2017,
             sum("Sales") FILTER (year("Order Date") = 2016)::DOUBLE AS y2016
      FROM read_csv('${SUPERSTORE_CSV}')`);
    const [now, before] = [Number(facts?.y2017), Number(facts?.y2016)];

    const headline = writeHeadline(p, result, data.meta);
    // Not "rose 489% from Jan 2014 to Dec 2017": a seasonal low month against a high one.
    expect(headline.text).toBe('Monthly Sales rose 20.4% in 2017 (733.2K) vs 2016 (609.2K), comparing complete years.');
    expect(headline.numbers[0]).toBeCloseTo((now - before) / before, 12);
    expect(headline.numbers[1]).toBeCloseTo(now, 6);

    const spec = buildAnswer(p, result, data.meta).chart;
    expect(chartSpecSchema.safeParse(spec).success).toBe(true);
    expect((await renderChart(spec!)).length).toBeGreaterThan(1000);
  });

  test('profit by sub-category: the groups that lose money', async () => {
    const result: ResultTable = {
      columns: [column.dimension('Sub-Category'), { ...column.measure('sum', 'Profit'), unit: null }],
      rows: await rows(`SELECT "Sub-Category", sum("Profit")::DOUBLE AS p FROM dataset GROUP BY 1 ORDER BY p DESC`),
      matchedRows: 9994,
    };
    const p = plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Sub-Category' }],
      chart: 'bar',
      title: 'Profit by sub-category',
    });
    expect(writeHeadline(p, result, data.meta).text).toBe('Copiers had the highest Profit: 55.6K.');
    const negative = computeInsights(p, result, data.meta).find((insight) => insight.kind === 'negative');
    expect(negative?.text).toBe(
      '3 of 17 had negative Profit: Tables (\u221217.7K), Bookcases (\u22123,473) and Supplies (\u22121,189).',
    );
  });

  test('discount against profit: the correlation over every row', async () => {
    const [stats] = await data.rows(`SELECT corr("Discount", "Profit") AS r, regr_slope("Profit", "Discount") AS slope,
                                            regr_intercept("Profit", "Discount") AS intercept, count(*) AS n FROM dataset`);
    const result: ResultTable = {
      columns: [
        { ...column.measure('sum', 'Discount'), unit: null },
        { ...column.measure('sum', 'Profit'), unit: null },
      ],
      rows: await rows(`SELECT "Discount"::DOUBLE, "Profit"::DOUBLE FROM dataset`),
      matchedRows: 9994,
      relationship: {
        correlation: Number(stats?.r),
        slope: Number(stats?.slope),
        intercept: Number(stats?.intercept),
        pairs: Number(stats?.n),
      },
    };
    const answer = buildAnswer(discountAgainstProfit().plan, result, data.meta);
    expect(answer.headline).toBe('Discount and Profit are weakly negatively correlated (r = \u22120.22, 9,994 rows).');
    expect(answer.chart).toMatchObject({ kind: 'scatter', trend: { r: Number(stats?.r) } });
    expect((await renderChart(answer.chart!)).length).toBeGreaterThan(1000);
  });

  test('order values: a histogram from bins computed in SQL', async () => {
    const bins = await data.rows(`
      WITH b AS (SELECT least(floor("Sales" / 250), 19)::INTEGER AS k FROM dataset)
      SELECT k * 250 AS "from", (k + 1) * 250 AS "to", count(*)::INTEGER AS count FROM b GROUP BY k ORDER BY k`);
    const result: ResultTable = {
      columns: [],
      rows: [],
      matchedRows: 9994,
      bins: bins.map((bin) => ({ from: Number(bin.from), to: Number(bin.to), count: Number(bin.count) })),
    };
    const p = plan({
      kind: 'distribution',
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      chart: 'histogram',
      title: 'Order values',
    });
    const answer = buildAnswer(p, result, data.meta);
    const [under500] = await data.rows(
      `SELECT avg(("Sales" < 500)::INTEGER) AS share, median("Sales") AS median FROM dataset`,
    );
    expect(answer.headline).toBe('Most Sales values (88.4%) fall between 0 and 500; the median is between 0 and 250.');
    expect(answer.insightNumbers[0]).toBeCloseTo(Number(under500?.share), 12);
    expect(Number(under500?.median)).toBeLessThan(250);
    expect(answer.insights).toContain(
      'Sales values are right-skewed: most are low, with a tail of high values up to 5,000.',
    );
    expect((await renderChart(answer.chart!)).length).toBeGreaterThan(1000);
  });
});

describe('seasonal trends', () => {
  test('names no seasonal peak where no month peaks in most years, and leaves a partial last month out', async () => {
    const weather = await load(vegaDataset('seattle-weather.csv'));
    const raw = `read_csv('${vegaDataset('seattle-weather.csv')}')`;
    const monthly = async (until: string) =>
      (
        await weather.rows(`SELECT strftime(date_trunc('month', date), '%Y-%m-%d') AS m, sum(precipitation)::DOUBLE AS p
                            FROM ${raw} WHERE date < DATE '${until}' GROUP BY 1 ORDER BY 1`)
      ).map((r) => [r.m as string, Number(r.p)]);
    const [peak] = await weather.rows(`
      WITH m AS (SELECT year(date) AS y, monthname(date) AS name, sum(precipitation) AS p FROM ${raw} GROUP BY 1, 2),
           top AS (SELECT y, arg_max(name, p) AS name FROM m GROUP BY 1)
      SELECT name, count(*) AS n FROM top GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const p = plan({
      measures: [{ column: 'precipitation', aggregation: 'sum' }],
      dimensions: [{ column: 'date', grain: 'month' }],
      chart: 'line',
      title: 'Monthly precipitation',
    });
    const result = (rowsIn: ResultValue[][]): ResultTable => ({
      columns: [column.time('date', 'month'), { ...column.measure('sum', 'precipitation'), unit: null }],
      rows: rowsIn,
      matchedRows: 1461,
    });
    const full = writeHeadline(p, result(await monthly('2016-01-01')), weather.meta).text;
    // Seattle's wettest month differs from year to year: no month is the peak in most years, so none is named.
    expect(Number(peak?.n)).toBeLessThanOrEqual(2);
    expect(full).not.toContain('seasonal peak');
    expect(full).toMatch(/^Monthly precipitation (rose|fell) [\d.]+% in 2015 \([\d.,K]+\) vs 2014/);
    // Cut mid-December 2015: the partial month is named and left out, and 2015 is no longer complete.
    const cutMeta = {
      ...weather.meta,
      columns: weather.meta.columns.map((c) => (c.name === 'date' ? { ...c, to: '2015-12-10' } : c)),
    };
    const cut = writeHeadline(p, result(await monthly('2015-12-11')), cutMeta).text;
    expect(cut).toMatch(/in 2014 \([\d.,K]+\) vs 2013 .*Dec 2015 is partial and left out\.$/);
  });
});
