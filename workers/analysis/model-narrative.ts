import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { WorkerError } from '../errors';
import type { LanguageModel } from '../llm/language-model';
import type { ResultTable } from '../plan/result-table';
import type { AnsweredQuestion } from './answered-question';

/**
 * The answer with the model's headline and insights when every number in
 * them checks out against the computed figures; otherwise, or when the model
 * fails, the template narrative it already has.
 */
export async function withModelNarrative(answer: AnsweredQuestion, llm: LanguageModel): Promise<AnsweredQuestion> {
  try {
    const narrative = await llm.narrator.write({
      question: answer.question,
      title: answer.plan.title,
      headline: answer.headline,
      insights: answer.insights,
      result: aggregatedRows(answer),
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
 * The result rows the narrative model may see: groups of an aggregate or a
 * histogram's bins. A relationship without groups plots one point per dataset
 * row, and a model-written query may return rows as they are, so for those
 * the model sees only the computed insights.
 */
function aggregatedRows(answer: AnsweredQuestion): ResultTable | null {
  if (answer.method === 'sql') return null;
  if (answer.plan.kind === 'relationship' && answer.plan.dimensions.length === 0) return null;
  return answer.result;
}
