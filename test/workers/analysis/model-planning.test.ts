import { FakeOpenAiServer } from '../../fakes/openai-server';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { expectSameRows } from '../../support/question-cases';
import {
  answered,
  modelFor,
  planRequests,
  route,
  SALES_BY_REGION_PLAN,
  untrustedData,
  withLoopbackModel,
} from '../llm/model-harness';
import { answerQuestion } from '../../../workers/analysis/answer-question';
import type { AnalysisPlan } from '../../../workers/plan/analysis-plan';

/** Integration: the model path against the loopback fake, the real `openai` client and real DuckDB. */
const S = `read_csv('${SUPERSTORE_CSV}')`;

describe('planning with the language model', () => {
  let fake: FakeOpenAiServer;
  let data: Loaded;
  withLoopbackModel(
    () => load(SUPERSTORE_CSV),
    (started, loaded) => {
      fake = started;
      data = loaded;
    },
  );

  it('answers with a valid plan from the model, numbers checked against independent SQL', async () => {
    fake.otherwise(route(() => ({ json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } })));
    const answer = answered(await answerQuestion('how much did each region sell', { ...data, llm: modelFor(fake) }));
    expect(answer.planner).toBe('model');
    expect(answer.note).toBeUndefined();
    await expectSameRows(answer, data.connection, `SELECT Region, sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC`);
    expect(planRequests(fake)[0]?.body.response_format).toMatchObject({ type: 'json_schema' });
  });

  it('repairs a plan naming a column that does not exist by sending the validation error back', async () => {
    const wrong = { ...SALES_BY_REGION_PLAN, measures: [{ column: 'Revenue', aggregation: 'sum' }] };
    fake.otherwise(
      route((request) => {
        const repairing = (request.body.messages ?? []).some((m) => m.content.includes('cannot be used'));
        return { json: { kind: 'plan', plan: repairing ? SALES_BY_REGION_PLAN : wrong } };
      }),
    );
    const answer = answered(await answerQuestion('revenue by region', { ...data, llm: modelFor(fake) }));
    const [first, repair] = planRequests(fake);
    expect(repair?.body.messages?.at(-1)?.content).toMatch(/There is no column "Revenue"/);
    expect(repair?.body.messages?.at(-2)).toEqual({ role: 'assistant', content: expect.stringContaining('Revenue') });
    expect(first).toBeDefined();
    expect(answer.planner).toBe('model');
    await expectSameRows(answer, data.connection, `SELECT Region, sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC`);
  });

  it('falls back to the offline planner, with a note, when the model answers garbage twice', async () => {
    fake.otherwise(route(() => ({ content: 'Sure! Revenue is doing great 🚀' })));
    const answer = answered(await answerQuestion('sales by region', { ...data, llm: modelFor(fake) }));
    expect(planRequests(fake)).toHaveLength(2);
    expect(answer.planner).toBe('offline');
    expect(answer.note).toMatch(/planned offline/);
    await expectSameRows(answer, data.connection, `SELECT Region, sum(Sales) s FROM ${S} GROUP BY 1 ORDER BY s DESC`);
  });

  it('falls back within the planning budget when the model is too slow', async () => {
    fake.otherwise(route(() => ({ delayMs: 20_000, json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } })));
    const started = Date.now();
    const llm = modelFor(fake, { planTimeoutMs: 400, narrativeTimeoutMs: 400 });
    const answer = answered(await answerQuestion('total sales', { ...data, llm }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer.planner).toBe('offline');
    expect(answer.note).toBe('The language model did not answer in time, so this was planned offline.');
    await expectSameRows(answer, data.connection, `SELECT sum(Sales) FROM ${S}`);
  });

  it('falls back within the planning budget when the reply body trickles in after the headers', async () => {
    fake.otherwise(route(() => ({ trickleMs: 20_000, json: { kind: 'plan', plan: SALES_BY_REGION_PLAN } })));
    const started = Date.now();
    const llm = modelFor(fake, { planTimeoutMs: 400, narrativeTimeoutMs: 400 });
    const answer = answered(await answerQuestion('total sales', { ...data, llm }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer.planner).toBe('offline');
    expect(answer.note).toBe('The language model did not answer in time, so this was planned offline.');
  });

  it('steps down from json_schema to guided JSON to plain JSON when the server rejects them, and remembers', async () => {
    fake.otherwise(
      route((request) =>
        request.body.response_format
          ? { status: 400, error: "'response_format' of type 'json_schema' is not supported with this model." }
          : request.body.nvext
            ? { status: 400, error: 'Unrecognized request argument supplied: nvext' }
            : {
                content: `Here is the plan:\n\`\`\`json\n${JSON.stringify({ kind: 'plan', plan: SALES_BY_REGION_PLAN })}\n\`\`\``,
              },
      ),
    );
    const llm = modelFor(fake);
    answered(await answerQuestion('sales by region', { ...data, llm }));
    const [schema, guided, plain] = planRequests(fake);
    expect(schema?.body.response_format).toBeDefined();
    expect(guided?.body.nvext).toMatchObject({ guided_json: { type: 'object' } });
    expect(plain?.body.response_format ?? plain?.body.nvext).toBeUndefined();

    fake.requests.length = 0;
    const again = answered(await answerQuestion('sales by region', { ...data, llm }));
    expect(planRequests(fake)).toHaveLength(1);
    expect(again.planner).toBe('model');
  });

  it('refines the previous plan in a follow-up: the model gets it and changes only what was asked', async () => {
    fake.otherwise(
      route((request) => {
        const previous = untrustedData(request).previous_plan as AnalysisPlan;
        const filters = [{ op: 'range', column: 'Order Date', from: '2017-01-01', to: '2018-01-01' }];
        return { json: { kind: 'plan', plan: { ...previous, filters, title: `${previous.title}, 2017` } } };
      }),
    );
    const first = answered(await answerQuestion('sales by region', data));
    const second = answered(await answerQuestion('only 2017', { ...data, previous: first.plan, llm: modelFor(fake) }));
    expect(untrustedData(planRequests(fake)[0] as never).previous_plan).toEqual(first.plan);
    expect(second.planner).toBe('model');
    await expectSameRows(
      second,
      data.connection,
      `SELECT Region, sum(Sales) s FROM ${S} WHERE year("Order Date") = 2017 GROUP BY 1 ORDER BY s DESC`,
    );
  });

  it("declines with the model's reason and suggestions that work when neither planner can answer", async () => {
    fake.otherwise(route(() => ({ json: { kind: 'decline', reason: 'The data has no weather.' } })));
    const outcome = await answerQuestion("what's the weather tomorrow", { ...data, llm: modelFor(fake) });
    expect(outcome).toMatchObject({ kind: 'not-understood', reason: 'The data has no weather.' });
    if (outcome.kind !== 'not-understood') return;
    expect(outcome.suggestions).toHaveLength(3);
    for (const suggestion of outcome.suggestions) expect((await answerQuestion(suggestion, data)).kind).toBe('answer');
  });

  it('stops calling a failing model: after the circuit opens, jobs fall back without a request', async () => {
    fake.otherwise({ status: 503, error: 'down' });
    const llm = modelFor(fake, { maxRetries: 0, breaker: { failureThreshold: 2, cooldownMs: 60_000 } });
    for (let i = 0; i < 2; i++) answered(await answerQuestion('total sales', { ...data, llm }));
    const calls = fake.requests.length;
    const answer = answered(await answerQuestion('total profit', { ...data, llm }));
    expect(fake.requests).toHaveLength(calls);
    expect(answer.planner).toBe('offline');
    expect(answer.note).toBe('The language model was unavailable, so this was planned offline.');
    await expectSameRows(answer, data.connection, `SELECT sum(Profit) FROM ${S}`);
  });
});
