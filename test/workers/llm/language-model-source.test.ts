import { FakeOpenAiServer } from '../../fakes/openai-server';
import { loadText, type Loaded } from '../../support/ingest';
import { route } from './model-harness';
import { answerQuestion } from '../../../workers/analysis/answer-question';
import { languageModelSource } from '../../../workers/llm/language-model-source';
import type { SecretSource } from '../../../core/secret-source';

/** Integration: the worker's model as the NVIDIA key in the secret store changes, against the loopback fake. */
describe('the language model source', () => {
  let fake: FakeOpenAiServer;
  let data: Loaded;
  let key: string | undefined;
  const secrets: SecretSource = { get: async (name) => (name === 'nvidiaApiKey' ? key : undefined) };
  const sourceFor = () =>
    languageModelSource(secrets, {
      baseUrl: fake.baseUrl,
      model: 'nvidia/llama-3.3-nemotron-super-49b-v1.5',
      planTimeoutMs: 5000,
      narrativeTimeoutMs: 5000,
      shareSampleRows: false,
    });
  const keysSent = () => [...new Set(fake.requests.map((r) => r.headers.authorization))];

  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    data = await loadText('teams.csv', 'Team,Sales\nRed,5\nBlue,7\nRed,11\n');
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.otherwise(route(() => ({ json: { kind: 'decline', reason: 'no' } })));
  });

  it('uses the model from the first job after a key is set, without a restart', async () => {
    key = '';
    const source = sourceFor();
    expect(await source()).toBeUndefined();

    key = 'nvapi-set-later';
    await answerQuestion('total sales by team', { ...data, llm: await source() });
    expect(keysSent()).toEqual(['Bearer nvapi-set-later']);
  });

  it('sends a rotated key from the next job, and keeps the same model while the key is unchanged', async () => {
    key = 'nvapi-before';
    const source = sourceFor();
    const first = await source();
    expect(await source()).toBe(first);

    key = 'nvapi-after';
    await answerQuestion('total sales by team', { ...data, llm: await source() });
    expect(keysSent()).toEqual(['Bearer nvapi-after']);
  });
});
