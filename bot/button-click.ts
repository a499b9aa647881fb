import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import { decodeButtonValue } from '../core/slack-actions';
import type { EdgeLogger } from './edge-deps';
import { tellPrivately } from './edge-messages';
import { edgeTexts } from './edge-texts';

/** The team (Bolt's `context.teamId`), channel and thread of the message whose button was clicked. */
export interface ClickedIn {
  team: string;
  channel: string;
  thread: string;
  user: string;
}

/**
 * Reads where a click happened. An ephemeral message has no `message` in the
 * payload, only the `container`; a click outside a conversation (App Home)
 * has no channel and nothing to answer in.
 */
export function clickedIn(body: BlockAction, team: string | undefined): ClickedIn | undefined {
  const container = body.container as { message_ts?: string; thread_ts?: string } | undefined;
  const channel = body.channel?.id;
  const thread = body.message?.thread_ts ?? body.message?.ts ?? container?.thread_ts ?? container?.message_ts;
  if (!channel || !thread || !team) return undefined;
  return { team, channel, thread, user: body.user.id };
}

/**
 * The clicked button's value, or `undefined` after telling the clicker the
 * button is stale (a value from an older reply format, or tampered with).
 */
export async function readButtonValue<T>(
  schema: z.ZodType<T>,
  action: ButtonAction,
  where: ClickedIn,
  client: WebClient,
  logger: EdgeLogger,
): Promise<T | undefined> {
  try {
    return decodeButtonValue(schema, action.value);
  } catch (error) {
    logger.warn('A button carried an unreadable value', { actionId: action.action_id, error });
    await tellPrivately(client, logger, where, edgeTexts.staleButton);
    return undefined;
  }
}
