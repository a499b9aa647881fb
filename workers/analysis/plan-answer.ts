import { renderChart } from '../../charts';
import { buildAnswer } from '../answer/answer';
import { leftOutNote } from '../answer/left-out';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { runPlan } from '../plan/run-plan';
import { planQuestion } from '../planner/offline-planner';
import type { Vocabulary } from '../planner/vocabulary';
import { withinPeriod } from './reported-period';
import type { AnsweredQuestion, Planner, QuestionContext, QuestionOutcome } from './answered-question';

/** Runs a plan (from either planner) and writes its template answer and chart. */
export async function answerPlan(
  question: string,
  planned: AnalysisPlan,
  understood: string[],
  context: QuestionContext,
  planner: Planner,
): Promise<AnsweredQuestion> {
  const plan = withinPeriod(planned, context.period, context.meta);
  const run = await runPlan(context.connection, plan, context.meta, context.table);
  const answer = buildAnswer(plan, run.result, context.meta);
  const leftOut = leftOutNote(plan, context.meta);
  return {
    kind: 'answer',
    question,
    plan,
    understood,
    sql: run.sql,
    params: run.params,
    result: run.result,
    ...answer,
    png: answer.chart ? await renderChart(answer.chart) : null,
    planner,
    method: 'plan',
    narrative: 'template',
    ...(leftOut ? { leftOut } : {}),
  };
}

/** The offline planner's answer, or its refusal with three suggestions; never a guess. */
export async function offlineAnswer(
  question: string,
  context: QuestionContext,
  vocabulary: Vocabulary,
): Promise<QuestionOutcome> {
  const outcome = planQuestion(question, { meta: context.meta, vocabulary, previous: context.previous });
  if (outcome.kind === 'not-understood') {
    const { understood, reason, suggestions } = outcome;
    return { kind: 'not-understood', question, understood, reason, suggestions, planner: 'offline' };
  }
  return answerPlan(question, outcome.plan, outcome.understood, context, 'offline');
}
