import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** Shares and breakdowns: doughnut up to 6 parts, bars beyond, stacked bars over time or across two groupings. */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    'share of sales by segment',
    { share: true, dimensions: [{ column: 'Segment' }], chart: 'doughnut', title: 'Share of Sales by Segment' },
  ],
  [
    'superstore',
    'breakdown of profit by category',
    { share: true, measures: [{ column: 'Profit', aggregation: 'sum' }], chart: 'doughnut' },
  ],
  [
    'superstore',
    'what percent of sales comes from each region',
    { share: true, dimensions: [{ column: 'Region' }], chart: 'doughnut' },
  ],
  ['superstore', 'percentage of sales by ship mode', { share: true, chart: 'doughnut' }],
  [
    'superstore',
    'share of sales by sub-category',
    { share: true, dimensions: [{ column: 'Sub-Category' }], chart: 'bar' },
  ],
  ['superstore', 'share of sales by state', { share: true, chart: 'bar' }],
  [
    'superstore',
    'share of sales by segment over time',
    {
      share: true,
      dimensions: [{ column: 'Order Date', grain: 'month' }, { column: 'Segment' }],
      chart: 'stacked-bar',
    },
  ],
  ['superstore', 'composition of sales by region and category', { share: true, chart: 'stacked-bar' }],
  ['superstore', 'pie chart of profit by segment', { share: true, chart: 'doughnut' }],
  [
    'superstore',
    'share of quantity per region',
    { share: true, measures: [{ column: 'Quantity', aggregation: 'sum' }] },
  ],
  [
    'superstore',
    'what share of profit comes from technology',
    {
      share: false,
      measures: [
        {
          column: 'Profit',
          aggregation: 'sum',
          per: { column: 'Profit', aggregation: 'sum' },
          part: { column: 'Category', values: ['Technology'] },
          format: 'percent',
          label: 'Share of Profit from Technology',
        },
      ],
      dimensions: [],
      filters: [],
      chart: 'kpi',
      title: 'Share of Profit from Technology',
    },
  ],
  [
    'birdstrikes',
    'percentage of strikes by time of day',
    { share: true, measures: [{ column: null, aggregation: 'count' }], chart: 'doughnut' },
  ],
  ['iowa', 'share of net generation by source', { share: true, chart: 'doughnut' }],
  [
    'iowa',
    'share of net generation by source over time',
    { share: true, dimensions: [{ column: 'year', grain: 'year' }, { column: 'source' }], chart: 'stacked-bar' },
  ],
  [
    'seattle',
    'proportion of days by weather',
    { share: true, measures: [{ column: null, aggregation: 'count' }], chart: 'doughnut' },
  ],
  // A share of one value that names no measure is of the clear main measure (was rows: 33.3% every year).
  [
    'iowa',
    'share of renewables over time',
    {
      share: false,
      measures: [
        {
          column: 'net_generation',
          aggregation: 'sum',
          per: { column: 'net_generation', aggregation: 'sum' },
          part: { column: 'source', values: ['Renewables'] },
          label: 'Share of net_generation from Renewables',
        },
      ],
      dimensions: [{ column: 'year', grain: 'year' }],
      filters: [],
    },
  ],
  [
    'superstore',
    'what share came from the West',
    { measures: [{ column: 'Sales', part: { column: 'Region', values: ['West'] } }], chart: 'kpi' },
  ],
  ['iowa', 'what % of rows are renewables', { measures: [{ column: null, aggregation: 'count' }] }],
  // A share of every value side by side is unchanged: rows.
  ['iowa', 'share by source', { share: true, measures: [{ column: null, aggregation: 'count' }] }],
  // No clear main measure (four, tied but for column order) or none that adds up (a price): rows, as before.
  ['seattle', 'share of sun over time', { measures: [{ column: null, aggregation: 'count', part: {} }] }],
  ['stocks', 'share of AAPL over time', { measures: [{ column: null, aggregation: 'count', part: {} }] }],
];

describe('shares and breakdowns', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });
});
