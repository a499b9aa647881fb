import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, type MessageFields } from '../../message-fields';

/** `@bot how did revenue do?`: answered in the mention's thread (a new one when it was a top-level message). */
export function appMention(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const teamId = context.teamId;
    if (!teamId || !isFromPerson(message, context.botUserId)) return;
    // A file shared with a mention is the file listener's (the text becomes the ingest's question); DMs are the DM listener's.
    if (message.files?.length || isDirectMessage(message)) return;
    await askInThread(deps, {
      client,
      context: { ...context, teamId },
      message,
      thread: message.thread_ts ?? message.ts,
    });
  };
}
