import { type ChartSpec, chartSpecSchema, renderChart } from '../../../charts';
import { chartSpecFor } from '../../../workers/answer/chart-spec';
import type { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import type { ResultTable } from '../../../workers/plan/result-table';
import {
  column,
  discountAgainstProfit,
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
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Builds the spec and checks it against the charts schema, as `renderChart` will. */
function specFor(p: AnalysisPlan, result: ResultTable): ChartSpec {
  const spec = chartSpecFor(p, result, meta);
  if (spec === null) throw new Error('expected a chart');
  expect(chartSpecSchema.safeParse(spec).error).toBeUndefined();
  return spec;
}

const twelveCategories = [
  'Binders',
  'Paper',
  'Furnishings',
  'Phones',
  'Storage',
  'Art',
  'Accessories',
  'Chairs',
  'Appliances',
  'Labels',
  'Tables',
  'Envelopes',
];

/** Sales by year and sub-category: twelve series over four years. */
function yearlyBySubCategory(chart: AnalysisPlan['chart'], share = false) {
  const years = ['2014-01-01', '2015-01-01', '2016-01-01', '2017-01-01'];
  return {
    plan: plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'year' }, { column: 'Sub-Category' }],
      share,
      chart,
      title: 'Sales by sub-category',
    }),
    result: table(
      [column.time('Order Date', 'year'), column.dimension('Sub-Category'), sales],
      years.flatMap((year, y) => twelveCategories.map((name, c) => [year, name, 1000 * (12 - c) + 100 * y])),
    ),
  };
}

function shipModes(names: readonly string[]) {
  return {
    plan: plan({
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Ship Mode' }],
      share: true,
      chart: 'doughnut',
      title: 'Orders by ship mode',
    }),
    result: table(
      [column.dimension('Ship Mode'), column.measure('count', null)],
      names.map((name, i) => [name, 6000 - i * 500]),
    ),
  };
}

const cases: Record<string, () => { plan: AnalysisPlan; result: ResultTable }> = {
  line: spikySales,
  bar: profitByRegion,
  'horizontal-bar': () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Product Name' }],
      chart: 'bar',
      title: 'Top products',
    });
    return {
      plan: p,
      result: table(
        [column.dimension('Product Name'), sales],
        [
          ['Canon imageCLASS 2200 Advanced Copier', 61599.82],
          ['Fellowes PB500 Electric Punch Plastic Comb Binding Machine', 27453.38],
          ['Cisco TelePresence System EX90 Videoconferencing Unit', 22638.48],
        ],
      ),
    };
  },
  'stacked-bar': () => yearlyBySubCategory('stacked-bar', true),
  doughnut: () => shipModes(['Standard Class', 'Second Class', 'First Class', 'Same Day']),
  scatter: discountAgainstProfit,
  histogram: salesHistogram,
  kpi: salesYearOnYear,
};

