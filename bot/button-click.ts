import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Job } from '../core/job';
import { decodeButtonValue } from '../core/slack-actions';
import type { EdgeDeps, EdgeLogger } from './edge-deps';
import { postPlaceholder, tellPrivately } from './edge-messages';
import { edgeTexts } from './edge-texts';
import { enqueueJob } from './enqueue-job';
import { eventKeys, jobBase } from './slack-jobs';

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
function clickedIn(body: BlockAction, team: string | undefined): ClickedIn | undefined {
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
async function readButtonValue<T>(
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

/** What a kind of button asks for: the value it carries, the placeholder's words, the job it queues. */
export interface ButtonRequest<T> {
  value: z.ZodType<T>;
  placeholder: (value: T) => string;
  /** `clicker` is who clicked, with a client to ask Slack about them (their time zone, say). */
  job: (value: T, base: ReturnType<typeof jobBase>, clicker: { user: string; client: WebClient }) => Job | Promise<Job>;
}

/**
 * A button's listener: ack, read where and what was clicked, post the
 * placeholder in that thread and queue the job. A click outside a
 * conversation, or with a stale value, queues nothing.
 */
export function buttonListener<T>(deps: EdgeDeps, request: ButtonRequest<T>) {
  return async ({
    ack,
    body,
    action,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const where = clickedIn(body, context.teamId);
    if (!where) return deps.logger.warn('A button was clicked outside a conversation', { actionId: action.action_id });
    const value = await readButtonValue(request.value, action, where, client, deps.logger);
    if (value === undefined) return;
    const placeholder = await postPlaceholder(client, deps.logger, where, request.placeholder(value));
    const base = jobBase(
      { ...where, eventKey: eventKeys.action(where.team, body.trigger_id, action.action_id), placeholder },
      deps.now(),
    );
    await enqueueJob(await request.job(value, base, { user: where.user, client }), client, deps, context);
  };
}
