import type { KnownBlock } from '@slack/types';
import { NO_DATASET_TEXT } from '../conversation/dataset-replies';
import { GENERIC_EXAMPLES, WHICH_DATASET_HINT } from '../conversation/status-words';
import type { DatasetListing, DatasetListReply, HelpReply } from '../conversation/reply';
import { askButtons } from './ask-buttons';
import { datasetTitleMrkdwn } from './dataset-title';
import { context, safe, section, type SlackContent } from './slack-content';

/** Slack renders this in each reader's own time zone; the ISO date is the fallback for old clients. */
function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
}

/** Who added a dataset: their name when it is known, else a mention, where mentions are allowed. */
function byWhom(listing: DatasetListing, mentions: boolean): string {
  if (listing.addedBy.name) return ` by ${safe(listing.addedBy.name)}`;
  return mentions ? ` by <@${listing.addedBy.id}>` : '';
}

/**
 * `/analyze list`: the channel's datasets, newest first, with size, when and by
 * whom; uploaders are mentioned only where the reply allows it.
 */
export function listMessage(reply: DatasetListReply): SlackContent {
  if (reply.datasets.length === 0) return noDatasetMessage();
  const lines = reply.datasets.map(
    (listing) =>
      `• ${datasetTitleMrkdwn(listing.title)} · added ${slackDate(listing.addedAt)}${byWhom(listing, reply.mentionUploaders)}`,
  );
  const text = `${reply.datasets.length} dataset${reply.datasets.length === 1 ? '' : 's'} in this channel`;
  return {
    text,
    blocks: [section(`*${text}*`), section(lines.join('\n')), context(WHICH_DATASET_HINT)],
  };
}

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
  '• `/analyze digest weekly total sales by region on Monday 9:00` posts what changed every week (daily and monthly too); `/analyze digests` lists this channel’s digests, to pause, send now or delete them.',
].join('\n');

/** `/analyze help`, with examples that work on the channel's own newest dataset when there is one. */
export function helpMessage(reply: HelpReply): SlackContent {
  const blocks: KnownBlock[] = [section(HOW_TO_ASK)];
  if (reply.examples) {
    blocks.push(section(`Questions that work on ${datasetTitleMrkdwn(reply.examples.title)}:`));
    blocks.push(askButtons(reply.examples.actions));
  } else {
    blocks.push(section(`For example: ${GENERIC_EXAMPLES}. Drop a CSV or Excel file here to start.`));
  }
  return { text: 'How to ask me about your data', blocks };
}
