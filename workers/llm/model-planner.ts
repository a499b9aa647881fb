import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { DatasetMeta } from '../../core/dataset';
import { WorkerError } from '../errors';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { PlanError } from '../plan/plan-errors';
import { validatePlan } from '../plan/validate-plan';
import type { Vocabulary } from '../planner/vocabulary';
import { columnNamesFromBrief, datasetBrief } from './dataset-brief';
import { jsonInText } from './json-in-text';
import type { ModelClient, TokenUsage } from './model-client';
import { ModelReply, modelReplySchema, type SqlChart } from './model-reply';
import { planMessages, repairMessages } from './plan-prompt';
import { renamePlanColumns } from './plan-columns';
import { matchPlanValues } from './plan-values';
import { previousPlanForPrompt } from './previous-plan';
import { StructuredOutput } from './structured-output';

/** What the model made of a question, checked: a plan valid for the dataset, a query to sandbox, or a refusal. */
export type ModelPlan =
  | { kind: 'plan'; plan: AnalysisPlan }
  | { kind: 'sql'; sql: string; title: string; chart: SqlChart }
  | { kind: 'decline'; reason: string };

export interface PlanRequest {
  question: string;
  meta: DatasetMeta;
  table: string;
  vocabulary: Vocabulary;
  previous?: AnalysisPlan;
  /** Only when the operator allows the model to see a few rows. */
  sampleRows?: readonly (readonly unknown[])[];
}

export interface ModelPlanResult {
  outcome: ModelPlan;
  usage: TokenUsage;
  /** HTTP requests made, retries included. */
  calls: number;
  /** Whether the first reply needed the repair round trip. */
  repaired: boolean;
}

const SCHEMA = modelReplySchema();

type Checked = { ok: true; outcome: ModelPlan } | { ok: false; problem: string };

/**
 * Asks the model for a plan and holds the reply to the same rules as any
 * plan: the reply schema (zod), the dataset's columns and values
 * (`validatePlan`, `matchPlanValues`). A reply that fails gets one repair
 * round trip carrying the validator's message; a second failure is a
 * `MODEL_REPLY_INVALID` error, and the caller falls back to the offline
 * planner. The whole exchange shares one deadline, `timeoutMs`.
 */
export class ModelPlanner {
  constructor(
    private readonly client: ModelClient,
    private readonly output: StructuredOutput,
    private readonly timeoutMs: number,
  ) {}

  async plan(request: PlanRequest): Promise<ModelPlanResult> {
    const deadline = this.client.clock() + this.timeoutMs;
    const brief = datasetBrief(request.meta, request.table, request.sampleRows);
    const previous = request.previous && previousPlanForPrompt(request.previous, request.meta);
    const messages = planMessages({ question: request.question, brief, previous });
    const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
    let calls = 0;
    const ask = async (conversation: ChatCompletionMessageParam[], purpose: 'plan' | 'repair') => {
      const reply = await this.output.ask({ purpose, messages: conversation, deadline }, 'analysis_reply', SCHEMA);
      calls += reply.attempts;
      usage.promptTokens += reply.usage.promptTokens;
      usage.completionTokens += reply.usage.completionTokens;
      return reply;
    };
    const first = await ask(messages, 'plan');
    const checked = check(first.content, request);
    if (checked.ok) return { outcome: checked.outcome, usage, calls, repaired: false };
    const second = await ask(repairMessages(messages, first.content, checked.problem), 'repair');
    const repaired = check(second.content, request);
    if (repaired.ok) return { outcome: repaired.outcome, usage, calls, repaired: true };
    throw new WorkerError('MODEL_REPLY_INVALID', `The language model's plan could not be used: ${repaired.problem}`);
  }
}

/** The reply as a usable outcome, or the problem in words the model can act on. */
function check(content: string, request: PlanRequest): Checked {
  const json = jsonInText(content);
  if (json === null) return { ok: false, problem: 'it is not a JSON object.' };
  const parsed = ModelReply.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`);
    return { ok: false, problem: `it does not match the reply schema (${issues.join('; ')}).` };
  }
  const reply = parsed.data;
  if (reply.kind !== 'plan') return { ok: true, outcome: reply };
  try {
    const named = renamePlanColumns(reply.plan, columnNamesFromBrief(request.meta));
    const plan = matchPlanValues(validatePlan(named, request.meta), request.vocabulary);
    return { ok: true, outcome: { kind: 'plan', plan } };
  } catch (error) {
    if (error instanceof PlanError) return { ok: false, problem: error.message };
    throw error;
  }
}
