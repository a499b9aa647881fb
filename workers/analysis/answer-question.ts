import { unreadRowsNote } from '../answer/unread-rows';
import { sqlInQuestion } from '../planner/sql-words';
import { suggestQuestions } from '../planner/suggestions';
import { loadVocabulary } from '../planner/vocabulary';
import type { AnsweredQuestion, QuestionContext, QuestionOutcome } from './answered-question';
import { answerWithModel } from './model-answer';
import { offlineAnswer } from './plan-answer';

export type {
  AnsweredQuestion,
  Planner,
  QuestionContext,
  QuestionOutcome,
  UnansweredQuestion,
} from './answered-question';

/**
 * Everything the worker does between a question and its answer: plan it,
 * validate and run the plan, write the headline and insights from the
 * result, and render the chart. With `llm`, the model plans and writes the
 * narrative, and any failure of it (unavailable, too slow, a plan that does
 * not fit, a refused query) falls back to the offline planner and the
 * template narrative with a `note` saying so. A question nobody understood
 * comes back as such, with suggestions, never as a guess. A question that
 * holds SQL ("total sales; DROP TABLE …") is declined before either planner
 * reads it: what is left of it would be a different question.
 *
 * @example
 * const answer = await answerQuestion('sales by region', { connection, table, meta, llm });
 * if (answer.kind === 'answer') reply(answer.headline, answer.note, answer.png);
 */
export async function answerQuestion(question: string, context: QuestionContext): Promise<QuestionOutcome> {
  const vocabulary = context.vocabulary ?? (await loadVocabulary(context.connection, context.meta, context.table));
  const sql = sqlInQuestion(question);
  if (sql !== null) {
    const suggestions = suggestQuestions(context.meta, vocabulary);
    const example = suggestions[0] ? `, e.g. "${suggestions[0]}"` : '';
    const reason = `That looks like SQL ("${sql}"); ask in words${example}.`;
    return { kind: 'not-understood', question, understood: [], reason, suggestions, planner: 'offline' };
  }
  const outcome =
    context.llm === undefined
      ? await offlineAnswer(question, context, vocabulary)
      : await answerWithModel(question, context, vocabulary, context.llm);
  return outcome.kind === 'answer' ? withUnreadRows(outcome, context) : outcome;
}

/** Whichever planner answered, the rows set aside at ingest are missing from its figures. */
function withUnreadRows(answer: AnsweredQuestion, context: QuestionContext): AnsweredQuestion {
  const unread = unreadRowsNote(context.meta);
  return unread ? { ...answer, unread } : answer;
}
