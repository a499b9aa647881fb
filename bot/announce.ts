import type { WebClient } from '@slack/web-api';
import { NO_UNFURLS } from '../core/slack-text';
import type { EdgeLogger } from './edge-deps';
import { slackErrorOf } from './edge-messages';
import { edgeTexts } from './edge-texts';

/** Slack's answers when the bot is not a member of the conversation a command came from. */
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Posts a slash command's announcement, whose ts becomes the answer's thread.
 * On failure the command's user gets a notice saying why (the bot is not in
 * the channel, most often), since without a thread there is nowhere to answer.
 */
export async function announce(
  client: WebClient,
  logger: EdgeLogger,
  channel: string,
  text: string,
): Promise<{ ok: true; ts: string } | { ok: false; notice: string }> {
  try {
    const posted = await client.chat.postMessage({ channel, text, ...NO_UNFURLS });
    if (posted.ts) return { ok: true, ts: posted.ts };
  } catch (error) {
    const code = slackErrorOf(error);
    logger.warn('Could not announce a command', { channel, error: code });
    if (NOT_A_MEMBER.has(code)) return { ok: false, notice: edgeTexts.notInChannel };
  }
  return { ok: false, notice: edgeTexts.couldNotPost };
}
