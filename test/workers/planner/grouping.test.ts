import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** "by X", "per X", "for each X", "across X", "split by X", on one or two dimensions. */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    'sales by region',
    { dimensions: [{ column: 'Region' }], sort: { by: 'measure', direction: 'desc' }, chart: 'bar' },
  ],
  ['superstore', 'profit per segment', { dimensions: [{ column: 'Segment' }] }],
  ['superstore', 'sales for each category', { dimensions: [{ column: 'Category' }] }],
  ['superstore', 'sales across regions', { dimensions: [{ column: 'Region' }] }],
  ['superstore', 'profit split by ship mode', { dimensions: [{ column: 'Ship Mode' }] }],
  ['superstore', 'sales broken down by state', { dimensions: [{ column: 'State' }] }],
  [
    'superstore',
    'sales by region and category',
    { dimensions: [{ column: 'Region' }, { column: 'Category' }], chart: 'bar' },
  ],
  ['superstore', 'quantity by category and segment', { dimensions: [{ column: 'Category' }, { column: 'Segment' }] }],
  ['superstore', 'region sales', { dimensions: [{ column: 'Region' }] }],
  [
    'superstore',
    'sales and profit by region',
    {
      measures: [{ column: 'Sales' }, { column: 'Profit' }],
      dimensions: [{ column: 'Region' }],
    },
  ],
  [
    'superstore',
    'sales by customer',
    {
      dimensions: [{ column: 'Customer Name' }],
      sort: { by: 'measure', direction: 'desc' },
      limit: 20,
    },
  ],
  [
    'superstore',
    'customers by segment',
    { measures: [{ column: 'Customer ID', aggregation: 'count_distinct' }], dimensions: [{ column: 'Segment' }] },
  ],
  [
    'superstore',
    'sales by region over time',
    { dimensions: [{ column: 'Order Date', grain: 'month' }, { column: 'Region' }], chart: 'line' },
  ],
  ['stocks', 'price by symbol', { dimensions: [{ column: 'symbol' }] }],
  ['iowa', 'net generation per source', { dimensions: [{ column: 'source' }] }],
  ['seattle', 'average wind for each weather', { dimensions: [{ column: 'weather' }] }],
  [
    'birdstrikes',
    'strikes grouped by phase of flight',
    { measures: [{ column: null, aggregation: 'count' }], dimensions: [{ column: 'Phase of flight' }] },
  ],
  [
    'birdstrikes',
    'cost by origin state and wildlife size',
    { dimensions: [{ column: 'Origin State' }, { column: 'Wildlife Size' }] },
  ],
];

describe('grouping', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });
});
