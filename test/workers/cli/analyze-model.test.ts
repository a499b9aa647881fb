import { FakeOpenAiServer } from '../../fakes/openai-server';
import { runCli } from '../../support/cli';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { route, SALES_BY_REGION_PLAN } from '../llm/model-harness';

// The CLI takes the model from the same settings as the bot, so a question can be tried against Nemotron locally.
describe('npm run analyze with a model configured', () => {
  let fake: FakeOpenAiServer;
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const env = () => ({ NVIDIA_API_KEY: 'nvapi-cli-test', LLM_BASE_URL: fake.baseUrl });

  it('plans with the model and says so in --json', async () => {
    fake.otherwise(route(() => ({ json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } })));

    const run = await runCli(
      [SUPERSTORE_CSV, 'how did each part of the country do', '--json', '--out', '/dev/null'],
      env(),
    );

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ planner: 'model', plan: { title: 'Sales by Region' } });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer nvapi-cli-test');
  });

  it('prints the fallback note when the model fails', async () => {
    fake.otherwise({ status: 400, error: 'bad request' });

    const run = await runCli([SUPERSTORE_CSV, 'sales by region', '--out', '/dev/null'], env());

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/planned offline/);
  });
});
