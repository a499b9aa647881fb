import { computeInsights, type Insight, MAX_INSIGHTS } from '../../../workers/answer/insights';
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
  statesNumber,
  superstoreMeta as meta,
  table,
} from './answer-fixtures';

const sales = column.measure('sum', 'Sales');
const profit = column.measure('sum', 'Profit');

function kinds(insights: readonly Insight[]): string[] {
  return insights.map((insight) => insight.kind);
}

function find(insights: readonly Insight[], kind: Insight['kind']): Insight {
  const found = insights.find((insight) => insight.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} insight among ${kinds(insights).join(', ')}`);
  return found;
}

function monthlySales(values: readonly number[], start = '2016-01') {
  return {
    plan: plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    }),
    result: table(
      [column.time('Order Date', 'month'), sales],
      months(start, values.length).map((month, i) => [month, values[i] as number]),
    ),
  };
}

const subCategoryProfit = table(
  [column.dimension('Sub-Category'), profit],
  [
    ['Copiers', 55617.82],
    ['Phones', 44515.73],
    ['Accessories', 41936.64],
    ['Paper', 34053.57],
    ['Binders', 30221.76],
    ['Chairs', 26590.17],
    ['Storage', 21278.83],
    ['Appliances', 18138.01],
    ['Furnishings', 13059.14],
    ['Envelopes', 6964.18],
    ['Art', 6527.79],
    ['Labels', 5546.25],
    ['Machines', 3384.76],
    ['Fasteners', 949.52],
    ['Supplies', -1189.1],
    ['Bookcases', -3472.56],
    ['Tables', -17725.48],
  ],
);

describe('computeInsights', () => {
  describe('over time', () => {
    test('states the change from the first period to the last, absolute and percent', () => {
      const { plan: p, result } = spikySales();
      expect(find(computeInsights(p, result, meta), 'change')).toEqual({
        kind: 'change',
        text: 'Sales rose by $1,000 (10%) from Jan 2016 ($10K) to Dec 2016 ($11K).',
        numbers: [1000, 0.1, 10000, 11000],
      });
    });

    test('states the change of a percentage in points, not as a second percentage', () => {
      const p = plan({
        measures: [{ column: 'Discount', aggregation: 'avg' }],
        dimensions: [{ column: 'Order Date', grain: 'month' }],
        chart: 'line',
      });
      const discounts = [0.127, 0.176, 0.168, 0.11, 0.147];
      const result = table(
        [column.time('Order Date', 'month'), column.measure('avg', 'Discount')],
        months('2016-01', 5).map((month, i) => [month, discounts[i] as number]),
      );
      expect(find(computeInsights(p, result, meta), 'change').text).toBe(
        'Average Discount rose by 2 percentage points from Jan 2016 (12.7%) to May 2016 (14.7%).',
      );
    });

    test('names the peak and the low with their periods', () => {
      const { plan: p, result } = spikySales();
      expect(find(computeInsights(p, result, meta), 'peak-trough')).toEqual({
        kind: 'peak-trough',
        text: 'Sales peaked in Jul 2016 at $95K and were lowest in Jan 2016 at $10K.',
        numbers: [95000, 10000],
      });
    });

    test('flags one obvious spike, and only it', () => {
      const { plan: p, result } = spikySales();
      expect(find(computeInsights(p, result, meta), 'outliers')).toEqual({
        kind: 'outliers',
        text: 'Jul 2016 ($95K) stands out against a median of $10.5K per month.',
        numbers: [95000, 10500],
      });
    });

    test('flags a dip as well as a spike', () => {
      const { plan: p, result } = monthlySales([100, 104, 98, 101, 99, 12, 102, 97, 103, 100]);
      expect(find(computeInsights(p, result, meta), 'outliers').text).toBe(
        'Jun 2016 ($12) stands out against a median of $100 per month.',
      );
    });

    test('flags nothing in a flat series, nor in ordinary noise, nor in a tiny wiggle among ties', () => {
      for (const values of [
        [500, 500, 500, 500, 500, 500],
        [980, 1030, 1010, 960, 1045, 990, 1020, 970],
        [10, 10, 10, 10, 11, 10],
      ]) {
        const { plan: p, result } = monthlySales(values);
        expect(kinds(computeInsights(p, result, meta))).not.toContain('outliers');
      }
    });

    test('a flat series has no peak and a change of nothing', () => {
      const { plan: p, result } = monthlySales([500, 500, 500]);
      const insights = computeInsights(p, result, meta);
      expect(kinds(insights)).toEqual(['change']);
      expect(insights[0]?.text).toBe('Sales were unchanged from Jan 2016 ($500) to Mar 2016 ($500).');
    });

    test('a single period supports no change, peak or outlier', () => {
      const { plan: p, result } = monthlySales([28295.35]);
      expect(computeInsights(p, result, meta)).toEqual([]);
    });

    test('a series starting at zero has no percent change to give', () => {
      const { plan: p, result } = monthlySales([0, 50, 80]);
      expect(kinds(computeInsights(p, result, meta))).toEqual(['peak-trough']);
    });

    test('a last month the data only partly covers is left out, and the change says so', () => {
      const { plan: p, result } = monthlySales([50000, 60000, 75000, 9000], '2017-09');
      const insights = computeInsights(p, result, endsMidDecember);
      expect(find(insights, 'change').text).toBe(
        'Sales rose by $25K (50%) from Sep 2017 ($50K) to Nov 2017 ($75K); Dec 2017 is partial and left out.',
      );
      expect(find(insights, 'peak-trough').text).toBe(
        'Sales peaked in Nov 2017 at $75K and were lowest in Sep 2017 at $50K.',
      );
    });

    test('a first month the data only starts late in is left out too, and the change says so', () => {
      const { plan: p, result } = monthlySales([5000, 60000, 75000, 9000], '2017-09');
      expect(find(computeInsights(p, result, startsMidSeptember), 'change').text).toBe(
        'Sales rose by $15K (25%) from Oct 2017 ($60K) to Nov 2017 ($75K); Sep 2017 and Dec 2017 are partial and left out.',
      );
    });

    test('a monthly change over years compares the same month: the latest against its earliest year, and says so', () => {
      // Feb 2016 to Dec 2017 holds one complete year only, so the years' totals cannot be compared.
      const values = Array.from({ length: 23 }, (_, i) => (i % 12 === 11 ? 10000 : 50000) + i * 100);
      const { plan: p, result } = monthlySales(values, '2016-02');
      expect(find(computeInsights(p, result, meta), 'change').text).toBe(
        'Sales rose by $1,200 (2.4%) from Dec 2016 ($51K) to Dec 2017 ($52.2K), the same month a year apart.',
      );
    });

    test('monthly sales over two complete years: the change insight compares the years, as the headline does', () => {
      const values = Array.from({ length: 24 }, (_, i) => (i % 12 === 0 ? 10000 : 50000) + i * 100);
      const { plan: p, result } = monthlySales(values, '2016-01');
      const [before = 0, now = 0] = [0, 12].map((from) => values.slice(from, from + 12).reduce((sum, v) => sum + v, 0));
      const change = find(computeInsights(p, result, meta), 'change');
      expect(change.text).toBe(
        'Sales rose by $14.4K (2.5%) from 2016 ($566.6K) to 2017 ($581K), comparing complete years.',
      );
      expect(change.numbers).toEqual([now - before, (now - before) / before, before, now]);
    });

    test('a month that ends a day early is complete', () => {
      const { plan: p, result } = monthlySales([50000, 60000, 75000, 70000], '2017-09');
      expect(find(computeInsights(p, result, meta), 'change').text).toBe(
        'Sales rose by $20K (40%) from Sep 2017 ($50K) to Dec 2017 ($70K).',
      );
    });

    test('a trend split by category is totalled per period, and the categories get their shares', () => {
      const p = plan({
        measures: [{ column: 'Sales', aggregation: 'sum' }],
        dimensions: [{ column: 'Order Date', grain: 'year' }, { column: 'Category' }],
        chart: 'line',
      });
      const result = table(
        [column.time('Order Date', 'year'), column.dimension('Category'), sales],
        [
          ['2016-01-01', 'Furniture', 198901],
          ['2016-01-01', 'Technology', 226364],
          ['2017-01-01', 'Furniture', 215387],
          ['2017-01-01', 'Technology', 271731],
        ],
      );
      const insights = computeInsights(p, result, meta);
      expect(find(insights, 'change').text).toBe('Sales rose by $61.9K (14.5%) from 2016 ($425.3K) to 2017 ($487.1K).');
      expect(find(insights, 'top-share').text).toBe('Technology makes up 54.6% of Sales ($498.1K).');
    });
  });

  describe('by category', () => {
    test('gives the largest groups and their combined share of the total', () => {
      const { plan: p, result } = profitByRegion();
      expect(find(computeInsights(p, result, meta), 'top-share')).toEqual({
        kind: 'top-share',
        text: 'West and East make up 69.8% of Profit; West alone is 37.9% ($108.4K).',
        numbers: [(108418.45 + 91522.78) / 286397.02, 108418.45 / 286397.02, 108418.45],
      });
    });

    test('gives the top three from five groups on', () => {
      const p = plan({
        measures: [{ column: null, aggregation: 'count' }],
        dimensions: [{ column: 'Ship Mode' }],
        chart: 'bar',
      });
      const result = table(
        [column.dimension('Segment'), column.measure('count', null)],
        [
          ['A', 50],
          ['B', 20],
          ['C', 15],
          ['D', 10],
          ['E', 5],
        ],
      );
      expect(find(computeInsights(p, result, meta), 'top-share').text).toBe(
        'A, B and C make up 85% of row count; A alone is 50% (50).',
      );
    });

    test('names groups level at either end together', () => {
      const { plan: p, result } = profitByRegion();
      const tied = table(result.columns, [
        ['Central', 500],
        ['East', 900],
        ['South', 500],
        ['West', 900],
      ]);
      expect(find(computeInsights(p, tied, meta), 'peak-trough').text).toBe(
        'East and West tied for the highest Profit ($900) and Central and South tied for the lowest ($500).',
      );
    });

    test('gives no share when a group is negative, and names the negative groups instead', () => {
      const p = plan({
        measures: [{ column: 'Profit', aggregation: 'sum' }],
        dimensions: [{ column: 'Sub-Category' }],
        chart: 'bar',
      });
      const insights = computeInsights(p, subCategoryProfit, meta);
      expect(kinds(insights)).not.toContain('top-share');
      expect(find(insights, 'negative')).toEqual({
        kind: 'negative',
        text: '3 of 17 had negative Profit: Tables (\u2212$17.7K), Bookcases (\u2212$3,473) and Supplies (\u2212$1,189).',
        numbers: [3, 17, -17725.48, -3472.56, -1189.1],
      });
      expect(find(insights, 'peak-trough').text).toBe(
        'Copiers had the highest Profit ($55.6K) and Tables the lowest (\u2212$17.7K).',
      );
    });

    test('flags a group far above the rest', () => {
      const p = plan({
        measures: [{ column: 'Sales', aggregation: 'sum' }],
        dimensions: [{ column: 'State' }],
        chart: 'bar',
      });
      const result = table(
        [column.dimension('State'), sales],
        [
          ['California', 457687.63],
          ['Oregon', 17431.15],
          ['Nevada', 16729.1],
          ['Utah', 11220.06],
          ['Idaho', 4382.49],
          ['Montana', 5589.35],
        ],
      );
      expect(find(computeInsights(p, result, meta), 'outliers').text).toBe(
        'California ($457.7K) stands out against a median of $14K per State.',
      );
    });

    // The figures over every group, as the query computes them before its LIMIT.
    const allSubCategories = {
      count: 17,
      total: subCategoryProfit.rows.reduce((sum, row) => sum + (row[1] as number), 0),
      max: 55617.82,
      min: -17725.48,
      negatives: 3,
    };

    test('a top N speaks of the groups shown, and of all groups only with their figures', () => {
      const p = plan({
        measures: [{ column: 'Profit', aggregation: 'sum' }],
        dimensions: [{ column: 'Sub-Category' }],
        limit: 5,
        chart: 'bar',
      });
      const top5 = table(subCategoryProfit.columns, subCategoryProfit.rows.slice(0, 5), { matchedRows: 9994 });
      expect(computeInsights(p, top5, meta).map((i) => i.text)).toEqual([
        'Of the 5 shown, Copiers had the highest Profit ($55.6K) and Binders the lowest ($30.2K).',
      ]);
    });

    test('a top N ranked down gives shares of the whole total and the highest of all, and no outliers', () => {
      const p = plan({
        measures: [{ column: 'Profit', aggregation: 'sum' }],
        dimensions: [{ column: 'Sub-Category' }],
        sort: { by: 'measure', direction: 'desc' },
        limit: 5,
        chart: 'bar',
      });
      const positive = { ...allSubCategories, min: 949.52, negatives: 0, total: 308_533.67 };
      const top5 = table(subCategoryProfit.columns, subCategoryProfit.rows.slice(0, 5), { groups: positive });
      expect(computeInsights(p, top5, meta).map((i) => i.text)).toEqual([
        'Copiers, Phones and Accessories make up 46% of Profit; Copiers alone is 18% ($55.6K).',
        'Copiers had the highest Profit of all 17 ($55.6K) and Binders the lowest of the 5 shown ($30.2K).',
      ]);
    });

    test('a bottom N never calls its last group the highest of all', () => {
      const p = plan({
        measures: [{ column: 'Profit', aggregation: 'sum' }],
        dimensions: [{ column: 'Sub-Category' }],
        sort: { by: 'measure', direction: 'asc' },
        limit: 5,
        chart: 'bar',
      });
      const bottom5 = table(subCategoryProfit.columns, subCategoryProfit.rows.slice(-5).reverse(), {
        groups: allSubCategories,
      });
      expect(computeInsights(p, bottom5, meta).map((i) => i.text)).toEqual([
        'Tables had the lowest Profit of all 17 (\u2212$17.7K) and Machines the highest of the 5 shown ($3,385).',
        '3 of 17 had negative Profit: Tables (\u2212$17.7K), Bookcases (\u2212$3,473) and Supplies (\u2212$1,189).',
      ]);
    });

    test('the leaders of each group are not parts of one total', () => {
      const p = plan({
        measures: [{ column: 'Profit', aggregation: 'sum' }],
        dimensions: [{ column: 'Region' }, { column: 'Sub-Category' }],
        topPerGroup: { n: 1, direction: 'desc' },
        chart: 'bar',
      });
      const leaders = table(
        [column.dimension('Region'), column.dimension('Sub-Category'), profit],
        [
          ['Central', 'Copiers', 15608.84],
          ['East', 'Copiers', 17022.84],
          ['South', 'Copiers', 9299.76],
        ],
      );
      const texts = computeInsights(p, leaders, meta).map((i) => i.text);
      expect(texts.join(' ')).not.toMatch(/make up|of Profit;/);
      expect(texts).toContain(
        'Of the 3 shown, East \u00b7 Copiers had the highest Profit ($17K) and South \u00b7 Copiers the lowest ($9,300).',
      );
    });

    test('a single group supports no insight', () => {
      const { plan: p, result } = profitByRegion();
      expect(computeInsights(p, { ...result, rows: result.rows.slice(0, 1) }, meta)).toEqual([]);
    });
  });

  test('a comparison gives the difference and percent change between its sides', () => {
    const { plan: p, result } = salesYearOnYear();
    expect(computeInsights(p, result, meta)).toEqual([
      {
        kind: 'comparison',
        text: 'Sales rose by $124K (20.4%) from 2016 ($609.2K) to 2017 ($733.2K).',
        numbers: [733215.26 - 609205.6, (733215.26 - 609205.6) / 609205.6, 609205.6, 733215.26],
      },
    ]);
  });

  test('a comparison of three sides also names the highest and the lowest', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      comparison: {
        column: 'Region',
        sides: ['West', 'East', 'South'].map((label) => ({ label, values: [label] })),
      },
      chart: 'bar',
    });
    const result = table(
      [column.dimension('Region'), sales],
      [
        ['West', 725457.82],
        ['East', 678781.24],
        ['South', 391721.91],
      ],
    );
    expect(computeInsights(p, result, meta).map((i) => i.text)).toEqual([
      'Sales were $46.7K (6.9%) higher for West ($725.5K) than for East ($678.8K).',
      'Sales were highest for West ($725.5K) and lowest for South ($391.7K).',
    ]);
  });

  test('a comparison split by another group totals each side', () => {
    const { plan: p } = salesYearOnYear();
    const result = table(
      [column.dimension('Order Date'), column.dimension('Region'), sales],
      [
        ['2016', 'West', 300000],
        ['2016', 'East', 300000],
        ['2017', 'West', 400000],
        ['2017', 'East', 350000],
      ],
    );
    expect(computeInsights(p, result, meta)[0]?.text).toBe(
      'Sales rose by $150K (25%) from 2016 ($600K) to 2017 ($750K).',
    );
  });

  test('a relationship gives the correlation in words with r and the pairs', () => {
    const { plan: p, result } = discountAgainstProfit();
    expect(computeInsights(p, result, meta)).toEqual([
      {
        kind: 'correlation',
        text: 'Profit tends to fall slightly as Discount rises (r = \u22120.22 over 9,994 rows; weak, as |r| is under 0.3).',
        numbers: [-0.219, 9994, 0.3],
      },
    ]);
  });

  test('a relationship without statistics is measured on its points', () => {
    const { plan: p, result } = discountAgainstProfit();
    const points = table(result.columns, [
      [1, 2],
      [2, 4.1],
      [3, 5.9],
      [4, 8.2],
    ]);
    // r is 0.99899: two places would round it to a perfect 1.
    expect(computeInsights(p, points, meta)[0]?.text).toBe(
      'Profit rises consistently as Discount rises (r = 0.999 over 4 rows; strong, as |r| is over 0.7).',
    );
  });

  test('a distribution gives where most values fall, the median bin and the skew', () => {
    const { plan: p, result } = salesHistogram();
    expect(computeInsights(p, result, meta)).toEqual([
      {
        kind: 'typical-range',
        text: '90.1% of Sales values (9,000 of 9,994) fall between $0 and $500.',
        numbers: [9000 / 9994, 9000, 9994, 0, 500],
      },
      { kind: 'median', text: 'The median Sales value is between $0 and $500.', numbers: [0, 500] },
      {
        kind: 'skew',
        text: 'Sales values are right-skewed: most are low, with a tail of high values up to $3,500.',
        numbers: [3500],
      },
    ]);
  });

  test('a distribution reads the bins, not the rows the compiler returns them in', () => {
    const { plan: p, result } = salesHistogram();
    const asCompiled = {
      ...result,
      columns: [
        { name: 'From', type: 'number' as const, role: 'dimension' as const, unit: 'USD' },
        { name: 'To', type: 'number' as const, role: 'dimension' as const, unit: 'USD' },
        { ...column.measure('count', 'Sales'), name: 'Count' },
      ],
      rows: (result.bins ?? []).map((bin) => [bin.from, bin.to, bin.count]),
    };
    expect(computeInsights(p, asCompiled, meta)).toEqual(computeInsights(p, result, meta));
  });

  test('a symmetric distribution is not called skewed', () => {
    const { plan: p, result } = salesHistogram();
    const bell = { ...result, bins: [5, 20, 50, 20, 5].map((count, i) => ({ from: i * 10, to: (i + 1) * 10, count })) };
    const insights = computeInsights(p, bell, meta);
    expect(kinds(insights)).not.toContain('skew');
    expect(find(insights, 'median').text).toBe('The median Sales value is between $20 and $30.');
  });

  test('says which filters were applied, last', () => {
    const { plan: p, result } = profitByRegion();
    const filtered = {
      ...p,
      filters: [
        { op: 'in' as const, column: 'Category', values: ['Furniture'] },
        { op: 'range' as const, column: 'Order Date', from: '2016-01-01', to: '2017-01-01' },
        { op: 'range' as const, column: 'Quantity', from: 3 },
      ],
    };
    const insights = computeInsights(filtered, result, meta);
    expect(insights[insights.length - 1]).toEqual({
      kind: 'filters',
      text: 'Filtered to Category = Furniture, Quantity \u2265 3, 2016.',
      numbers: [3],
    });
  });

  test('never gives more than five, and keeps the filter insight among them', () => {
    // Monthly profit split by six categories: a July spike, one category far above
    // the rest and one below zero give seven candidate insights besides the filter.
    const p = plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }, { column: 'Sub-Category' }],
      filters: [{ op: 'not_in', column: 'Region', values: ['Central'] }],
      chart: 'line',
    });
    const perCategory = { Copiers: 9000, Phones: 1000, Paper: 1100, Art: 900, Labels: 1050, Tables: -400 };
    const result = table(
      [column.time('Order Date', 'month'), column.dimension('Sub-Category'), column.measure('sum', 'Profit')],
      months('2016-01', 12).flatMap((month, i) =>
        Object.entries(perCategory).map(([name, value]) => [
          month,
          name,
          i === 6 && name === 'Copiers' ? value * 8 : value,
        ]),
      ),
    );
    const insights = computeInsights(p, result, meta);
    expect(insights).toHaveLength(MAX_INSIGHTS);
    expect(kinds(insights)).toEqual(['change', 'outliers', 'outliers', 'peak-trough', 'filters']);
    expect(insights.map((i) => i.text)).toEqual([
      'Profit was unchanged from Jan 2016 ($12.7K) to Dec 2016 ($12.7K).',
      'Jul 2016 ($75.7K) stands out against a median of $12.7K per month.',
      'Copiers ($171K) and Tables (\u2212$4,800) stand out against a median of $12.3K per Sub-Category.',
      'Profit peaked in Jul 2016 at $75.7K and was lowest in Jan 2016 at $12.7K.',
      'Filtered to Region \u2260 Central.',
    ]);
  });

  test('ranks the most useful first', () => {
    const { plan: p, result } = spikySales();
    expect(kinds(computeInsights(p, result, meta))).toEqual(['change', 'outliers', 'peak-trough']);
  });

  test('an empty result has no insights', () => {
    const { plan: p, result } = profitByRegion();
    expect(computeInsights(p, { ...result, rows: [], matchedRows: 0 }, meta)).toEqual([]);
  });

  test('every insight states its numbers in its text', () => {
    const cases = [spikySales(), profitByRegion(), salesYearOnYear(), discountAgainstProfit(), salesHistogram()];
    const subCategories = plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Sub-Category' }],
      chart: 'bar',
    });
    const all = [
      ...cases.flatMap(({ plan: p, result }) => computeInsights(p, result, meta)),
      ...computeInsights(subCategories, subCategoryProfit, meta),
    ];
    expect(all.length).toBeGreaterThan(10);
    for (const insight of all) {
      expect(insight.numbers.length).toBeGreaterThan(0);
      for (const value of insight.numbers)
        expect({ text: insight.text, value, stated: statesNumber(insight.text, value) }).toMatchObject({
          stated: true,
        });
    }
  });
});
