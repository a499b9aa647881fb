import type { KnownBlock } from '@slack/types';
import { titleText } from '../conversation/dataset-words';
import type { ProfileColumn, ProfileNote, ProfileReply } from '../conversation/reply';
import { askButtons } from './ask-buttons';
import { datasetTitleMrkdwn } from './dataset-title';
import { context, safe, section, type SlackContent } from './slack-content';

function columnLabel(column: ProfileColumn): string {
  return column.details.length ? `${safe(column.name)} (${safe(column.details.join(', '))})` : safe(column.name);
}

function noteLine(note: ProfileNote): string {
  return `:warning: ${note.column === undefined ? '' : `*${safe(note.column)}*: `}${safe(note.text)}`;
}

/**
 * The reply to a shared file: its one-line title, its columns by role, what
 * is worth knowing about how it was read, and three questions to ask as buttons.
 * The overview chart is uploaded into the thread next to it.
 */
export function profileMessage(reply: ProfileReply): SlackContent {
  const roles = reply.roles.map(({ label, columns }) => `*${label}:* ${columns.map(columnLabel).join(', ')}`);
  const blocks: KnownBlock[] = [section(datasetTitleMrkdwn(reply.title)), section(roles.join('\n'))];
  if (reply.notes.length) blocks.push(context(...reply.notes.map(noteLine)));
  if (reply.actions.length) {
    blocks.push(section('Try one of these, or reply in this thread with your own question:'));
    blocks.push(askButtons(reply.actions));
  } else {
    blocks.push(section('Reply in this thread with a question about it.'));
  }
  return { text: safe(titleText(reply.title)), blocks };
}
