import { FakeOpenAiServer } from '../../fakes/openai-server';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { answered, modelFor, route, SALES_BY_REGION_PLAN } from './model-harness';
import { answerQuestion } from '../../../workers/analysis/answer-question';
import { loadConfig } from '../../../core/config';
import { ModelClient } from '../../../workers/llm/model-client';
import type { ReasoningEffort } from '../../../workers/llm/model-family';

const SUPER_3 = 'nvidia/nemotron-3-super-120b-a12b';
const NANO_3 = 'nvidia/nemotron-3-nano-30b-a3b';
const SUPER_V15 = 'nvidia/llama-3.3-nemotron-super-49b-v1.5';

/** Integration: what reaches the wire for each model family, and what is read back, through the loopback fake. */
describe('reasoning switched the way the model family reads it', () => {
  let fake: FakeOpenAiServer;
  let data: Loaded;
  beforeAll(async () => {
    fake = await FakeOpenAiServer.start();
    data = await load(SUPERSTORE_CSV);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  async function sent(model: string, reasoning?: ReasoningEffort) {
    fake.script({ content: 'ok' });
    const client = new ModelClient({ baseUrl: fake.baseUrl, model, apiKey: 'k', reasoning });
    await client.complete({
      purpose: 'plan',
      messages: [
        { role: 'system', content: '/no_think\nYou plan questions.' },
        { role: 'user', content: 'sales by region' },
      ],
      deadline: Date.now() + 5000,
    });
    const body = fake.requests[0]?.body;
    return {
      system: body?.messages?.[0]?.content,
      user: body?.messages?.[1]?.content,
      kwargs: body?.chat_template_kwargs,
    };
  }

  it("defaults to Nemotron 3 Super on NVIDIA's API, with reasoning off", () => {
    const { llm } = loadConfig({});
    expect(llm.model).toBe(SUPER_3);
    expect(llm.baseUrl).toBe('https://integrate.api.nvidia.com/v1');
    expect(llm.reasoning).toBe('off');
  });

  it.each([SUPER_3, NANO_3])(
    'turns reasoning off for %s through chat_template_kwargs, with no /no_think line',
    async (model) => {
      expect(await sent(model)).toEqual({
        system: 'You plan questions.',
        user: 'sales by region',
        kwargs: { enable_thinking: false },
      });
    },
  );

  it('asks Nemotron 3 for its low-effort mode when reasoning is set to low', async () => {
    expect((await sent(SUPER_3, 'low')).kwargs).toEqual({ enable_thinking: true, low_effort: true });
  });

  it('keeps the /no_think system line for Llama-3.3-Nemotron-Super-49B v1.5, and sends no template fields', async () => {
    expect(await sent(SUPER_V15)).toEqual({
      system: '/no_think\nYou plan questions.',
      user: 'sales by region',
      kwargs: undefined,
    });
  });

  it('sends neither to a model of another family', async () => {
    expect(await sent('meta/llama-3.1-8b-instruct')).toEqual({
      system: 'You plan questions.',
      user: 'sales by region',
      kwargs: undefined,
    });
  });

  it('answers a whole question on Nemotron 3 Super: every request carries the switch, and the prompts their text', async () => {
    fake.otherwise(route(() => ({ json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } })));
    answered(await answerQuestion('sales by region', { ...data, llm: modelFor(fake, { model: SUPER_3 }) }));
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    for (const request of fake.requests) {
      expect(request.body.chat_template_kwargs).toEqual({ enable_thinking: false });
      expect(request.body.messages?.[0]?.content).not.toMatch(/\/no_think/);
      expect(request.body.messages?.[0]?.content.length).toBeGreaterThan(100);
    }
  });

  it.each([
    [
      'a <think> block holding a different JSON object before the answer',
      {
        content: `<think>Maybe {"kind":"decline","reason":"unsure"}?</think>\n${JSON.stringify({ kind: 'plan', plan: SALES_BY_REGION_PLAN })}`,
      },
    ],
    [
      'a reasoning_content field beside the answer',
      {
        reasoning: 'The user wants {"kind":"decline","reason":"no"} … no, a plan by region.',
        json: { kind: 'plan', plan: SALES_BY_REGION_PLAN },
      },
    ],
  ])('reads the answer of a reply with %s', async (_what, reply) => {
    fake.otherwise(route(() => reply));
    const answer = answered(
      await answerQuestion('sales by region', { ...data, llm: modelFor(fake, { model: SUPER_3 }) }),
    );
    expect(answer.planner).toBe('model');
    expect(answer.plan.dimensions).toEqual([{ column: 'Region' }]);
    const expected = await data.rows(
      `SELECT Region, sum(Sales) AS s FROM read_csv('${SUPERSTORE_CSV}') GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(answer.result.rows.map((row) => [row[0], Number(row[1])])).toEqual(
      expected.map((row) => [row.Region, expect.closeTo(Number(row.s), 6) as unknown]),
    );
  });

  it('reads a narrative whose reply still carries a <think> block', async () => {
    fake.otherwise(
      route(
        () => ({ json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } }),
        () => ({ content: '<think>{"headline":"wrong"}</think>{"headline":"West led sales.","insights":[]}' }),
      ),
    );
    const answer = answered(
      await answerQuestion('sales by region', { ...data, llm: modelFor(fake, { model: SUPER_3 }) }),
    );
    expect(answer.headline).toBe('West led sales.');
  });
});