describe('chartSpecFor', () => {
  describe.each(Object.entries(cases))('%s', (kind, make) => {
    test('is valid and renders to a PNG', async () => {
      const { plan: p, result } = make();
      const spec = specFor(p, result);
      expect(spec.kind).toBe(kind);
      expect(spec.title).toBe(p.title);
      const png = await renderChart(spec);
      expect(png.length).toBeGreaterThan(1000);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    });
  });

  test('a time series is a line over ISO dates at the grain, with the unit on the value axis', () => {
    const { plan: p, result } = spikySales();
    expect(specFor(p, result)).toMatchObject({
      kind: 'line',
      x: { title: 'Order Date', scale: 'time', grain: 'month' },
      y: { title: 'Sales (USD)', unit: { kind: 'currency', code: 'USD' } },
      labels: months('2016-01', 12),
      series: [{ name: 'Sales', values: result.rows.map((row) => row[1]) }],
    });
  });

  test('a time series arriving out of order is drawn in time order', () => {
    const { plan: p, result } = spikySales();
    const spec = specFor(p, { ...result, rows: [...result.rows].reverse() });
    expect(spec.kind === 'line' && spec.labels).toEqual(months('2016-01', 12));
  });

  test('a category split over time is one line per category, folded to eight with Other', () => {
    const { plan: p, result } = yearlyBySubCategory('line');
    const spec = specFor(p, result);
    if (spec.kind !== 'line') throw new Error(spec.kind);
    expect(spec.series.map((s) => s.name)).toEqual([...twelveCategories.slice(0, 7), 'Other']);
    const other = twelveCategories.slice(7).reduce((sum, _, i) => sum + 1000 * (12 - 7 - i), 0);
    expect(spec.series[7]?.values).toEqual([0, 1, 2, 3].map((y) => other + 5 * 100 * y));
  });

  test('a share over time stacks to 100% per period', () => {
    const { plan: p, result } = yearlyBySubCategory('stacked-bar', true);
    const spec = specFor(p, result);
    if (spec.kind !== 'stacked-bar') throw new Error(spec.kind);
    expect(spec.y).toEqual({ title: 'Share of Sales (%)', unit: { kind: 'percent' } });
    spec.labels.forEach((_, i) => {
      expect(spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)).toBeCloseTo(1, 9);
    });
  });

  test('bars lie down for long labels', () => {
    const spec = specFor(cases['horizontal-bar']!().plan, cases['horizontal-bar']!().result);
    expect(spec.kind).toBe('horizontal-bar');
    expect(specFor(profitByRegion().plan, profitByRegion().result).kind).toBe('bar');
  });

  test('a doughnut of too many parts becomes bars', () => {
    const { plan: p, result } = shipModes(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(specFor(p, result).kind).toBe('bar');
  });

  test('a doughnut with a negative part becomes bars', () => {
    const p = plan({
      measures: [{ column: 'Profit', aggregation: 'sum' }],
      dimensions: [{ column: 'Category' }],
      chart: 'doughnut',
    });
    const result = table(
      [column.dimension('Category'), column.measure('sum', 'Profit')],
      [
        ['Technology', 145454.95],
        ['Furniture', -18451.27],
      ],
    );
    expect(specFor(p, result).kind).toBe('bar');
  });

  test('a scatter takes its trend from the result statistics', () => {
    const { plan: p, result } = discountAgainstProfit();
    expect(specFor(p, result)).toMatchObject({
      kind: 'scatter',
      x: { title: 'Discount (%)', unit: { kind: 'percent' } },
      y: { title: 'Profit (USD)', unit: { kind: 'currency', code: 'USD' } },
      trend: { slope: -242.9, intercept: 66.9, r: -0.219 },
    });
  });

  test('a scatter without statistics fits its trend to the points', () => {
    const { plan: p, result } = discountAgainstProfit();
    const { relationship: _, ...plain } = result;
    const points = {
      ...plain,
      rows: [
        [0, 1],
        [1, 3],
        [2, 5],
      ],
    };
    expect(specFor(p, points)).toMatchObject({ trend: { slope: 2, intercept: 1, r: 1 } });
  });

  test('a histogram draws the result bins with the unit on its edges', () => {
    const { plan: p, result } = salesHistogram();
    expect(specFor(p, result)).toEqual({
      kind: 'histogram',
      title: 'Order values',
      x: { title: 'Sales (USD)', unit: { kind: 'currency', code: 'USD' } },
      y: { title: 'Rows' },
      bins: result.bins,
    });
  });

  test('a comparison KPI shows the latest side and its change on the one before', () => {
    const { plan: p, result } = salesYearOnYear();
    expect(specFor(p, result)).toEqual({
      kind: 'kpi',
      title: 'Sales, 2017 vs 2016',
      value: 733215.26,
      label: 'Sales, 2017',
      unit: { kind: 'currency', code: 'USD' },
      delta: { value: (733215.26 - 609205.6) / 609205.6, label: 'vs 2016' },
    });
  });

  test('a single number is a KPI whatever chart the plan asked for, with the filters as subtitle', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      filters: [{ op: 'in', column: 'Region', values: ['West'] }],
      chart: 'bar',
      title: 'West sales',
    });
    expect(specFor(p, table([sales], [[725457.82]]))).toEqual({
      kind: 'kpi',
      title: 'West sales',
      subtitle: 'Region = West',
      value: 725457.82,
      label: 'Sales',
      unit: { kind: 'currency', code: 'USD' },
    });
  });

  test('a KPI asked of a breakdown without a comparison falls back to bars', () => {
    const { plan: p, result } = profitByRegion();
    expect(specFor({ ...p, chart: 'kpi' }, result).kind).toBe('bar');
  });

  test('a ranking of months is drawn as bars labelled at the grain, in the ranked order', () => {
    const p = plan({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      sort: { by: 'measure', direction: 'desc' },
      limit: 3,
      chart: 'bar',
    });
    const result = table(
      [column.time('Order Date', 'month'), sales],
      [
        ['2017-11-01', 118447.83],
        ['2016-12-01', 96999.04],
        ['2017-09-01', 87866.65],
      ],
    );
    expect(specFor(p, result)).toMatchObject({
      kind: 'bar',
      x: { scale: 'category' },
      labels: ['Nov 2017', 'Dec 2016', 'Sep 2017'],
    });
  });

  test('two measures with one unit are two series; a measure in another unit is left out', () => {
    const p = plan({
      measures: [
        { column: 'Sales', aggregation: 'sum' },
        { column: 'Profit', aggregation: 'sum' },
        { column: 'Discount', aggregation: 'avg' },
      ],
      dimensions: [{ column: 'Region' }],
      chart: 'bar',
    });
    const result = table(
      [column.dimension('Region'), sales, column.measure('sum', 'Profit'), column.measure('avg', 'Discount')],
      [
        ['East', 678781.24, 91522.78, 0.145],
        ['West', 725457.82, 108418.45, 0.109],
      ],
    );
    const spec = specFor(p, result);
    expect(spec.kind === 'bar' && spec.series.map((s) => s.name)).toEqual(['Sales', 'Profit']);
  });

  test('a breakdown of dates has no chart: there are no numbers to draw', () => {
    const p = plan({
      measures: [{ column: 'Order Date', aggregation: 'min' }],
      dimensions: [{ column: 'Region' }],
      chart: 'bar',
    });
    const first = { ...column.measure('min', 'Order Date'), type: 'date' as const };
    const result = table(
      [column.dimension('Region'), first],
      [
        ['West', '2014-01-04'],
        ['East', '2014-01-07'],
      ],
    );
    expect(chartSpecFor(p, result, meta)).toBeNull();
  });

  test('a table, or an empty result, has no chart', () => {
    const { plan: p, result } = profitByRegion();
    expect(chartSpecFor({ ...p, chart: 'table' }, result, meta)).toBeNull();
    expect(chartSpecFor(p, { ...result, rows: [], matchedRows: 0 }, meta)).toBeNull();
  });
});
