import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { deliveryOf } from '../../redelivery';
import { eventKeys } from '../../slack-jobs';

/** A top-level message in a DM with the bot is addressed to it, like a mention. */
export function directMessage(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const team = context.teamId;
    if (!team || !isFromPerson(message, context.botUserId) || !isDirectMessage(message)) return;
    if (message.thread_ts || message.files?.length) return;
    const origin = {
      eventKey: eventKeys.message(team, message.channel, message.ts),
      team,
      channel: message.channel,
      thread: message.ts,
      user: message.user,
    };
    await askInThread(deps, {
      client,
      origin,
      text: withoutBotMention(message.text, context.botUserId),
      delivery: deliveryOf(context),
    });
  };
}
