import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { eventKeys } from '../../slack-jobs';

/** A top-level message in a DM with the bot is addressed to it, like a mention. */
export function directMessage(deps: EdgeDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    if (!isFromPerson(message, context.botUserId) || !isDirectMessage(message)) return;
    if (message.thread_ts || message.files?.length) return;
    const origin = {
      eventKey: eventKeys.message(body.team_id, message.channel, message.ts),
      team: body.team_id,
      channel: message.channel,
      thread: message.ts,
      user: message.user,
    };
    await askInThread(deps, {
      client,
      origin,
      text: withoutBotMention(message.text, context.botUserId),
      retry: context.retryNum !== undefined,
    });
  };
}
