import { planQuestion } from '../../../workers/planner/offline-planner';
import { loadVocabulary } from '../../../workers/planner/vocabulary';
import { loadText } from '../../support/ingest';
import { expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** Metric and column words: exact names, synonyms, typos, multi-word names, plurals, other languages. */
const CASES: [DatasetName, string, object][] = [
  ['superstore', 'total revenue', { measures: [{ column: 'Sales', aggregation: 'sum' }] }],
  ['superstore', 'turnover by region', { measures: [{ column: 'Sales' }], dimensions: [{ column: 'Region' }] }],
  ['superstore', 'income in 2016', { measures: [{ column: 'Sales' }] }],
  ['superstore', 'earnings by category', { measures: [{ column: 'Profit', aggregation: 'sum' }] }],
  ['superstore', 'qty by category', { measures: [{ column: 'Quantity', aggregation: 'sum' }] }],
  ['superstore', 'units per ship mode', { measures: [{ column: 'Quantity' }], dimensions: [{ column: 'Ship Mode' }] }],
  ['superstore', 'proft by region', { measures: [{ column: 'Profit' }] }],
  ['superstore', 'slaes by state', { measures: [{ column: 'Sales' }], dimensions: [{ column: 'State' }] }],
  ['superstore', 'sales by sub-category', { dimensions: [{ column: 'Sub-Category' }] }],
  ['superstore', 'sales by subcategory', { dimensions: [{ column: 'Sub-Category' }] }],
  ['superstore', 'sales by sub category', { dimensions: [{ column: 'Sub-Category' }] }],
  ['superstore', 'top 5 customer names by sales', { dimensions: [{ column: 'Customer Name' }] }],
  ['superstore', 'profit by states', { dimensions: [{ column: 'State' }] }],
  ['superstore', 'how many customers', { measures: [{ column: 'Customer ID', aggregation: 'count_distinct' }] }],
  ['superstore', 'sales by ship date', { dimensions: [{ column: 'Ship Date', grain: 'month' }] }],
  ['stocks', 'average value by symbol', { measures: [{ column: 'price', aggregation: 'avg' }] }],
  ['stocks', 'stock prices by company', { measures: [{ column: 'price' }], dimensions: [{ column: 'symbol' }] }],
  [
    'birdstrikes',
    'cost by airport',
    { measures: [{ column: 'Cost Total $' }], dimensions: [{ column: 'Airport Name' }] },
  ],
  [
    'birdstrikes',
    'Cost Total $ by Wildlife Size',
    { measures: [{ column: 'Cost Total $' }], dimensions: [{ column: 'Wildlife Size' }] },
  ],
  [
    'birdstrikes',
    // "total cost" reorders `Cost Total $`, but "cost repair" names `Cost Repair` in order: the name typed in order wins.
    'total cost repair by phase of flight',
    { measures: [{ column: 'Cost Repair', aggregation: 'sum' }], dimensions: [{ column: 'Phase of flight' }] },
  ],
  [
    'birdstrikes',
    'repair cost by phase of flight',
    { measures: [{ column: 'Cost Repair' }], dimensions: [{ column: 'Phase of flight' }] },
  ],
  [
    'birdstrikes',
    'average speed by time of day',
    { measures: [{ column: 'Speed IAS in knots', aggregation: 'avg' }], dimensions: [{ column: 'Time of day' }] },
  ],
  [
    'iowa',
    'net generation by source',
    { measures: [{ column: 'net_generation' }], dimensions: [{ column: 'source' }] },
  ],
  [
    'employment',
    'mining and logging by year',
    { measures: [{ column: 'mining_and_logging' }], dimensions: [{ column: 'month', grain: 'year' }] },
  ],
  ['employment', 'information', { measures: [{ column: 'information' }] }],
  ['seattle', 'max temp by weather', { measures: [{ column: 'temp_max' }], dimensions: [{ column: 'weather' }] }],
  [
    'seattle',
    'average temperature by month',
    {
      measures: [
        { column: 'temp_max', aggregation: 'avg' },
        { column: 'temp_min', aggregation: 'avg' },
      ],
    },
  ],
];

describe('metric and column words', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  it('says which column a synonym found', async () => {
    const superstore = await plannerData('superstore');
    const outcome = planQuestion('turnover by region', superstore);
    expect(outcome.understood).toContain('measure: Sales (from "turnover")');
  });

  it('reads a column named in another language as typed ("total Umsatz by Region")', async () => {
    const csv =
      'Datum,Region,Umsatz,Kosten\n' +
      Array.from(
        { length: 40 },
        (_, i) => `2016-0${(i % 9) + 1}-1${i % 9},${['Nord', 'Süd', 'West'][i % 3]},${100 + i * 3.5},${20 + i}`,
      ).join('\n');
    const loaded = await loadText('umsatz.csv', csv);
    const data = { meta: loaded.meta, vocabulary: await loadVocabulary(loaded.connection, loaded.meta, loaded.table) };
    expect(expectPlan(data, 'total Umsatz by Region')).toMatchObject({
      measures: [{ column: 'Umsatz', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      title: 'Total Umsatz by Region',
    });
    expect(expectPlan(data, 'revenue in Süd')).toMatchObject({
      measures: [{ column: 'Umsatz' }],
      filters: [{ op: 'in', column: 'Region', values: ['Süd'] }],
    });
  });
});
