import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { EdgeDeps } from '../../edge-deps';
import { enqueueJob } from '../../enqueue-job';
import {
  isDirectMessage,
  isFromPerson,
  mentionsBot,
  withoutBotMention,
  type MessageFields,
} from '../../message-fields';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from '../../slack-jobs';

/**
 * A reply in a thread may be a follow-up to one of the bot's answers. The edge
 * cannot tell, so it queues a question without a placeholder and the worker,
 * which knows its threads, drops replies in threads that are not its own.
 */
export function threadReply(deps: EdgeDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    if (!isFromPerson(message, context.botUserId) || message.files?.length) return;
    if (!message.thread_ts || message.thread_ts === message.ts) return;
    // A mention in a channel thread also arrives as `app_mention`, which answers it with a placeholder.
    if (mentionsBot(message.text, context.botUserId) && !isDirectMessage(message)) return;
    const text = withoutBotMention(message.text, context.botUserId);
    if (!text || text.length > MAX_QUESTION_LENGTH) return;
    const origin = {
      eventKey: eventKeys.message(body.team_id, message.channel, message.ts),
      team: body.team_id,
      channel: message.channel,
      thread: message.thread_ts,
      user: message.user,
    };
    await enqueueJob({ ...jobBase(origin, deps.now()), kind: 'question', text, via: 'thread' }, client, deps);
  };
}
