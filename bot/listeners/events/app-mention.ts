import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { deliveryOf } from '../../redelivery';
import { eventKeys } from '../../slack-jobs';

/** `@bot how did revenue do?`: answered in the mention's thread (a new one when it was a top-level message). */
export function appMention(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const team = context.teamId;
    if (!team || !isFromPerson(message, context.botUserId)) return;
    // A file shared with a mention is the file listener's (the text becomes the ingest's question); DMs are the DM listener's.
    if (message.files?.length || isDirectMessage(message)) return;
    const thread = message.thread_ts ?? message.ts;
    const origin = {
      eventKey: eventKeys.message(team, message.channel, message.ts),
      team,
      channel: message.channel,
      thread,
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
