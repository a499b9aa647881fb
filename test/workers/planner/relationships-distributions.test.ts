import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

const scatter = (x: string, y: string) => ({
  kind: 'relationship',
  measures: [{ column: x }, { column: y }],
  chart: 'scatter',
});
const histogram = (column: string) => ({
  kind: 'distribution',
  measures: [{ column }],
  dimensions: [],
  chart: 'histogram',
});

const RELATIONSHIPS: [DatasetName, string, object][] = [
  ['superstore', 'discount vs profit', { ...scatter('Discount', 'Profit'), title: 'Discount vs Profit' }],
  ['superstore', 'correlation between discount and profit', scatter('Discount', 'Profit')],
  ['superstore', 'does discount affect profit', scatter('Discount', 'Profit')],
  ['superstore', 'profit against discount', scatter('Discount', 'Profit')],
  ['superstore', 'profit by discount', scatter('Discount', 'Profit')],
  ['superstore', 'relationship between sales and profit', scatter('Sales', 'Profit')],
  ['superstore', 'scatter of quantity and sales', scatter('Quantity', 'Sales')],
  [
    'superstore',
    'correlation of discount and profit by category',
    { ...scatter('Discount', 'Profit'), dimensions: [{ column: 'Category' }] },
  ],
  ['seattle', 'wind vs temp_max', scatter('wind', 'temp_max')],
  ['seattle', 'how does wind relate to precipitation', scatter('wind', 'precipitation')],
  ['employment', 'construction vs manufacturing', scatter('construction', 'manufacturing')],
  ['birdstrikes', 'speed vs cost', scatter('Speed IAS in knots', 'Cost Total $')],
];

const DISTRIBUTIONS: [DatasetName, string, object][] = [
  ['superstore', 'distribution of sales', { ...histogram('Sales'), title: 'Distribution of Sales' }],
  ['superstore', 'histogram of profit', histogram('Profit')],
  ['superstore', 'how is profit distributed', histogram('Profit')],
  [
    'superstore',
    'distribution of discount in the West',
    { ...histogram('Discount'), filters: [{ op: 'in', values: ['West'] }] },
  ],
  ['stocks', 'distribution of price', histogram('price')],
  ['seattle', 'spread of wind', histogram('wind')],
  [
    'seattle',
    'distribution of temp_max in 2015',
    { ...histogram('temp_max'), filters: [{ op: 'range', from: '2015-01-01' }] },
  ],
  ['birdstrikes', 'histogram of cost total $', histogram('Cost Total $')],
  ['iowa', 'net_generation distribution', histogram('net_generation')],
  // A distribution across a category is a breakdown, and of a category alone a count.
  [
    'superstore',
    'distribution of sales by region',
    { kind: 'aggregate', dimensions: [{ column: 'Region' }], chart: 'bar' },
  ],
  [
    'seattle',
    'distribution of weather',
    { kind: 'aggregate', measures: [{ column: null, aggregation: 'count' }], dimensions: [{ column: 'weather' }] },
  ],
];

describe('relationships', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(RELATIONSHIPS.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(RELATIONSHIPS)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('reads "sales vs profit by region" as two measures side by side, not a scatter of three points', async () => {
    const superstore = await plannerData('superstore');
    expect(expectPlan(superstore, 'sales vs profit by region')).toMatchObject({
      kind: 'aggregate',
      measures: [{ column: 'Sales' }, { column: 'Profit' }],
      chart: 'bar',
    });
  });
});

describe('distributions', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(DISTRIBUTIONS.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(DISTRIBUTIONS)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });
});
