import { loadVocabulary } from '../../../workers/planner/vocabulary';
import { loadText } from '../../support/ingest';
import { expectNotUnderstood, expectPlan, plannerData, type DatasetName, type PlannerData } from './planner-data';

/** An empty question, "overview" or "summary": the main measure over time, or by the main dimension. */
const CASES: [DatasetName, string, object][] = [
  [
    'superstore',
    '',
    {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
      chart: 'line',
    },
  ],
  [
    'superstore',
    'overview',
    { measures: [{ column: 'Sales' }], dimensions: [{ column: 'Order Date', grain: 'month' }] },
  ],
  ['superstore', 'summary', { measures: [{ column: 'Sales' }], dimensions: [{ column: 'Order Date' }] }],
  ['superstore', 'summarize the data', { measures: [{ column: 'Sales' }] }],
  [
    'superstore',
    'overview of 2016',
    {
      filters: [{ op: 'range', from: '2016-01-01', to: '2017-01-01' }],
      dimensions: [{ column: 'Order Date', grain: 'month' }],
    },
  ],
  [
    'superstore',
    'summary of profit',
    { measures: [{ column: 'Profit' }], dimensions: [{ column: 'Order Date', grain: 'month' }] },
  ],
  [
    'stocks',
    '',
    { measures: [{ column: 'price', aggregation: 'avg' }], dimensions: [{ column: 'date', grain: 'month' }] },
  ],
  [
    'seattle',
    'overview',
    { measures: [{ column: 'precipitation' }], dimensions: [{ column: 'date', grain: 'month' }] },
  ],
  ['iowa', '', { measures: [{ column: 'net_generation' }], dimensions: [{ column: 'year', grain: 'year' }] }],
  ['employment', '', { measures: [{ column: 'nonfarm' }], dimensions: [{ column: 'month', grain: 'month' }] }],
  [
    'birdstrikes',
    '   ',
    { measures: [{ column: 'Cost Total $' }], dimensions: [{ column: 'Flight Date', grain: 'quarter' }] },
  ],
];

describe('overview', () => {
  const data = new Map<DatasetName, PlannerData>();
  beforeAll(async () => {
    for (const name of new Set(CASES.map(([name]) => name))) data.set(name, await plannerData(name));
  });

  it.each(CASES)('%s: "%s"', (name, question, fragment) => {
    expect(expectPlan(data.get(name) as PlannerData, question)).toMatchObject(fragment);
  });

  // Found by the new-user trial: "why" or "please" got the overview's trend, a guess at a question never asked.
  it.each(['why', 'so', 'please', '?', 'the'])('is not what "%s" asks for: it asks nothing', (question) => {
    const outcome = expectNotUnderstood(data.get('superstore') as PlannerData, question);
    expect(outcome.reason).toMatch(/nothing in it names something in the data to compute/i);
    expect(outcome.suggestions.length).toBeGreaterThan(0);
  });

  it('groups by the most useful dimension when there is no time column', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `P${i},${['North', 'South', 'East', 'West'][i % 4]},${['A', 'B'][i % 2]}-${i},${10 + i * 2.5}`,
    );
    const loaded = await loadText('no-dates.csv', `Product,Region,Code,Amount\n${rows.join('\n')}`);
    const data = { meta: loaded.meta, vocabulary: await loadVocabulary(loaded.connection, loaded.meta, loaded.table) };
    expect(expectPlan(data, '')).toMatchObject({
      measures: [{ column: 'Amount', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      chart: 'bar',
    });
  });

  it('counts rows when the data has no numbers', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `${['red', 'green', 'blue'][i % 3]},${['S', 'M', 'L', 'XL'][i % 4]}`,
    );
    const loaded = await loadText('no-numbers.csv', `Colour,Size\n${rows.join('\n')}`);
    const data = { meta: loaded.meta, vocabulary: await loadVocabulary(loaded.connection, loaded.meta, loaded.table) };
    expect(expectPlan(data, 'overview')).toMatchObject({ measures: [{ column: null, aggregation: 'count' }] });
  });
});
