import { loadText, type Loaded } from '../../support/ingest';
import { records, runOn } from './plan-runner';

// Found by the new-user trial: groups tied in count came capitals first ("Banana, apple, cherry"),
// while the overview lists tied values alphabetically, case aside ("apple · Banana · cherry").
const FRUIT = ['zebra', 'cherry', 'Banana', 'apple', 'Date'];

let data: Loaded;
beforeAll(async () => {
  const rows = Array.from({ length: 50 }, (_, i) => `${FRUIT[i % FRUIT.length]},${i % 7}`);
  data = await loadText('ties.csv', `fruit,amount\n${rows.join('\n')}\n`);
});

describe('groups tied by the measure', () => {
  it('come in alphabetical order, case aside, as the overview lists them', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      dimensions: [{ column: 'fruit' }],
    });
    expect(records(run).map((row) => row.fruit)).toEqual(['apple', 'Banana', 'cherry', 'Date', 'zebra']);
    expect(data.column('fruit').top?.map(({ value }) => value)).toEqual(['apple', 'Banana', 'cherry', 'Date', 'zebra']);
  });
});
