import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

const years = (column: string, a: number, b: number) => ({
  comparison: {
    column,
    sides: [
      { label: String(a), from: `${a}-01-01`, to: `${a + 1}-01-01` },
      { label: String(b), from: `${b}-01-01`, to: `${b + 1}-01-01` },
    ],
  },
});
const values = (column: string, ...labels: string[]) => ({
  comparison: { column, sides: labels.map((label) => ({ label, values: [label] })) },
});

/** Periods of the time column or values of one dimension, set against each other. */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    '2016 vs 2017',
    { ...years('Order Date', 2016, 2017), measures: [{ column: 'Sales' }], chart: 'bar', filters: [] },
  ],
  ['superstore', 'sales 2016 versus 2017', years('Order Date', 2016, 2017)],
  ['superstore', 'compare 2016 and 2017', years('Order Date', 2016, 2017)],
  [
    'superstore',
    'compare profit in 2015 with 2016',
    { ...years('Order Date', 2015, 2016), measures: [{ column: 'Profit' }] },
  ],
  ['superstore', 'sales in 2016 compared to 2017', years('Order Date', 2016, 2017)],
  ['superstore', 'sales growth from 2015 to 2017', years('Order Date', 2015, 2017)],
  [
    'superstore',
    'Q3 vs Q2',
    {
      comparison: {
        column: 'Order Date',
        sides: [
          { label: 'Q3 2017', from: '2017-07-01', to: '2017-10-01' },
          { label: 'Q2 2017', from: '2017-04-01', to: '2017-07-01' },
        ],
      },
    },
  ],
  [
    'superstore',
    'West vs East',
    { ...values('Region', 'West', 'East'), measures: [{ column: 'Sales', aggregation: 'sum' }] },
  ],
  [
    'superstore',
    'compare Furniture and Technology profit',
    { ...values('Category', 'Furniture', 'Technology'), measures: [{ column: 'Profit' }] },
  ],
  [
    'superstore',
    'sales 2016 vs 2017 by region',
    { ...years('Order Date', 2016, 2017), dimensions: [{ column: 'Region' }], chart: 'bar' },
  ],
  ['superstore', 'West vs East vs Central', values('Region', 'West', 'East', 'Central')],
  ['superstore', 'which has more sales, West or East', values('Region', 'West', 'East')],
  ['superstore', 'did we sell more in 2016 or 2017', years('Order Date', 2016, 2017)],
  ['superstore', 'is profit higher in Furniture or Technology', values('Category', 'Furniture', 'Technology')],
  [
    'stocks',
    'Q3 vs Q2',
    {
      comparison: { column: 'date', sides: [{ label: 'Q3 2009' }, { label: 'Q2 2009' }] },
      measures: [{ column: 'price', aggregation: 'avg' }],
    },
  ],
  [
    'stocks',
    'AAPL vs MSFT price over time',
    { ...values('symbol', 'AAPL', 'MSFT'), dimensions: [{ column: 'date', grain: 'month' }], chart: 'line' },
  ],
  [
    'seattle',
    'precipitation March vs April',
    {
      comparison: {
        column: 'date',
        sides: [
          { label: 'Mar 2015', from: '2015-03-01' },
          { label: 'Apr 2015', to: '2015-05-01' },
        ],
      },
    },
  ],
  ['iowa', 'nuclear energy vs renewables', values('source', 'Nuclear Energy', 'Renewables')],
  [
    'employment',
    'compare 2008 and 2009 construction',
    { ...years('month', 2008, 2009), measures: [{ column: 'construction' }] },
  ],
];

describe('comparisons', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('titles the sides', async () => {
    const superstore = await plannerData('superstore');
    expect(expectPlan(superstore, 'profit 2016 vs 2017').title).toBe('Total Profit, 2016 vs 2017');
  });
});
