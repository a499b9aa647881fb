import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

const only = (column: string, ...values: string[]) => ({ filters: [{ op: 'in', column, values }] });

/**
 * Category values named in a question, matched against the vocabulary's full
 * list of values (not only the profile's top five), whole words, longest first.
 */
const CASES: [DatasetName, string, object][] = [
  ['superstore', 'sales in the West region', { ...only('Region', 'West'), dimensions: [] }],
  ['superstore', 'sales for Furniture', only('Category', 'Furniture')],
  [
    'superstore',
    'only Technology profit by region',
    { ...only('Category', 'Technology'), dimensions: [{ column: 'Region' }] },
  ],
  ['superstore', 'sales in New York City', only('City', 'New York City')],
  ['superstore', 'sales in New York', only('State', 'New York')],
  ['superstore', 'sales in Washington', only('State', 'Washington')],
  ['superstore', 'sales in Vermont', only('State', 'Vermont')],
  ['superstore', 'profit for bookcases', only('Sub-Category', 'Bookcases')],
  ['superstore', 'binder sales by year', only('Sub-Category', 'Binders')],
  ['superstore', 'sales in the West and East', only('Region', 'West', 'East')],
  ['superstore', 'sales for Phones and Chairs by region', only('Sub-Category', 'Phones', 'Chairs')],
  [
    'superstore',
    'sales excluding Furniture',
    { filters: [{ op: 'not_in', column: 'Category', values: ['Furniture'] }] },
  ],
  [
    'superstore',
    'sales not in the West by category',
    { filters: [{ op: 'not_in', column: 'Region', values: ['West'] }] },
  ],
  [
    'superstore',
    'sales for Home Office customers in 2016',
    { filters: [{ op: 'in', column: 'Segment', values: ['Home Office'] }, { op: 'range' }], dimensions: [] },
  ],
  ['superstore', 'sales by region', { filters: [] }],
  ['stocks', 'AAPL price over time', only('symbol', 'AAPL')],
  ['stocks', 'max price of GOOG', only('symbol', 'GOOG')],
  ['birdstrikes', 'strikes with Medium wildlife size', only('Wildlife Size', 'Medium')],
  ['birdstrikes', 'medium damage strikes', only('Effect Amount of damage', 'Medium')],
  ['birdstrikes', 'strikes at night', only('Time of day', 'Night')],
  ['birdstrikes', 'number of strikes in Texas', only('Origin State', 'Texas')],
  ['seattle', 'precipitation on rainy days', only('weather', 'rain')],
  ['iowa', 'net generation for nuclear energy', only('source', 'Nuclear Energy')],
];

describe('category filters', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('finds values the profile does not list', async () => {
    const superstore = await plannerData('superstore');
    const state = superstore.meta.columns.find((c) => c.name === 'State');
    expect(state?.top?.map((t) => t.value)).not.toContain('Vermont');
  });
});

describe('whom a filter keeps, and a value that names the measure', () => {
  it('reads "customers not in the Consumer segment" as whom the total is of, not as a grouping', async () => {
    const data = await plannerData('superstore');
    expect(expectPlan(data, 'sales for customers not in the Consumer segment')).toMatchObject({
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [],
      filters: [{ op: 'not_in', column: 'Segment', values: ['Consumer'] }],
    });
    expect(expectPlan(data, 'top customers in Texas').dimensions).toEqual([{ column: 'Customer Name' }]);
  });

  it.each(['which month of the year has the most rain', 'rain by year', 'total rain by month', 'rain in 2014'])(
    'reads "rain" in "%s" as precipitation, with no weather filter',
    async (question) => {
      const plan = expectPlan(await plannerData('seattle'), question);
      expect(plan.measures).toEqual([{ column: 'precipitation', aggregation: 'sum' }]);
      expect(plan.filters.filter((f) => f.column === 'weather')).toEqual([]);
    },
  );

  it.each(['how many rainy days', 'rain days', 'how many days of rain', 'precipitation on rainy days'])(
    'still keeps the rainy days in "%s"',
    async (question) => {
      const plan = expectPlan(await plannerData('seattle'), question);
      expect(plan.filters).toContainEqual({ op: 'in', column: 'weather', values: ['rain'] });
    },
  );
});
