import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';
import { independentRows } from '../../support/independent-sql';
import { writeHeadline } from '../../../workers/answer/headline';
import {
  column,
  discountAgainstProfit,
  endsMidDecember,
  startsMidSeptember,
  months,
  plan,
  profitByRegion,
  salesHistogram,
  salesYearOnYear,
  spikySales,
  superstoreMeta as meta,
  table,
} from './answer-fixtures';

const sales = column.measure('sum', 'Sales');
const west2016 = [
  { op: 'in' as const, column: 'Region', values: ['West'] },
  { op: 'range' as const, column: 'Order Date', from: '2016-01-01', to: '2017-01-01' },
];

describe('writeHeadline', () => {
  test('a total states the value and the rows it covers', () => {
    const p = plan({ measures: [{ column: 'Sales', aggregation: 'sum' }], chart: 'kpi' });
    const headline = writeHeadline(p, table([sales], [[2297200.86]], { matchedRows: 9994 }), meta);
    expect(headline).toEqual({ text: 'Total Sales were $2.3M across 9,994 rows.', numbers: [2297200.86, 9994] });
  });

  test('a column that is already a sum or a total is not called a total again', () => {
    const p = plan({ measures: [{ column: 'Sum of Sales', aggregation: 'sum' }], chart: 'kpi' });
    const result = table([column.measure('sum', 'Sum of Sales')], [[34154.85]], { matchedRows: 40 });
    expect(writeHeadline(p, result, meta).text).toBe('Sum of Sales was 34.2K across 40 rows.');
    const q = plan({ measures: [{ column: 'Total Revenue', aggregation: 'sum' }], chart: 'kpi' });
    const revenue = table([column.measure('sum', 'Total Revenue')], [[34154.85]], { matchedRows: 40 });
    expect(writeHeadline(q, revenue, meta).text).toBe('Total Revenue was 34.2K across 40 rows.');
  });

  test('a filtered total says which rows it is about', () => {
    const p = plan({
      measures: [
        { column: 'Sales', aggregation: 'sum' },
        { column: 'Profit', aggregation: 'sum' },
      ],
      filters: west2016,
      chart: 'kpi',
    });
    const result = table([sales, column.measure('sum', 'Profit')], [[250128.35, 44303.65]], { matchedRows: 1029 });
    expect(writeHeadline(p, result, meta).text).toBe(
      'Total Sales were $250.1K and total Profit was $44.3K across 1,029 rows where Region = West in 2016.',
    );
  });

  test('an average reads as one value, in its unit', () => {
    const p = plan({ measures: [{ column: 'Discount', aggregation: 'avg' }], chart: 'kpi' });
    const result = table([column.measure('avg', 'Discount')], [[0.1562]], { matchedRows: 9994 });
    expect(writeHeadline(p, result, meta).text).toBe('Average Discount was 15.6% across 9,994 rows.');
  });

  test('a row count says how many rows match', () => {
    const p = plan({ measures: [{ column: null, aggregation: 'count' }], filters: west2016.slice(0, 1), chart: 'kpi' });
    const result = table([column.measure('count', null)], [[3203]], { matchedRows: 3203 });
    expect(writeHeadline(p, result, meta)).toEqual({ text: '3,203 rows match Region = West.', numbers: [3203] });
  });

  test('an empty result names the filters that matched nothing', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      filters: [{ op: 'in', column: 'Region', values: ['Atlantis'] }, west2016[1]!],
      chart: 'bar',
    });
    const empty = table([column.dimension('Region'), sales], [], { matchedRows: 0 });
    expect(writeHeadline(p, empty, meta)).toEqual({ text: 'No rows match Region = Atlantis in 2016.', numbers: [] });
  });

  test('an empty result with only a time filter says the period had no rows', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      filters: [{ op: 'range', column: 'Order Date', from: '2019-07-01', to: '2019-10-01' }],
      chart: 'kpi',
    });
    expect(writeHeadline(p, table([sales], [[null]], { matchedRows: 0 }), meta).text).toBe(
      'There are no rows in Q3 2019.',
    );
  });

  test('a breakdown names the highest group and its share of the total', () => {
    const { plan: p, result } = profitByRegion();
    expect(writeHeadline(p, result, meta)).toEqual({
      text: 'West had the highest Profit: $108.4K (37.9% of the total).',
      numbers: [108418.45, 108418.45 / 286397.02],
    });
  });

  // Found by the new-user trial: "South had the highest" when West had as much.
  test('groups level at the top are named together, and groups all level say so', () => {
    const { plan: p, result } = profitByRegion();
    const tied = table(result.columns, [
      ['Central', 39706.36],
      ['East', 108418.45],
      ['South', 46749.43],
      ['West', 108418.45],
    ]);
    const total = 39706.36 + 108418.45 * 2 + 46749.43;
    expect(writeHeadline(p, tied, meta).text).toBe(
      `East and West tied for the highest Profit: $108.4K each (${((108418.45 / total) * 100).toFixed(1)}% of the total each).`,
    );
    const level = table(result.columns, [
      ['East', 500],
      ['West', 500],
    ]);
    expect(writeHeadline(p, level, meta).text).toBe('East and West had the same Profit: $500 each.');
  });

  test('a breakdown sorted upwards by the measure names the lowest group', () => {
    const { plan: p, result } = profitByRegion();
    const lowest = { ...p, sort: { by: 'measure' as const, direction: 'asc' as const } };
    expect(writeHeadline(lowest, result, meta).text).toBe(
      'Central had the lowest Profit: $39.7K (13.9% of the total).',
    );
  });

  test('a top N gives a share only of the total of every group, never of the groups shown', () => {
    const { plan: p, result } = profitByRegion();
    const top2 = table(result.columns, result.rows.slice(2), { matchedRows: 9994 });
    expect(writeHeadline({ ...p, limit: 2 }, top2, meta).text).toBe(
      'West had the highest Profit of the 2 shown: $108.4K.',
    );
    const ranked = { ...p, limit: 2, sort: { by: 'measure' as const, direction: 'desc' as const } };
    const groups = { count: 4, total: 286397.02, max: 108418.45, min: 39706.36, negatives: 0 };
    expect(writeHeadline(ranked, { ...top2, groups }, meta).text).toBe(
      'West had the highest Profit: $108.4K (37.9% of the total).',
    );
  });

  test('an average by group gives no share: averages do not add up to a total', () => {
    const p = plan({
      measures: [{ column: 'Discount', aggregation: 'avg' }],
      dimensions: [{ column: 'Region' }],
      chart: 'bar',
    });
    const result = table(
      [column.dimension('Region'), column.measure('avg', 'Discount')],
      [
        ['Central', 0.24],
        ['West', 0.11],
      ],
    );
    expect(writeHeadline(p, result, meta).text).toBe('Central had the highest average Discount: 24%.');
  });

  test('a trend states the change from the first to the last period and the peak between', () => {
    const { plan: p, result } = spikySales();
    expect(writeHeadline(p, result, meta)).toEqual({
      text: 'Monthly Sales rose 10% from Jan 2016 to Dec 2016, peaking in Jul 2016 at $95K.',
      numbers: [0.1, 95000],
    });
  });

  test('a trend that falls says so, with the percent unsigned and the direction in words', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'quarter' }],
      chart: 'line',
    });
    const result = table(
      [column.time('Order Date', 'quarter'), sales],
      [
        ['2017-01-01', 200000],
        ['2017-04-01', 180000],
        ['2017-07-01', 150000],
      ],
    );
    expect(writeHeadline(p, result, meta)).toEqual({
      text: 'Quarterly Sales fell 25% from Q1 2017 to Q3 2017.',
      numbers: [0.25],
    });
  });

  test('a trend leaves out a last month the data only partly covers', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    });
    const result = table(
      [column.time('Order Date', 'month'), sales],
      months('2017-09', 4).map((month, i) => [month, [50000, 60000, 75000, 9000][i] as number]),
    );
    expect(writeHeadline(p, result, endsMidDecember).text).toBe(
      'Monthly Sales rose 50% from Sep 2017 to Nov 2017; Dec 2017 is partial and left out.',
    );
    expect(writeHeadline(p, result, startsMidSeptember).text).toBe(
      'Monthly Sales rose 25% from Oct 2017 to Nov 2017; Sep 2017 and Dec 2017 are partial and left out.',
    );
    expect(writeHeadline(p, result, meta).text).toBe(
      'Monthly Sales fell 82% from Sep 2017 to Dec 2017, peaking in Nov 2017 at $75K.',
    );
  });

  test('a trend with one complete month states that month, not a change into the partial one', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    });
    const result = table(
      [column.time('Order Date', 'month'), sales],
      [
        ['2017-11-01', 75000],
        ['2017-12-01', 9000],
      ],
    );
    // Not "fell 88% from Nov 2017 to Dec 2017", read from ten days of December.
    expect(writeHeadline(p, result, endsMidDecember)).toEqual({
      text: 'Sales in Nov 2017 were $75K; Dec 2017 is partial and left out.',
      numbers: [75000],
    });
  });

  test('a flat monthly count names no seasonal peak: a year whose months tie has no highest month', () => {
    const p = plan({
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    });
    const result = table(
      [column.time('Order Date', 'month'), column.measure('count', null)],
      months('2014-01', 48).map((month) => [month, 5]),
    );
    expect(writeHeadline(p, result, meta).text).toBe(
      'Monthly row count came to 60 in 2017 against 60 in 2016, comparing complete years.',
    );
  });

  test('a single period states its value', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    });
    const result = table([column.time('Order Date', 'month'), sales], [['2016-03-01', 28295.35]]);
    expect(writeHeadline(p, result, meta).text).toBe('Sales in Mar 2016 were $28.3K.');
  });

  test('a trend from a negative start gives amounts, not a percent', () => {
    const p = plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'year' }],
      chart: 'line',
    });
    const result = table(
      [column.time('Order Date', 'year'), column.measure('sum', 'Profit')],
      [
        ['2015-01-01', -1200],
        ['2016-01-01', 3400],
      ],
    );
    expect(writeHeadline(p, result, meta).text).toBe('Yearly Profit went from −$1,200 in 2015 to $3,400 in 2016.');
  });

  test('a comparison of periods leads with the latest and its change on the one before', () => {
    const { plan: p, result } = salesYearOnYear();
    expect(writeHeadline(p, result, meta)).toEqual({
      text: '2017 Sales were $733.2K, up 20.4% on 2016 ($609.2K).',
      numbers: [733215.26, (733215.26 - 609205.6) / 609205.6, 609205.6],
    });
  });

  test('a comparison of periods named latest first still compares the latest with the one before', () => {
    const { plan: p, result } = salesYearOnYear();
    const reversed = { ...p, comparison: { ...p.comparison!, sides: [...p.comparison!.sides].reverse() } };
    const rows = [...result.rows].reverse();
    expect(writeHeadline(reversed, { ...result, rows }, meta).text).toBe(
      '2017 Sales were $733.2K, up 20.4% on 2016 ($609.2K).',
    );
  });

  test('a comparison of values leads with the first value named', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      comparison: {
        column: 'Region',
        sides: [
          { label: 'East', values: ['East'] },
          { label: 'West', values: ['West'] },
        ],
      },
      chart: 'bar',
    });
    const result = table(
      [column.dimension('Region'), sales],
      [
        ['East', 678781.24],
        ['West', 725457.82],
      ],
    );
    expect(writeHeadline(p, result, meta).text).toBe('Sales for East were $678.8K, 6.4% lower than West ($725.5K).');
  });

  test('a correlation states its strength, direction, r and the number of pairs', () => {
    const { plan: p, result } = discountAgainstProfit();
    expect(writeHeadline(p, result, meta)).toEqual({
      text: 'Discount and Profit are weakly negatively correlated (r = \u22120.22, 9,994 rows).',
      numbers: [-0.219, 9994],
    });
  });

  test('a correlation near zero is called no clear relationship', () => {
    const { plan: p, result } = discountAgainstProfit();
    const flat = { ...result, relationship: { correlation: 0.04, slope: 1, intercept: 0, pairs: 9994 } };
    expect(writeHeadline(p, flat, meta).text).toBe(
      'Discount and Profit show no clear linear relationship (r = 0.04, 9,994 rows).',
    );
  });

  test('a distribution says where most values fall', () => {
    const { plan: p, result } = salesHistogram();
    expect(writeHeadline(p, result, meta)).toEqual({
      text: 'Most Sales values (90.1%) fall between $0 and $500.',
      numbers: [9000 / 9994, 0, 500],
    });
  });

  test('the first date of a date column is a date', () => {
    const p = plan({ measures: [{ column: 'Order Date', aggregation: 'min' }], chart: 'kpi' });
    const first = { ...column.measure('min', 'Order Date'), type: 'date' as const };
    expect(writeHeadline(p, table([first], [['2014-01-03']], { matchedRows: 9994 }), meta)).toEqual({
      text: 'The earliest Order Date was 2014-01-03 across 9,994 rows.',
      numbers: [9994],
    });
  });

  test('a share column next to the measure does not change the answer', () => {
    const { plan: p, result } = profitByRegion();
    const share = {
      name: 'Share of Total Profit',
      type: 'number' as const,
      role: 'measure' as const,
      unit: 'percent',
      source: { column: 'Profit', aggregation: 'share' },
    };
    const total = 286397.02;
    const withShare = table(
      [...result.columns, share],
      result.rows.map((row) => [...row, Number(row[1]) / total]),
    );
    expect(writeHeadline({ ...p, share: true }, withShare, meta).text).toBe(
      'West had the highest Profit: $108.4K (37.9% of the total).',
    );
  });

  test('a comparison of periods reads its sides from a Period column of labels', () => {
    const { plan: p, result } = salesYearOnYear();
    const period = { ...result, columns: [column.dimension('Period'), result.columns[1]!] };
    expect(writeHeadline(p, period, meta).text).toBe('2017 Sales were $733.2K, up 20.4% on 2016 ($609.2K).');
  });
});

