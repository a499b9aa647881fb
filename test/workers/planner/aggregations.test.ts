import { planQuestion } from '../../../workers/planner/offline-planner';
import { expectNotUnderstood, expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** Aggregation words, and the default for a measure whose sum means nothing (prices, rates, readings). */
const CASES: [DatasetName, string, object][] = [
  ['superstore', 'total sales', { measures: [{ column: 'Sales', aggregation: 'sum' }], dimensions: [], chart: 'kpi' }],
  ['superstore', 'sum of profit', { measures: [{ column: 'Profit', aggregation: 'sum' }] }],
  ['superstore', 'average discount', { measures: [{ column: 'Discount', aggregation: 'avg' }], chart: 'kpi' }],
  [
    'superstore',
    'mean sales by region',
    { measures: [{ column: 'Sales', aggregation: 'avg' }], dimensions: [{ column: 'Region' }] },
  ],
  ['superstore', 'avg quantity per segment', { measures: [{ column: 'Quantity', aggregation: 'avg' }] }],
  ['superstore', 'median sales', { measures: [{ column: 'Sales', aggregation: 'median' }] }],
  [
    'superstore',
    'sales average by category',
    { measures: [{ column: 'Sales', aggregation: 'avg' }], dimensions: [{ column: 'Category' }] },
  ],
  [
    'superstore',
    'average sales and total profit by segment',
    {
      measures: [
        { column: 'Sales', aggregation: 'avg' },
        { column: 'Profit', aggregation: 'sum' },
      ],
    },
  ],
  [
    'superstore',
    'how many orders',
    { measures: [{ column: 'Order ID', aggregation: 'count_distinct' }], chart: 'kpi' },
  ],
  [
    'superstore',
    'number of customers by segment',
    {
      measures: [{ column: 'Customer ID', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'Segment' }],
    },
  ],
  ['superstore', 'how many distinct cities', { measures: [{ column: 'City', aggregation: 'count_distinct' }] }],
  ['superstore', 'number of rows', { measures: [{ column: null, aggregation: 'count' }] }],
  [
    'superstore',
    'count of records by region',
    { measures: [{ column: null, aggregation: 'count' }], dimensions: [{ column: 'Region' }] },
  ],
  [
    'superstore',
    'number of sales by region',
    { measures: [{ column: null, aggregation: 'count' }], title: 'Number of Sales by Region' },
  ],
  ['superstore', 'how many units', { measures: [{ column: 'Quantity', aggregation: 'sum' }] }],
  ['superstore', 'minimum profit', { measures: [{ column: 'Profit', aggregation: 'min' }] }],
  ['superstore', 'lowest profit', { measures: [{ column: 'Profit', aggregation: 'min' }], dimensions: [] }],
  ['superstore', 'smallest discount', { measures: [{ column: 'Discount', aggregation: 'min' }] }],
  ['superstore', 'max sales', { measures: [{ column: 'Sales', aggregation: 'max' }] }],
  [
    'superstore',
    'maximum sales by region',
    { measures: [{ column: 'Sales', aggregation: 'max' }], dimensions: [{ column: 'Region' }] },
  ],
  ['seattle', 'highest temperature', { measures: [{ column: 'temp_max', aggregation: 'max' }], chart: 'kpi' }],
  ['seattle', 'lowest temperature in 2013', { measures: [{ column: 'temp_min', aggregation: 'min' }] }],
  ['seattle', 'wind by weather', { measures: [{ column: 'wind', aggregation: 'avg' }] }],
  ['seattle', 'precipitation by weather', { measures: [{ column: 'precipitation', aggregation: 'sum' }] }],
  ['stocks', 'price by symbol', { measures: [{ column: 'price', aggregation: 'avg' }] }],
  ['stocks', 'biggest price of AMZN', { measures: [{ column: 'price', aggregation: 'max' }] }],
  ['birdstrikes', 'largest cost total $', { measures: [{ column: 'Cost Total $', aggregation: 'max' }] }],
  [
    'birdstrikes',
    'how many strikes',
    { measures: [{ column: null, aggregation: 'count' }], title: 'Number of Strikes' },
  ],
  [
    'seattle',
    'how many sunny days',
    {
      measures: [{ column: 'date', aggregation: 'count_distinct' }],
      filters: [{ op: 'in', column: 'weather', values: ['sun'] }],
    },
  ],
];

describe('aggregations', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });
});

describe('rates are never added up', () => {
  const understood = (data: PlannerData, question: string) => {
    const outcome = planQuestion(question, data);
    if (outcome.kind !== 'plan') throw new Error(`"${question}" was not understood: ${outcome.reason}`);
    return outcome.understood;
  };

  it.each(['overall discount', 'total discount', 'sum of discount'])(
    '"%s" is the average discount, as a percentage',
    async (question) => {
      const data = await plannerData('superstore');
      expect(expectPlan(data, question)).toMatchObject({
        measures: [{ column: 'Discount', aggregation: 'avg', format: 'percent' }],
        title: 'Average Discount',
      });
      expect(understood(data, question)).toContain(
        'aggregation: average of Discount (a rate is averaged, not added up)',
      );
    },
  );

  it('averages a rate by group and over time, and refuses a share of it', async () => {
    const data = await plannerData('superstore');
    for (const question of [
      'total discount by region',
      'total discount by month',
      'total sales and discount by segment',
    ]) {
      const measures = expectPlan(data, question).measures.filter((m) => m.column === 'Discount');
      expect(measures).toEqual([{ column: 'Discount', aggregation: 'avg', format: 'percent' }]);
    }
    expect(expectNotUnderstood(data, 'share of discount by region').reason).toMatch(/average discount is not one/);
  });

  it('reads an overall margin as total profit over total revenue, and says so', async () => {
    const data = await plannerData('margins');
    expect(expectPlan(data, 'what is our overall margin').measures).toEqual([
      {
        column: 'Profit',
        aggregation: 'sum',
        per: { column: 'Revenue', aggregation: 'sum' },
        format: 'percent',
        label: 'Margin',
      },
    ]);
    expect(understood(data, 'total margin by region')).toContain(
      'measure: Margin % as total Profit / total Revenue (a margin is not added up row by row)',
    );
    // Asked for by name, the average of the column is what was asked.
    expect(expectPlan(data, 'average margin').measures).toEqual([{ column: 'Margin %', aggregation: 'avg' }]);
  });
});

describe('a ranking of a cycle', () => {
  it('shows every month of the year, and says so', async () => {
    const data = await plannerData('superstore');
    const outcome = planQuestion('which month of the year is strongest for sales', data);
    if (outcome.kind !== 'plan') throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({ dimensions: [{ cycle: 'month_of_year' }], sort: { direction: 'desc' } });
    expect(outcome.plan.limit).toBeUndefined();
    expect(outcome.understood).toContain('answer: the highest first (showing all)');
    expect(expectPlan(data, 'top 3 months of the year by sales').limit).toBe(3);
  });
});
