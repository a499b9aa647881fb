import type { KnownBlock } from '@slack/types';
import {
  DOWNLOAD_CSV_ACTION,
  encodeButtonValue,
  ExportButtonValue,
  SHOW_SQL_ACTION,
  SUBSCRIBE_ACTION,
} from '../../core/slack-actions';
import { resultText } from '../cli/answer-text';
import { count } from '../conversation/dataset-words';
import type { AnswerFooter, AnswerReply, AskAction, NotUnderstoodReply, ReplyAction } from '../conversation/reply';
import { askButtons } from './ask-buttons';
import { actions, context, preformatted, safe, section, type Button, type SlackContent } from './slack-content';

/** Which dataset, how many of its rows and which filters the numbers come from. */
function footer({ dataset, rows, matchedRows, filters, leftOut, unread }: AnswerFooter): string {
  const counted =
    filters === undefined
      ? `${count(rows)} rows`
      : `${count(matchedRows ?? rows)} of ${count(rows)} rows · Filters: ${filters}`;
  const notes = [leftOut, unread].filter((note) => note !== undefined).map((note) => ` · ${safe(note)}`);
  return `:page_facing_up: ${safe(dataset)} · ${safe(counted)}${notes.join('')}`;
}

type ExportAction = Extract<ReplyAction, { kind: 'show-sql' | 'download-csv' | 'subscribe' }>;

const ANSWER_BUTTONS: Record<ExportAction['kind'], { actionId: string; label: string }> = {
  'show-sql': { actionId: SHOW_SQL_ACTION, label: 'Show SQL' },
  'download-csv': { actionId: DOWNLOAD_CSV_ACTION, label: 'Download CSV' },
  subscribe: { actionId: SUBSCRIBE_ACTION, label: 'Send this every week' },
};

function exportButton(action: ExportAction): Button {
  return { ...ANSWER_BUTTONS[action.kind], value: encodeButtonValue(ExportButtonValue, { answer: action.answer }) };
}

/**
 * An answer: the headline in bold, the insights as bullets, the table itself
 * when the answer has no chart (the chart is uploaded into the thread), and a
 * footer naming the data behind it, with "Show SQL" and "Download CSV".
 */
export function answerMessage(reply: AnswerReply): SlackContent {
  const blocks: KnownBlock[] = [section(`*${safe(reply.headline)}*`)];
  if (reply.insights.length) blocks.push(section(reply.insights.map((insight) => `• ${safe(insight)}`).join('\n')));
  if (reply.table) {
    let table = resultText(reply.table.columns, reply.table.rows);
    if (reply.table.hiddenRows > 0) table += `\n… ${count(reply.table.hiddenRows)} more rows in the CSV`;
    blocks.push(preformatted(table));
  }
  if (reply.note) blocks.push(context(safe(reply.note)));
  blocks.push(context(footer(reply.footer)));
  const asks = reply.actions.filter((action): action is AskAction => action.kind === 'ask');
  const exports = reply.actions.filter((action): action is ExportAction => action.kind in ANSWER_BUTTONS);
  if (exports.length) blocks.push(actions(exports.map(exportButton)));
  if (asks.length) blocks.push(askButtons(asks));
  return { text: safe(reply.headline), blocks };
}

/** A question the planner could not read: what it did get, and questions that work on this dataset. */
export function notUnderstoodMessage(reply: NotUnderstoodReply): SlackContent {
  const blocks: KnownBlock[] = [section(`I couldn’t answer “${safe(reply.question)}”: ${safe(reply.reason)}.`)];
  if (reply.understood.length) blocks.push(context(`I understood: ${safe(reply.understood.join('; '))}`));
  if (reply.actions.length) {
    blocks.push(section(`These work on *${safe(reply.dataset)}*:`));
    blocks.push(askButtons(reply.actions));
  }
  return { text: safe(`I couldn’t answer “${reply.question}”: ${reply.reason}.`), blocks };
}
