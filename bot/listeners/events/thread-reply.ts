import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { botHasPostedIn } from '../../bot-thread';
import type { EdgeDeps } from '../../edge-deps';
import { tellPrivately } from '../../edge-messages';
import { edgeTexts } from '../../edge-texts';
import { enqueueJob } from '../../enqueue-job';
import {
  isDirectMessage,
  isFromPerson,
  mentionsBot,
  withoutBotMention,
  type MessageFields,
} from '../../message-fields';
import { deliveryOf } from '../../redelivery';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from '../../slack-jobs';

/**
 * A reply in a thread may be a follow-up to one of the bot's answers. Asking
 * Slack for every reply would cost a call per message, so the edge queues a
 * question without a placeholder and the worker, which knows its threads,
 * drops replies in threads that are not its own. With no placeholder to
 * orphan, a redelivery is always queued again (SQS or, after five minutes,
 * the worker's job ledger drops the copy), in case the first attempt never
 * got that far.
 */
export function threadReply(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const team = context.teamId;
    if (!team || !isFromPerson(message, context.botUserId) || message.files?.length) return;
    if (!message.thread_ts || message.thread_ts === message.ts) return;
    // A mention in a channel thread also arrives as `app_mention`, which answers it with a placeholder.
    if (mentionsBot(message.text, context.botUserId) && !isDirectMessage(message)) return;
    const text = withoutBotMention(message.text, context.botUserId);
    if (!text) return;
    const thread = { channel: message.channel, thread: message.thread_ts };
    if (text.length > MAX_QUESTION_LENGTH) {
      // Said only where the bot has posted: anywhere else the reply is most likely people talking to each other.
      if (deliveryOf(context) === 'first' && (await botHasPostedIn(client, deps.logger, thread, context.botUserId))) {
        const notice = edgeTexts.questionTooLong(text.length, MAX_QUESTION_LENGTH);
        await tellPrivately(client, deps.logger, { ...thread, user: message.user }, notice);
      }
      return;
    }
    const origin = {
      eventKey: eventKeys.message(team, message.channel, message.ts),
      team,
      ...thread,
      user: message.user,
    };
    await enqueueJob({ ...jobBase(origin, deps.now()), kind: 'question', text, via: 'thread' }, client, deps, context);
  };
}
