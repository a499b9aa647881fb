import { FakeOpenAiServer, type RecordedRequest, type ScriptedReply } from '../../fakes/openai-server';
import type { Loaded } from '../../support/ingest';
import { createLanguageModel, type LanguageModelOptions } from '../../../workers/llm/language-model';
import type { LanguageModel } from '../../../workers/llm/language-model';
import type { QuestionOutcome } from '../../../workers/analysis/answer-question';

/**
 * The loopback model and a dataset for the `describe` block it is called in:
 * started and loaded once, the model's script and records reset before each
 * test, closed at the end. `use` receives both, for the block's variables.
 */
export function withLoopbackModel(
  loadData: () => Promise<Loaded>,
  use: (fake: FakeOpenAiServer, data: Loaded) => void | Promise<void>,
): void {
  let fake: FakeOpenAiServer | undefined;
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    await use(fake, await loadData());
  });
  afterAll(() => fake?.close());
  beforeEach(() => fake?.reset());
}

/** A plan the model might send for "sales by region" on Sample Superstore (or any table with those columns). */
export const SALES_BY_REGION_PLAN = {
  version: 1,
  kind: 'aggregate',
  measures: [{ column: 'Sales', aggregation: 'sum' }],
  dimensions: [{ column: 'Region' }],
  sort: { by: 'measure', direction: 'desc' },
  chart: 'bar',
  title: 'Sales by Region',
};

/** The answer of an outcome that must be one; a refusal fails the test with its reason. */
export function answered(outcome: QuestionOutcome) {
  if (outcome.kind !== 'answer') throw new Error(`not answered: ${outcome.reason}`);
  return outcome;
}

/** A language model pointed at the fake, with fast settings: no real waiting between retries. */
export function modelFor(fake: FakeOpenAiServer, options: Partial<LanguageModelOptions> = {}): LanguageModel {
  const llm = createLanguageModel({
    baseUrl: fake.baseUrl,
    model: 'nvidia/llama-3.3-nemotron-super-49b-v1.5',
    apiKey: 'test-key',
    planTimeoutMs: 5000,
    narrativeTimeoutMs: 5000,
    sleep: async () => undefined,
    ...options,
  });
  if (!llm) throw new Error('no model');
  return llm;
}

/** Whether a request asks for the narrative (rather than a plan). */
export function isNarrative(request: RecordedRequest): boolean {
  return (request.body.messages?.[0]?.content ?? '').includes('You write the text of an answer');
}

/** A narrative reply that restates the computed headline and insights it was given. */
export function echoNarrative(request: RecordedRequest): ScriptedReply {
  const computed = untrustedData(request).computed as { headline: string; insights: string[] };
  return { json: { headline: computed.headline, insights: computed.insights } };
}

/**
 * A script that answers planning requests with `plan(request)` and narrative
 * requests with `narrative(request)` (by default, the computed text echoed back).
 */
export function route(
  plan: (request: RecordedRequest) => ScriptedReply,
  narrative: (request: RecordedRequest) => ScriptedReply = echoNarrative,
) {
  return (request: RecordedRequest) => (isNarrative(request) ? narrative(request) : plan(request));
}

/** The JSON document inside the last user message's untrusted-data block. */
export function untrustedData(request: RecordedRequest): Record<string, unknown> {
  const user = [...(request.body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
  const inner = /<untrusted_data>\n([\s\S]*)\n<\/untrusted_data>/.exec(user)?.[1];
  if (inner === undefined) throw new Error('no untrusted data block');
  return JSON.parse(inner) as Record<string, unknown>;
}

export function planRequests(fake: FakeOpenAiServer): RecordedRequest[] {
  return fake.requests.filter((r) => !isNarrative(r));
}
