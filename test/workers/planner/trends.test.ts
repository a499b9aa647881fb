import { trendGrain } from '../../../workers/planner/trend-grain';
import { loadVocabulary } from '../../../workers/planner/vocabulary';
import { loadText } from '../../support/ingest';
import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** Trends and grains: named grains, and "over time" choosing one from the span (see trendGrain). */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    'daily sales in December 2017',
    { dimensions: [{ column: 'Order Date', grain: 'day' }], chart: 'line' },
  ],
  ['superstore', 'weekly sales in 2017', { dimensions: [{ column: 'Order Date', grain: 'week' }] }],
  [
    'superstore',
    'monthly profit',
    { dimensions: [{ column: 'Order Date', grain: 'month' }], sort: { by: 'dimension', direction: 'asc' } },
  ],
  ['superstore', 'quarterly sales', { dimensions: [{ column: 'Order Date', grain: 'quarter' }] }],
  ['superstore', 'yearly sales', { dimensions: [{ column: 'Order Date', grain: 'year' }] }],
  ['superstore', 'annual profit', { dimensions: [{ column: 'Order Date', grain: 'year' }] }],
  ['superstore', 'sales by year', { dimensions: [{ column: 'Order Date', grain: 'year' }] }],
  ['superstore', 'profit per month', { dimensions: [{ column: 'Order Date', grain: 'month' }] }],
  ['superstore', 'sales over time', { dimensions: [{ column: 'Order Date', grain: 'month' }], chart: 'line' }],
  ['superstore', 'sales trend', { dimensions: [{ column: 'Order Date', grain: 'month' }] }],
  ['superstore', 'sales trend in March 2016', { dimensions: [{ column: 'Order Date', grain: 'day' }] }],
  ['superstore', 'sales trend by ship date', { dimensions: [{ column: 'Ship Date', grain: 'month' }] }],
  [
    'superstore',
    'monthly sales by category',
    { dimensions: [{ column: 'Order Date', grain: 'month' }, { column: 'Category' }], chart: 'line' },
  ],
  [
    'superstore',
    'is profit growing',
    { measures: [{ column: 'Profit' }], dimensions: [{ column: 'Order Date', grain: 'month' }] },
  ],
  ['stocks', 'price over time', { dimensions: [{ column: 'date', grain: 'month' }] }],
  ['stocks', 'daily price', { dimensions: [{ column: 'date', grain: 'month' }] }],
  [
    'stocks',
    'AAPL price trend',
    { dimensions: [{ column: 'date', grain: 'month' }], filters: [{ op: 'in', values: ['AAPL'] }] },
  ],
  ['seattle', 'precipitation trend', { dimensions: [{ column: 'date', grain: 'month' }] }],
  ['seattle', 'temp_max over time in March 2014', { dimensions: [{ column: 'date', grain: 'day' }] }],
  ['iowa', 'net generation over time', { dimensions: [{ column: 'year', grain: 'year' }] }],
  [
    'iowa',
    'net generation over time by source',
    { dimensions: [{ column: 'year', grain: 'year' }, { column: 'source' }], chart: 'line' },
  ],
  ['birdstrikes', 'cost trend', { dimensions: [{ column: 'Flight Date', grain: 'quarter' }] }],
  [
    'birdstrikes',
    'bird strikes per year',
    { measures: [{ column: null, aggregation: 'count' }], dimensions: [{ column: 'Flight Date', grain: 'year' }] },
  ],
  ['employment', 'nonfarm over time', { dimensions: [{ column: 'month', grain: 'month' }] }],
  ['employment', 'construction by quarter', { dimensions: [{ column: 'month', grain: 'quarter' }] }],
];

describe('trends and time grains', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('groups a column of year numbers by year and filters it with year numbers', async () => {
    const csv =
      'Year,Team,Revenue\n' +
      Array.from(
        { length: 30 },
        (_, i) => `${2010 + (i % 10)},${['Red', 'Blue', 'Green'][i % 3]},${1000 + i * 17}`,
      ).join('\n');
    const loaded = await loadText('years.csv', csv);
    const data = { meta: loaded.meta, vocabulary: await loadVocabulary(loaded.connection, loaded.meta, loaded.table) };
    expect(expectPlan(data, 'revenue by year')).toMatchObject({ dimensions: [{ column: 'Year', grain: 'year' }] });
    expect(expectPlan(data, 'revenue in 2016')).toMatchObject({
      filters: [{ op: 'range', column: 'Year', from: 2016, to: 2017 }],
    });
  });
});

describe('trendGrain', () => {
  it.each([
    ['2017-12-01', '2017-12-31', 'day', 'day'],
    ['2017-01-01', '2017-03-01', 'day', 'day'],
    ['2017-01-01', '2017-05-31', 'day', 'week'],
    ['2016-01-01', '2017-12-31', 'day', 'month'],
    ['2014-01-03', '2017-12-30', 'day', 'month'],
    ['1990-01-08', '2002-07-25', 'day', 'quarter'],
    ['1950-01-01', '2015-12-31', 'day', 'year'],
    ['2000-01-01', '2010-03-01', 'month', 'month'],
    ['1900-01-01', '2015-12-01', 'month', 'year'],
    ['2001-01-01', '2017-01-01', 'year', 'year'],
    ['2017-03-01', '2017-03-02', 'hour', 'hour'],
  ] as const)('%s to %s, %s data → %s', (from, to, grain, expected) => {
    expect(trendGrain({ from, to, grain })).toBe(expected);
  });
});
