import type { DuckDBConnection } from '@duckdb/node-api';
import { renderChart, type ChartSpec } from '../../charts';
import type { DatasetMeta } from '../../core/dataset';
import { buildAnswer } from '../answer/answer';
import type { AnalysisPlan } from '../plan/analysis-plan';
import type { ResultTable } from '../plan/result-table';
import { runPlan } from '../plan/run-plan';
import type { SqlValue } from '../plan/sql-params';
import { planQuestion } from '../planner/offline-planner';
import { loadVocabulary, type Vocabulary } from '../planner/vocabulary';

/** A loaded dataset a question can be asked of. */
export interface QuestionContext {
  connection: DuckDBConnection;
  table: string;
  meta: DatasetMeta;
  /** Distinct values of the dimensions, loaded once per dataset (see `loadVocabulary`). */
  vocabulary?: Vocabulary;
  /** The plan of the answer being followed up ("now by region"). */
  previous?: AnalysisPlan;
}

export interface AnsweredQuestion {
  kind: 'answer';
  question: string;
  plan: AnalysisPlan;
  /** What the planner matched, in words ("measure: Sales (from "revenue")"). */
  understood: string[];
  sql: string;
  params: Record<string, SqlValue>;
  result: ResultTable;
  headline: string;
  insights: string[];
  insightNumbers: number[];
  chart: ChartSpec | null;
  /** The chart rendered as PNG bytes; null when the answer is a table. */
  png: Buffer | null;
}

export interface UnansweredQuestion {
  kind: 'not-understood';
  question: string;
  understood: string[];
  reason: string;
  suggestions: string[];
}

/**
 * Everything the worker does between a question and its answer: plan it (the
 * offline planner here), validate and run the plan, write the headline and
 * insights from the result, and render the chart. A question the planner did
 * not understand comes back as such, with suggestions, never as a guess.
 */
export async function answerQuestion(
  question: string,
  context: QuestionContext,
): Promise<AnsweredQuestion | UnansweredQuestion> {
  const vocabulary = context.vocabulary ?? (await loadVocabulary(context.connection, context.meta, context.table));
  const outcome = planQuestion(question, { meta: context.meta, vocabulary, previous: context.previous });
  if (outcome.kind === 'not-understood') {
    const { understood, reason, suggestions } = outcome;
    return { kind: 'not-understood', question, understood, reason, suggestions };
  }
  const run = await runPlan(context.connection, outcome.plan, context.meta, context.table);
  const answer = buildAnswer(outcome.plan, run.result, context.meta);
  return {
    kind: 'answer',
    question,
    plan: outcome.plan,
    understood: outcome.understood,
    sql: run.sql,
    params: run.params,
    result: run.result,
    ...answer,
    png: answer.chart ? await renderChart(answer.chart) : null,
  };
}
