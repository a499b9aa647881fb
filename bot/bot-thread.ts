import type { WebClient } from '@slack/web-api';
import type { EdgeLogger } from './edge-deps';
import { slackErrorOf } from './edge-messages';

/** Enough of a thread to find the bot's first reply, which comes early: a placeholder, a dataset summary, an answer. */
const REPLIES_READ = 200;

/**
 * Whether the bot has posted in a thread: how the edge tells a reply meant for
 * it from a conversation between people before it says anything there. A
 * lookup that fails counts as no, since staying quiet is the lesser harm.
 */
export async function botHasPostedIn(
  client: WebClient,
  logger: EdgeLogger,
  target: { channel: string; thread: string },
  botUserId: string | undefined,
): Promise<boolean> {
  if (!botUserId) return false;
  try {
    const replies = await client.conversations.replies({
      channel: target.channel,
      ts: target.thread,
      limit: REPLIES_READ,
    });
    return (replies.messages ?? []).some((message) => message.user === botUserId);
  } catch (error) {
    logger.warn('Could not read a thread', { channel: target.channel, error: slackErrorOf(error) });
    return false;
  }
}
