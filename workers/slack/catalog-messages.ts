import type { KnownBlock } from '@slack/types';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { askButtons } from './ask-buttons';
import { datasetTitleMrkdwn } from './dataset-words';
import { context, safe, section, type SlackContent } from './slack-content';

/** Slack renders this in each reader's own time zone; the ISO date is the fallback for old clients. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
}

/** Who added a dataset: their name when it is known, else a mention, where mentions are allowed. */
function byWhom(entry: DatasetEntry, mentions: boolean): string {
  if (entry.addedBy.name) return ` by ${safe(entry.addedBy.name)}`;
  return mentions ? ` by <@${entry.addedBy.id}>` : '';
}

/**
 * `/analyze list`: the channel's datasets, newest first, with size, when and by
 * whom. Without `mentions` uploaders are never mentioned: a message posted
 * anew would ping every one of them (an edit notifies nobody).
 */
export function listMessage(entries: DatasetEntry[], { mentions }: { mentions: boolean }): SlackContent {
  if (entries.length === 0) return noDatasetMessage();
  const lines = entries.map(
    (entry) => `• ${datasetTitleMrkdwn(entry)} · added ${slackDate(entry.addedAt)}${byWhom(entry, mentions)}`,
  );
  const text = `${entries.length} dataset${entries.length === 1 ? '' : 's'} in this channel`;
  return {
    text,
    blocks: [
      section(`*${text}*`),
      section(lines.join('\n')),
      context('Questions use the newest one unless you name another (“… in sales.csv”) or ask in a file’s thread.'),
    ],
  };
}

export const NO_DATASET_TEXT =
  'No dataset in this channel yet — drop a CSV or Excel file here and I’ll read it, then ask me about it.';

function noDatasetMessage(): SlackContent {
  return { text: NO_DATASET_TEXT, blocks: [section(`:inbox_tray: ${NO_DATASET_TEXT}`)] };
}

const HOW_TO_ASK = [
  '*How to ask me about your data*',
  '• Drop a CSV or Excel file into this channel: I read it and reply in its thread with what’s in it.',
  '• Ask with `/analyze <question>`, by mentioning me, or by replying in a file’s or an answer’s thread.',
  '• Follow up in an answer’s thread to refine it: “now by region”, “only 2017”, “as a bar chart”.',
  '• Name a file to ask about it instead of the newest: “revenue by month in sales.csv”.',
  '• `/analyze list` shows this channel’s datasets.',
].join('\n');

const GENERIC_EXAMPLES = '“Monthly revenue trend”, “Top 5 customers by profit”, “Share of sales by region”';

/** `/analyze help`, with examples that work on the channel's own newest dataset when there is one. */
export function helpMessage(latest: DatasetEntry | undefined): SlackContent {
  const blocks: KnownBlock[] = [section(HOW_TO_ASK)];
  if (latest && latest.suggestions.length) {
    blocks.push(section(`Questions that work on ${datasetTitleMrkdwn(latest)}:`));
    blocks.push(askButtons(latest.id, latest.suggestions));
  } else {
    blocks.push(section(`For example: ${GENERIC_EXAMPLES}. Drop a CSV or Excel file here to start.`));
  }
  return { text: 'How to ask me about your data', blocks };
}
