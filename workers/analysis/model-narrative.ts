import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { WorkerError } from '../errors';
import type { LanguageModel } from '../llm/language-model';
import { narrativeLabels } from '../llm/narrative-labels';
import type { ResultTable } from '../plan/result-table';
import type { AnsweredQuestion, QuestionContext } from './answered-question';
import { isRowLevel } from './row-level';

/**
 * The answer with the model's headline and insights when every number in
 * them checks out against the computed figures; otherwise, or when the model
 * fails, the template narrative it already has. A result that is rows of the
 * dataset keeps its template narrative without asking: the model never sees
 * raw rows, and the template text quotes them.
 */
export async function withModelNarrative(
  answer: AnsweredQuestion,
  llm: LanguageModel,
  context: QuestionContext,
): Promise<AnsweredQuestion> {
  if (await isRowLevel(answer, context)) {
    llm.logger?.info('Model narrative not asked for; the result is rows of the dataset', { method: answer.method });
    return answer;
  }
  try {
    const narrative = await llm.narrator.write({
      question: answer.question,
      title: answer.plan.title,
      headline: answer.headline,
      insights: answer.insights,
      result: aggregatedRows(answer),
      labels: narrativeLabels(answer.result, answer.plan),
      insightNumbers: answer.insightNumbers,
      matchedRows: answer.result.matchedRows,
    });
    return { ...answer, headline: narrative.headline, insights: narrative.insights, narrative: 'model' };
  } catch (error) {
    if (!(error instanceof WorkerError)) throw error;
    llm.metrics?.addMetric('NarrativeFallback', MetricUnit.Count, 1);
    llm.logger?.warn('Model narrative not used; the template narrative stands', {
      code: error.code,
      reason: error.code === 'MODEL_REPLY_INVALID' ? error.message : undefined,
    });
    return answer;
  }
}

/**
 * The result rows the narrative model may see: groups of an aggregate, a
 * histogram's bins, or an aggregating query's rows. A relationship without
 * groups plots one point per dataset row, so for it the model sees only the
 * computed insights.
 */
function aggregatedRows(answer: AnsweredQuestion): ResultTable | null {
  if (answer.plan.kind === 'relationship' && answer.plan.dimensions.length === 0) return null;
  return answer.result;
}
