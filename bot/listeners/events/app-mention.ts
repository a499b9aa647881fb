import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, withoutBotMention, type MessageFields } from '../../message-fields';
import { eventKeys } from '../../slack-jobs';

/** `@bot how did revenue do?`: answered in the mention's thread (a new one when it was a top-level message). */
export function appMention(deps: EdgeDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    if (!isFromPerson(message, context.botUserId)) return;
    // A file shared with a mention is the file listener's (the text becomes the ingest's question); DMs are the DM listener's.
    if (message.files?.length || isDirectMessage(message)) return;
    const thread = message.thread_ts ?? message.ts;
    const origin = {
      eventKey: eventKeys.message(body.team_id, message.channel, message.ts),
      team: body.team_id,
      channel: message.channel,
      thread,
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
