import { Logger } from '@aws-lambda-powertools/logger';
import { referenceOf, type IngestJob } from '../../../core/job';
import type { SecretSource } from '../../../core/secret-source';
import { createJobHandler } from '../../../workers/jobs/job-handler';
import { createSqsHandler } from '../../../workers/lambda';
import { languageModelSource } from '../../../workers/llm/language-model-source';
import { FakeOpenAiServer } from '../../fakes/openai-server';
import { lambdaContext, sqsEvent, sqsRecord } from '../../support/sqs-events';
import { CHANNEL_A, threadOf, TOKEN, WorkerHarness } from '../../support/worker-harness';
import { route } from '../llm/model-harness';

const NVIDIA_KEY = 'nvapi-test-key-0001';
const LLM = {
  model: 'nvidia/llama-3.3-nemotron-super-49b-v1.5',
  planTimeoutMs: 5000,
  narrativeTimeoutMs: 5000,
  shareSampleRows: false,
};

const teamsBySales = {
  version: 1,
  kind: 'aggregate',
  measures: [{ column: 'Sales', aggregation: 'sum' }],
  dimensions: [{ column: 'Team' }],
  sort: { by: 'measure', direction: 'desc' },
  chart: 'bar',
  title: 'Sales by Team',
};

// Integration: the worker's question job with the model behind the loopback OpenAI-compatible fake.
describe('question jobs planned by the language model', () => {
  let harness: WorkerHarness;
  let model: FakeOpenAiServer;
  let dataset: IngestJob;

  const secretsWith = (nvidiaApiKey: string | undefined): SecretSource => ({
    get: async (name) => (name === 'slackBotToken' ? TOKEN : name === 'nvidiaApiKey' ? nvidiaApiKey : undefined),
  });
  const handlerWith = (nvidiaApiKey: string | undefined) => {
    const secrets = secretsWith(nvidiaApiKey);
    return harness.handler({
      secrets,
      languageModel: languageModelSource(secrets, { ...LLM, baseUrl: model.baseUrl }),
    });
  };

  beforeAll(async () => {
    [harness, model] = await Promise.all([WorkerHarness.start(), FakeOpenAiServer.start()]);
    dataset = await harness.shareFile(CHANNEL_A, 'teams.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\nRed,11\n'));
    await harness.run(dataset);
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await Promise.all([harness.stop(), model.close()]);
  });

  it("plans with the model, authenticated with the key from the secret source, and posts the model's answer", async () => {
    model.otherwise(route(() => ({ json: { kind: 'plan', plan: teamsBySales } })));
    const job = await harness.command(CHANNEL_A, 'which team sold the most');

    await handlerWith(NVIDIA_KEY)(job, { number: 1, last: false });

    expect(model.requests.length).toBeGreaterThan(0);
    expect(model.requests.every((request) => request.headers.authorization === `Bearer ${NVIDIA_KEY}`)).toBe(true);
    const answer = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(answer.text).toMatch(/Red had the highest Sales: 16\b/);
    expect(JSON.stringify(answer.blocks)).not.toMatch(/planned offline/);
    expect(harness.logs.lines.join('\n')).not.toContain(NVIDIA_KEY);
  });

  it('answers offline and says so in the thread when the model is down', async () => {
    model.otherwise({ status: 503, error: 'overloaded' });
    const job = await harness.command(CHANNEL_A, 'total sales by team');

    await handlerWith(NVIDIA_KEY)(job, { number: 1, last: false });

    const answer = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(answer.text).toMatch(/Red had the highest Sales: 16\b/);
    expect(JSON.stringify(answer.blocks)).toMatch(/planned offline/);
  });

  it('never calls the model when no key is configured', async () => {
    model.otherwise(route(() => ({ json: { kind: 'plan', plan: teamsBySales } })));
    const job = await harness.command(CHANNEL_A, 'total sales by team');

    await handlerWith(undefined)(job, { number: 1, last: false });

    expect(model.requests).toHaveLength(0);
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toMatch(/Red had the highest Sales: 16\b/);
  });

  it('ends a job whose chart cannot be drawn on its first delivery, with one message and no retry', async () => {
    // Year 12000 is a date DuckDB keeps but no chart axis can label: the same failure on every try.
    const sql =
      "SELECT DATE '12000-01-01' + i::INTEGER AS Day, sum(Sales) AS Sales FROM dataset, range(3) t(i) GROUP BY 1 ORDER BY 1";
    model.otherwise(route(() => ({ json: { kind: 'sql', sql, title: 'Sales by day', chart: 'line' } })));
    const job = await harness.command(CHANNEL_A, 'sales by day');
    const secrets = secretsWith(NVIDIA_KEY);
    const handleJob = createJobHandler(
      harness.deps({ secrets, languageModel: languageModelSource(secrets, { ...LLM, baseUrl: model.baseUrl }) }),
    );
    const logger = new Logger({ serviceName: 'analytics-worker', logLevel: 'CRITICAL' });
    const lambda = createSqsHandler({ handleJob, maxReceives: 5, logger });

    const response = await lambda(sqsEvent(sqsRecord(JSON.stringify(job), 1)), lambdaContext);

    expect(response.batchItemFailures).toEqual([]);
    const said = harness.thread(CHANNEL_A, threadOf(job)).filter((m) => m.thread_ts === threadOf(job));
    expect(said).toHaveLength(1);
    expect(said[0]!.text).toMatch(/could not draw their chart.*trying again would fail the same way/);
    expect(said[0]!.text).not.toMatch(/trying again…/);
    expect(JSON.stringify(said[0]!.blocks)).toContain(referenceOf(job.id));
    expect(harness.metrics.filter((m) => m.name === 'JobsFailed')).toHaveLength(1);
  });
});
