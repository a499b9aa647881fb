import { FakeOpenAiServer } from '../../fakes/openai-server';
import { CircuitBreaker } from '../../../workers/llm/circuit-breaker';
import { createLanguageModel } from '../../../workers/llm/language-model';
import { ModelClient, type ModelClientOptions } from '../../../workers/llm/model-client';
import { WorkerError } from '../../../workers/errors';

/** Integration: the real `openai` client against the loopback fake. */
describe('the model client', () => {
  let fake: FakeOpenAiServer;
  let slept: number[];
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    slept = [];
  });

  function client(options: Partial<ModelClientOptions> = {}) {
    return new ModelClient({
      baseUrl: fake.baseUrl,
      model: 'test-model',
      apiKey: 'sk-test-secret',
      sleep: async (ms) => {
        slept.push(ms);
      },
      ...options,
    });
  }
  const ask = (c: ModelClient, budgetMs = 5000) =>
    c.complete({ purpose: 'plan', messages: [{ role: 'user', content: 'hi' }], deadline: c.clock() + budgetMs });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof WorkerError ? error.code : String(error)),
    );

  it('sends the key as a bearer token to the configured base URL and model', async () => {
    fake.script({ content: 'hello' });
    const reply = await ask(client());
    expect(reply.content).toBe('hello');
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test-secret');
    expect(fake.requests[0]?.body.model).toBe('test-model');
    expect(reply.usage.completionTokens).toBeGreaterThan(0);
  });

  it('waits as long as a 429 Retry-After asks, then retries', async () => {
    fake.script({ status: 429, headers: { 'retry-after': '2' }, error: 'slow down' }, { content: 'ok' });
    const reply = await ask(client(), 10_000);
    expect(reply.content).toBe('ok');
    expect(slept).toEqual([2000]);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After is longer than the budget left', async () => {
    fake.script({ status: 429, headers: { 'retry-after': '60' }, error: 'slow down' }, { content: 'too late' });
    expect(await codeOf(ask(client(), 5000))).toBe('MODEL_RATE_LIMITED');
    expect(slept).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 5xx with growing backoff and stops after the retries it may make', async () => {
    fake.otherwise({ status: 503, error: 'overloaded' });
    const c = client({ maxRetries: 2, backoff: { baseMs: 100, maxMs: 1000, random: () => 0.999 } });
    expect(await codeOf(ask(c))).toBe('MODEL_UNAVAILABLE');
    expect(fake.requests).toHaveLength(3);
    expect(slept).toHaveLength(2);
    expect(slept[1]).toBeGreaterThan(slept[0] as number);
  });

  it('times out within its budget when the server is slow', async () => {
    fake.script({ delayMs: 10_000, content: 'late' });
    const started = Date.now();
    expect(await codeOf(ask(client(), 300))).toBe('MODEL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out within its budget when the headers arrive at once but the body trickles in', async () => {
    fake.script({ trickleMs: 10_000, content: 'late' });
    const started = Date.now();
    expect(await codeOf(ask(client(), 300))).toBe('MODEL_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('opens the circuit after repeated failures, then closes it after a successful trial', async () => {
    let now = 0;
    const clock = () => now;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000, clock });
    const c = client({ breaker, clock, maxRetries: 0 });
    fake.otherwise({ status: 500, error: 'down' });
    for (let i = 0; i < 3; i++) expect(await codeOf(ask(c))).toBe('MODEL_UNAVAILABLE');
    expect(breaker.state).toBe('open');
    expect(fake.requests).toHaveLength(3);

    expect(await codeOf(ask(c))).toBe('MODEL_UNAVAILABLE');
    expect(fake.requests).toHaveLength(3);

    now += 30_000;
    expect(breaker.state).toBe('half-open');
    expect(await codeOf(ask(c))).toBe('MODEL_UNAVAILABLE');
    expect(fake.requests).toHaveLength(4);
    expect(breaker.state).toBe('open');

    now += 30_000;
    fake.otherwise({ content: 'back' });
    expect((await ask(c)).content).toBe('back');
    expect(breaker.state).toBe('closed');
    expect((await ask(c)).content).toBe('back');
    expect(fake.requests).toHaveLength(6);
  });

  it('does not open the circuit for a request the server rejects as malformed', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    fake.script({ status: 400, error: 'response_format not supported' });
    expect(await codeOf(ask(client({ breaker })))).toBe('MODEL_UNAVAILABLE');
    expect(breaker.state).toBe('closed');
  });

  it('is not created without an API key, so nothing can reach the network', () => {
    const options = { baseUrl: fake.baseUrl, model: 'm', planTimeoutMs: 1, narrativeTimeoutMs: 1 };
    expect(createLanguageModel({ ...options, apiKey: undefined })).toBeUndefined();
    expect(createLanguageModel({ ...options, apiKey: '' })).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });
});
