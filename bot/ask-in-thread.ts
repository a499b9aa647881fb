import type { Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { EdgeDeps } from './edge-deps';
import { postPlaceholder, tellInThread } from './edge-messages';
import { edgeTexts } from './edge-texts';
import { enqueueJob } from './enqueue-job';
import { withoutBotMention, type MessageFields } from './message-fields';
import { deliveryOf } from './redelivery';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from './slack-jobs';

export interface AskRequest {
  client: WebClient;
  /** Bolt's context: the team, the bot's user id (its mention is taken out) and the retry headers. */
  context: Pick<Context, 'teamId' | 'botUserId' | 'retryNum' | 'retryReason'> & { teamId: string; answerBy?: unknown };
  /** A person's message addressed to the bot. */
  message: MessageFields & { user: string };
  /** The thread to answer in. */
  thread: string;
}

/**
 * A question addressed to the bot (a mention, a DM): a placeholder in the
 * thread, then the job. A mention with nothing after it gets the help.
 */
export async function askInThread(deps: EdgeDeps, { client, context, message, thread }: AskRequest): Promise<void> {
  const team = context.teamId;
  const origin = {
    eventKey: eventKeys.message(team, message.channel, message.ts),
    team,
    channel: message.channel,
    thread,
    user: message.user,
  };
  const text = withoutBotMention(message.text, context.botUserId);
  const delivery = deliveryOf(context);
  if (delivery === 'first-still-running') {
    return deps.logger.info('Left a slow event to the attempt still handling it', { eventKey: origin.eventKey });
  }
  const first = delivery === 'first';
  const target = { channel: origin.channel, thread: origin.thread };
  if (text.length > MAX_QUESTION_LENGTH) {
    if (first)
      await tellInThread(client, deps.logger, target, edgeTexts.questionTooLong(text.length, MAX_QUESTION_LENGTH));
    return;
  }
  const placeholder = first ? await postPlaceholder(client, deps.logger, target, edgeTexts.working) : undefined;
  const base = jobBase({ ...origin, placeholder }, deps.now());
  await enqueueJob(
    text ? { ...base, kind: 'question', text, via: 'mention' } : { ...base, kind: 'command', command: 'help' },
    client,
    deps,
    context,
  );
}
