import { plainText } from '../core/slack-text';
import type { SharedFile } from './file-kinds';

/**
 * The fields of a `message` or `app_mention` event the edge reads. Bolt types
 * message events as a union of every subtype; the listeners read these few
 * fields and check them, so one flat shape is easier to reason about.
 */
export interface MessageFields {
  channel: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel_type?: string;
  files?: SharedFile[];
}

/** Subtypes a person's own message can have; edits, deletions, joins and bot posts are not questions. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** A message a person wrote: not this app's, not another bot's, not an edit or a channel notice. */
export function isFromPerson(
  message: MessageFields,
  botUserId: string | undefined,
): message is MessageFields & { user: string } {
  if (!message.user || message.bot_id || message.user === botUserId) return false;
  return message.subtype === undefined || PERSON_SUBTYPES.has(message.subtype);
}

export function mentionsBot(text: string | undefined, botUserId: string | undefined): boolean {
  return botUserId !== undefined && (text ?? '').includes(`<@${botUserId}`);
}

/** What the person typed, as plain text, with this bot's mentions (`<@U…>`, `<@U…|name>`) taken out. */
export function withoutBotMention(text: string | undefined, botUserId: string | undefined): string {
  if (!botUserId) return plainText(text ?? '');
  return plainText((text ?? '').replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' '));
}

/** DMs with the bot are addressed to it without a mention; Slack sends no `app_mention` for them. */
export function isDirectMessage(message: MessageFields): boolean {
  return message.channel_type === 'im' || message.channel.startsWith('D');
}
