import type { DatasetMeta } from '../../core/dataset';
import type { Cadence } from '../../core/digest-cadence';
import type { AnsweredQuestion, UnansweredQuestion } from '../analysis/answer-question';
import { describeFilters, scopeList } from '../answer/filter-words';
import { digestRefusal } from '../digest/digest-fit';
import { datasetName } from './dataset-words';
import type { AnswerReply, AskAction, NotUnderstoodReply } from './reply';
import { fileSlug } from '../../core/file-slug';

/** A table answer shows this many rows in the message; "Download CSV" has them all. */
const SHOWN_ROWS = 25;

/** The cadence the "Send this every week" button asks for. */
const BUTTON_CADENCE: Cadence = { every: 'week', weekday: 'MON' };

export interface AnswerView {
  answer: AnsweredQuestion;
  dataset: DatasetMeta;
  /** The answering job's id: the export actions carry it. */
  jobId: string;
}

/**
 * An answer as a reply: the headline and insights, the chart (or, without
 * one, the table itself), the data behind it, and "Show SQL" and "Download CSV".
 */
export function answerReply(view: AnswerView): AnswerReply {
  const { answer, dataset } = view;
  const filters = scopeList(describeFilters(answer.plan.filters, dataset));
  const rows = answer.result.rows;
  const showTable = !answer.png && !answer.result.relationship;
  return {
    kind: 'answer',
    headline: answer.headline,
    insights: answer.insights,
    ...(showTable
      ? {
          table: {
            columns: answer.result.columns,
            rows: rows.slice(0, SHOWN_ROWS),
            hiddenRows: Math.max(0, rows.length - SHOWN_ROWS),
          },
        }
      : {}),
    ...(answer.png
      ? { chart: { png: answer.png, title: answer.plan.title, filename: chartFileName(answer.plan.title) } }
      : {}),
    ...(answer.note ? { note: answer.note } : {}),
    footer: {
      dataset: datasetName(dataset),
      rows: dataset.rows,
      ...(filters === '' ? {} : { matchedRows: answer.result.matchedRows, filters }),
      ...(answer.leftOut ? { leftOut: answer.leftOut } : {}),
      ...(answer.unread ? { unread: answer.unread } : {}),
    },
    actions: [
      { kind: 'show-sql', answer: view.jobId },
      { kind: 'download-csv', answer: view.jobId },
      ...(canBeDigest(answer, dataset) ? [{ kind: 'subscribe' as const, answer: view.jobId }] : []),
    ],
  };
}

/**
 * Whether "Send this every week" could set the answer up as a digest: the check the set-up makes
 * (a date column, no fixed period, one measure), so no button leads to a refusal. A follow-up
 * under a digest, held to the digest's period, is one that never could.
 */
function canBeDigest(answer: AnsweredQuestion, dataset: DatasetMeta): boolean {
  if (answer.method !== 'plan') return false;
  const named = { ...dataset, name: datasetName(dataset) };
  return digestRefusal(answer.question, answer.plan, named, BUTTON_CADENCE) === undefined;
}

export interface NotUnderstoodView {
  answer: UnansweredQuestion;
  dataset: DatasetMeta & { id: string };
}

/** A question the planner could not read: what it did get, and questions that work on this dataset. */
export function notUnderstoodReply(view: NotUnderstoodView): NotUnderstoodReply {
  const { answer, dataset } = view;
  return {
    kind: 'not-understood',
    question: answer.question,
    reason: answer.reason.replace(/\.$/, ''),
    understood: answer.understood,
    dataset: datasetName(dataset),
    actions: askActions(dataset.id, answer.suggestions),
  };
}

/** Questions to ask about one dataset (not whatever the conversation read last). */
export function askActions(dataset: string, questions: readonly string[]): AskAction[] {
  return questions.map((question) => ({ kind: 'ask', dataset, question }));
}

/** A file name for a chart or export of an answer titled `title`: "revenue-by-region.png". */
export function chartFileName(title: string): string {
  return `${fileSlug(title)}.png`;
}
