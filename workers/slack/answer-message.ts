import type { KnownBlock } from '@slack/types';
import type { DatasetMeta } from '../../core/dataset';
import { DOWNLOAD_CSV_ACTION, encodeButtonValue, ExportButtonValue, SHOW_SQL_ACTION } from '../../core/slack-actions';
import type { AnsweredQuestion, UnansweredQuestion } from '../analysis/answer-question';
import { describeFilters, scopeList } from '../answer/filter-words';
import { resultText } from '../cli/answer-text';
import { askButtons } from './ask-buttons';
import { datasetName } from './dataset-words';
import { actions, context, count, preformatted, safe, section, type SlackContent } from './slack-content';

/** A table answer shows this many rows in the message; "Download CSV" has them all. */
const SHOWN_ROWS = 25;

export interface AnswerView {
  answer: AnsweredQuestion;
  dataset: DatasetMeta;
  /** The answering job's id: the export buttons carry it. */
  jobId: string;
}

/** Which dataset, how many of its rows and which filters the numbers come from. */
function footer(answer: AnsweredQuestion, dataset: DatasetMeta): string {
  const filters = scopeList(describeFilters(answer.plan.filters, dataset));
  const rows =
    filters === ''
      ? `${count(dataset.rows)} rows`
      : `${count(answer.result.matchedRows)} of ${count(dataset.rows)} rows · Filters: ${filters}`;
  return `:page_facing_up: ${safe(datasetName(dataset))} · ${safe(rows)}`;
}

/**
 * An answer: the headline in bold, the insights as bullets, the table itself
 * when the answer has no chart (the chart is uploaded into the thread), and a
 * footer naming the data behind it, with "Show SQL" and "Download CSV".
 */
export function answerMessage(view: AnswerView): SlackContent {
  const { answer, dataset } = view;
  const blocks: KnownBlock[] = [section(`*${safe(answer.headline)}*`)];
  if (answer.insights.length) blocks.push(section(answer.insights.map((insight) => `• ${safe(insight)}`).join('\n')));
  if (!answer.png && !answer.result.relationship) {
    const rows = answer.result.rows;
    let table = resultText(answer.result.columns, rows.slice(0, SHOWN_ROWS));
    if (rows.length > SHOWN_ROWS) table += `\n… ${count(rows.length - SHOWN_ROWS)} more rows in the CSV`;
    blocks.push(preformatted(table));
  }
  if (answer.note) blocks.push(context(safe(answer.note)));
  blocks.push(context(footer(answer, dataset)));
  const value = encodeButtonValue(ExportButtonValue, { answer: view.jobId });
  blocks.push(
    actions([
      { actionId: SHOW_SQL_ACTION, label: 'Show SQL', value },
      { actionId: DOWNLOAD_CSV_ACTION, label: 'Download CSV', value },
    ]),
  );
  return { text: safe(answer.headline), blocks };
}

export interface NotUnderstoodView {
  answer: UnansweredQuestion;
  dataset: DatasetMeta & { id: string };
}

/** A question the planner could not read: what it did get, and questions that work on this dataset. */
export function notUnderstoodMessage(view: NotUnderstoodView): SlackContent {
  const { answer, dataset } = view;
  const reason = answer.reason.replace(/\.$/, '');
  const blocks: KnownBlock[] = [section(`I couldn’t answer “${safe(answer.question)}”: ${safe(reason)}.`)];
  if (answer.understood.length) blocks.push(context(`I understood: ${safe(answer.understood.join('; '))}`));
  if (answer.suggestions.length) {
    blocks.push(section(`These work on *${safe(datasetName(dataset))}*:`));
    blocks.push(askButtons(dataset.id, answer.suggestions));
  }
  return { text: safe(`I couldn’t answer “${answer.question}”: ${reason}.`), blocks };
}
