import type { WebClient } from '@slack/web-api';
import type { Placeholder } from '../core/job';
import { NO_UNFURLS } from '../core/slack-text';
import type { EdgeLogger } from './edge-deps';

/** Where the edge posts: a channel, and the thread when there is one. */
export interface PostTarget {
  channel: string;
  thread?: string;
}

/**
 * Posts the message the worker will edit into progress and the answer. A
 * failure is logged and leaves the job without a placeholder (the worker then
 * posts its reply fresh), because the request itself can still be served.
 */
export async function postPlaceholder(
  client: WebClient,
  logger: EdgeLogger,
  target: PostTarget,
  text: string,
): Promise<Placeholder | undefined> {
  try {
    const posted = await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.thread,
      text,
      ...NO_UNFURLS,
    });
    return posted.ts ? { channel: target.channel, ts: posted.ts } : undefined;
  } catch (error) {
    logger.warn('Could not post a placeholder', { channel: target.channel, error: slackErrorOf(error) });
    return undefined;
  }
}

/** Posts a short notice in the thread; a failure is logged, as there is nowhere else to say it. */
export async function tellInThread(client: WebClient, logger: EdgeLogger, target: PostTarget, text: string) {
  try {
    await client.chat.postMessage({ channel: target.channel, thread_ts: target.thread, text, ...NO_UNFURLS });
  } catch (error) {
    logger.warn('Could not post a notice', { channel: target.channel, error: slackErrorOf(error) });
  }
}

/** Only the person who asked sees it; used where there is no placeholder to edit. */
export async function tellPrivately(
  client: WebClient,
  logger: EdgeLogger,
  target: PostTarget & { user: string },
  text: string,
) {
  try {
    await client.chat.postEphemeral({ channel: target.channel, user: target.user, thread_ts: target.thread, text });
  } catch (error) {
    logger.warn('Could not post an ephemeral notice', { channel: target.channel, error: slackErrorOf(error) });
  }
}

/**
 * Slack's error code (`not_in_channel`, `ratelimited`) or the error's name.
 * Logged instead of the error itself: @slack/web-api errors carry the whole
 * response, and nothing the edge logs should carry more than it needs.
 */
export function slackErrorOf(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
