import { FakeOpenAiServer } from '../../fakes/openai-server';
import { ModelClient } from '../../../workers/llm/model-client';
import { StructuredOutput } from '../../../workers/llm/structured-output';

/** Integration: which output mode the real `openai` client ends up asking the loopback fake for. */
describe('the structured output mode', () => {
  let fake: FakeOpenAiServer;
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const SCHEMA = { type: 'object', properties: { answer: { type: 'string' } } };
  function output() {
    const client = new ModelClient({ baseUrl: fake.baseUrl, model: 'm', apiKey: 'k', sleep: async () => undefined });
    return new StructuredOutput(client);
  }
  const ask = (o: StructuredOutput) =>
    o.ask({ purpose: 'plan', messages: [{ role: 'user', content: 'hi' }], deadline: Date.now() + 5000 }, 'a', SCHEMA);
  const modesAsked = () =>
    fake.requests.map((r) => (r.body.response_format ? 'json_schema' : r.body.nvext ? 'guided_json' : 'plain'));

  it('keeps json_schema after a 400 for another reason, such as too long a prompt', async () => {
    const o = output();
    fake.script({ status: 400, error: "This model's maximum context length is 8192 tokens; you requested 9120." });
    await expect(ask(o)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    fake.script({ content: '{"answer":"ok"}' });
    await ask(o);
    expect(modesAsked()).toEqual(['json_schema', 'json_schema']);
    expect(o.mode).toBe('json_schema');
  });

  it('steps down when the server names response_format, and stays down for later requests', async () => {
    const o = output();
    fake.script({ status: 400, error: 'response_format is not supported' }, { content: '{"answer":"ok"}' });
    await ask(o);
    fake.script({ content: '{"answer":"ok"}' });
    await ask(o);
    expect(modesAsked()).toEqual(['json_schema', 'guided_json', 'guided_json']);
  });

  it('tries the next mode when the reason cannot be read, and keeps it only if it works', async () => {
    const unreadable = { status: 422, errorBody: { detail: [{ type: 'extra_forbidden', loc: ['body'] }] } };
    const o = output();
    fake.script(unreadable, unreadable, unreadable);
    await expect(ask(o)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect(o.mode).toBe('json_schema');

    fake.script(unreadable, { content: '{"answer":"ok"}' });
    await ask(o);
    expect(o.mode).toBe('guided_json');
  });
});