describe('headlines count in words people write', () => {
  it('says "1 row", not "1 rows"', () => {
    const one = table([sales], [[250]]);
    const text = writeHeadline(
      plan({ measures: [{ column: 'Sales', aggregation: 'sum' }], chart: 'kpi' }),
      one,
      meta,
    ).text;
    expect(text).toMatch(/ across 1 row\b/);
    expect(text).not.toMatch(/1 rows/);
  });
});

// Found by the new-user trial: "Average cnt was 4 across 30,000 rows" when 600 of them had no cnt.
describe('a total or an average over a column with empty cells', () => {
  it('says how many of the rows it reads have a value, as DuckDB counts them', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},${i % 50 === 0 ? '' : i % 9},${i % 2 ? 'East' : 'West'}`);
    const path = fixtureFile('blank-cells.csv', `id,cnt,region\n${rows.join('\n')}\n`);
    const run = await runCli([path, 'average cnt', '--json']);
    const answer = JSON.parse(run.stdout) as { headline: string; result: { rows: number[][] } };
    const [expected] = await independentRows(
      `SELECT count(*) AS rows, count(cnt) AS valued, avg(cnt) AS average FROM read_csv('${path}')`,
    );
    expect(answer.result.rows[0]?.[0]).toBeCloseTo(Number(expected?.average), 9);
    expect(answer.headline).toContain(
      `across ${Number(expected?.rows).toLocaleString('en-US')} rows (${Number(expected?.valued).toLocaleString('en-US')} with a value)`,
    );
    // Every row of East has a cnt: nothing more is said.
    const east = JSON.parse((await runCli([path, 'total cnt for East', '--json'])).stdout) as { headline: string };
    expect(east.headline).not.toContain('with a value');
  });
});

// Found by the second trial: "North had the highest average conversion rate (6%) and South the lowest (6%)".
describe('the highest and the lowest of a breakdown', () => {
  it('are written with digits enough to differ when they round alike', async () => {
    const regions = ['North', 'South', 'East', 'West'];
    const rows = Array.from({ length: 1000 }, (_, i) => `${regions[i % 4]},${(i % 13) / 100}`);
    const path = fixtureFile('close-rates.csv', `region,conversion rate\n${rows.join('\n')}\n`);
    const run = await runCli([path, 'average conversion rate by region', '--json']);
    const answer = JSON.parse(run.stdout) as { insights: string[] };
    const averages = await independentRows(
      `SELECT region, avg("conversion rate") AS rate FROM read_csv('${path}') GROUP BY region ORDER BY rate DESC`,
    );
    const [high, low] = [averages[0], averages.at(-1)];
    const percent = (rate: unknown) => `${(Number(rate) * 100).toFixed(2)}%`;
    expect(answer.insights).toContain(
      `${String(high?.region)} had the highest average conversion rate (${percent(high?.rate)}) and ${String(low?.region)} the lowest (${percent(low?.rate)}).`,
    );
  });
});
