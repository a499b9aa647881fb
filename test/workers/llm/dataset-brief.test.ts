import { FakeOpenAiServer, type RecordedRequest } from '../../fakes/openai-server';
import { loadText, type Loaded } from '../../support/ingest';
import { answered, modelFor, planRequests, route, untrustedData } from './model-harness';
import { answerQuestion } from '../../../workers/analysis/answer-question';

/** Integration: column names that clean to the same text, planned by the model behind the loopback fake. */
describe('column names the model sees', () => {
  let fake: FakeOpenAiServer;
  let data: Loaded;
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    data = await loadText('twins.csv', 'Region,Sales,"Sales\u200b"\nWest,1,100\nEast,2,200\nWest,3,300\n');
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const salesBy = (column: string) => ({
    version: 1,
    kind: 'aggregate',
    measures: [{ column, aggregation: 'sum' }],
    dimensions: [{ column: 'Region' }],
    chart: 'bar',
    title: 'Sales by Region',
  });
  const westTotal = async (column: string) => {
    fake.otherwise(route(() => ({ json: { kind: 'plan', plan: salesBy(column) } })));
    const answer = answered(await answerQuestion('sales by region', { ...data, llm: modelFor(fake) }));
    expect(answer.planner).toBe('model');
    return answer.result.rows.find((row) => row[0] === 'West')?.[1];
  };

  it('tells apart two names that clean to the same text, and maps each back to its own column', async () => {
    expect(await westTotal('Sales')).toBe(4);
    const brief = untrustedData(planRequests(fake)[0] as RecordedRequest).dataset as { columns: { name: string }[] };
    expect(brief.columns.map((c) => c.name)).toEqual(['Region', 'Sales', 'Sales (2)']);
    expect(await westTotal('Sales (2)')).toBe(400);
  });
});
