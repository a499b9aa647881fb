import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { renderChart } from '../../charts';
import { buildAnswer } from '../answer/answer';
import { queryRows, quoteIdent } from '../engine/duckdb';
import { SqlSandbox } from '../engine/sandbox';
import { WorkerError } from '../errors';
import type { LanguageModel } from '../llm/language-model';
import type { ModelPlanResult } from '../llm/model-planner';
import { MAX_SAMPLE_ROWS } from '../llm/dataset-brief';
import type { SqlChart } from '../llm/model-reply';
import { PlanError } from '../plan/plan-errors';
import { suggestQuestions } from '../planner/suggestions';
import type { Vocabulary } from '../planner/vocabulary';
import type { AnsweredQuestion, QuestionContext, QuestionOutcome } from './answered-question';
import { fallbackNote } from './fallback-note';
import { withModelNarrative } from './model-narrative';
import { answerPlan, offlineAnswer } from './plan-answer';
import { oneRowHeadline, presentationPlan, sqlResultTable } from './sql-result';

/**
 * The model's path: its plan (or its query, in the sandbox) answered and
 * narrated, and on any failure of the model's part the offline answer with a
 * note. A question the model declines goes to the offline planner too, which
 * answers only what it fully understands.
 */
export async function answerWithModel(
  question: string,
  context: QuestionContext,
  vocabulary: Vocabulary,
  llm: LanguageModel,
): Promise<QuestionOutcome> {
  const started = Date.now();
  let planned: ModelPlanResult | undefined;
  let outcome: QuestionOutcome;
  try {
    planned = await llm.planner.plan({
      question,
      meta: context.meta,
      table: context.table,
      vocabulary,
      previous: context.previous,
      sampleRows: llm.shareSampleRows ? await sampleRows(context) : undefined,
    });
    const model = planned.outcome;
    if (model.kind === 'decline') {
      outcome = await declined(question, context, vocabulary, model.reason);
    } else if (model.kind === 'plan') {
      outcome = await answerPlan(question, model.plan, [`planned by ${llm.model}`], context, 'model');
    } else {
      outcome = await sqlAnswer(question, context, model);
    }
  } catch (error) {
    if (!(error instanceof WorkerError || error instanceof PlanError)) throw error;
    const offline = await offlineAnswer(question, context, vocabulary);
    outcome = { ...offline, note: fallbackNote(error) };
    llm.metrics?.addMetric('ModelFallback', MetricUnit.Count, 1);
    llm.logger?.warn('Model planning fell back to the offline planner', { code: error.code });
  }
  if (outcome.kind === 'answer') outcome = await withModelNarrative(outcome, llm, context);
  llm.logger?.info('Question answered', {
    planner: outcome.planner,
    method: outcome.kind === 'answer' ? outcome.method : null,
    narrative: outcome.kind === 'answer' ? outcome.narrative : null,
    fellBack: outcome.note !== undefined,
    modelCalls: planned?.calls ?? 0,
    repaired: planned?.repaired ?? false,
    planPromptTokens: planned?.usage.promptTokens ?? 0,
    planCompletionTokens: planned?.usage.completionTokens ?? 0,
    latencyMs: Date.now() - started,
  });
  llm.metrics?.addMetric(outcome.planner === 'model' ? 'PlannedByModel' : 'PlannedOffline', MetricUnit.Count, 1);
  return outcome;
}

async function declined(
  question: string,
  context: QuestionContext,
  vocabulary: Vocabulary,
  reason: string,
): Promise<QuestionOutcome> {
  const offline = await offlineAnswer(question, context, vocabulary);
  if (offline.kind === 'answer') {
    return { ...offline, note: 'The language model could not read this question, so this was planned offline.' };
  }
  const suggestions = suggestQuestions(context.meta, vocabulary);
  return { kind: 'not-understood', question, understood: [], reason, suggestions, planner: 'model' };
}

/** A query the model wrote, run in a sandbox that holds a copy of the dataset and nothing else. */
async function sqlAnswer(
  question: string,
  context: QuestionContext,
  model: { sql: string; title: string; chart: SqlChart },
): Promise<AnsweredQuestion> {
  const sandbox = await SqlSandbox.open(context.connection, context.table, context.sandbox);
  try {
    const run = await sandbox.run(model.sql);
    const result = sqlResultTable(run, context.meta);
    const plan = presentationPlan(result, model.title, model.chart);
    const built = buildAnswer(plan, result, context.meta);
    const oneRow = oneRowHeadline(result);
    const answer = oneRow
      ? { ...built, headline: oneRow.text, insightNumbers: [...new Set([...oneRow.numbers, ...built.insightNumbers])] }
      : built;
    const insights = run.truncated
      ? [...answer.insights, `Only the first ${run.rows.length} rows of the query's result are shown.`]
      : answer.insights;
    return {
      kind: 'answer',
      question,
      plan,
      understood: ['a read-only query written by the language model'],
      sql: model.sql,
      params: {},
      result,
      ...answer,
      insights,
      png: answer.chart ? await renderChart(answer.chart) : null,
      planner: 'model',
      method: 'sql',
      narrative: 'template',
    };
  } finally {
    sandbox.close();
  }
}

async function sampleRows(context: QuestionContext): Promise<unknown[][]> {
  const rows = await queryRows(
    context.connection,
    `SELECT * FROM ${quoteIdent(context.table)} LIMIT ${MAX_SAMPLE_ROWS}`,
  );
  return rows.map((row) => Object.values(row));
}
