import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

const top = (direction: 'asc' | 'desc', limit: number) => ({ sort: { by: 'measure', direction }, limit, chart: 'bar' });

/**
 * Top/bottom N. A superlative without a number ("which state has the highest
 * profit") asks for the first group: the plan shows the top 10 bars, sorted,
 * and its title names the answer ("State with the Highest Total Profit").
 */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    'top 5 customers by sales',
    { ...top('desc', 5), dimensions: [{ column: 'Customer Name' }], measures: [{ column: 'Sales' }] },
  ],
  [
    'superstore',
    'bottom 3 states by profit',
    { ...top('asc', 3), dimensions: [{ column: 'State' }], measures: [{ column: 'Profit' }] },
  ],
  [
    'superstore',
    'which state has the highest profit',
    { ...top('desc', 10), dimensions: [{ column: 'State' }], title: 'State with the Highest Total Profit' },
  ],
  // More than the plan can hold is capped, not an internal validation message.
  [
    'superstore',
    'top 100000 customers by sales',
    { ...top('desc', 10_000), dimensions: [{ column: 'Customer Name' }] },
  ],
  ['superstore', 'which region has the lowest sales', { ...top('asc', 10), dimensions: [{ column: 'Region' }] }],
  [
    'superstore',
    'best category',
    { ...top('desc', 10), dimensions: [{ column: 'Category' }], measures: [{ column: 'Sales' }] },
  ],
  ['superstore', 'worst 3 sub-categories by profit', { ...top('asc', 3), dimensions: [{ column: 'Sub-Category' }] }],
  [
    'superstore',
    'top 10 products by quantity',
    { ...top('desc', 10), dimensions: [{ column: 'Product Name' }], measures: [{ column: 'Quantity' }] },
  ],
  ['superstore', 'top five cities by sales', { ...top('desc', 5), dimensions: [{ column: 'City' }] }],
  ['superstore', '5 largest states by sales', { ...top('desc', 5), dimensions: [{ column: 'State' }] }],
  [
    'superstore',
    'most profitable category',
    { ...top('desc', 10), measures: [{ column: 'Profit' }], dimensions: [{ column: 'Category' }] },
  ],
  [
    'superstore',
    'least profitable region',
    { ...top('asc', 10), measures: [{ column: 'Profit' }], dimensions: [{ column: 'Region' }] },
  ],
  [
    'superstore',
    'which month had the highest sales',
    { ...top('desc', 10), dimensions: [{ column: 'Order Date', grain: 'month' }] },
  ],
  [
    'superstore',
    'which region has the most customers',
    {
      ...top('desc', 10),
      measures: [{ column: 'Customer ID', aggregation: 'count_distinct' }],
      dimensions: [{ column: 'Region' }],
    },
  ],
  [
    'superstore',
    'top customers',
    { ...top('desc', 10), dimensions: [{ column: 'Customer Name' }], title: 'Top 10 Customer Name by Total Sales' },
  ],
  ['superstore', 'top 10 orders by sales', { ...top('desc', 10), dimensions: [{ column: 'Order ID' }] }],
  [
    'birdstrikes',
    'top 5 airports by total cost',
    { ...top('desc', 5), dimensions: [{ column: 'Airport Name' }], measures: [{ column: 'Cost Total $' }] },
  ],
  [
    'birdstrikes',
    'which airline had the most strikes',
    {
      ...top('desc', 10),
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'Aircraft Airline Operator' }],
    },
  ],
  [
    'stocks',
    'which stock had the highest price',
    { ...top('desc', 10), dimensions: [{ column: 'symbol' }], measures: [{ column: 'price', aggregation: 'avg' }] },
  ],
  ['iowa', 'top 2 sources by net generation', { ...top('desc', 2), dimensions: [{ column: 'source' }] }],
  [
    'seattle',
    'in which year did precipitation peak',
    { ...top('desc', 10), dimensions: [{ column: 'date', grain: 'year' }] },
  ],
];

describe('ranking', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });
});
