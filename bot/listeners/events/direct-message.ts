import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { askInThread } from '../../ask-in-thread';
import type { EdgeDeps } from '../../edge-deps';
import { isDirectMessage, isFromPerson, type MessageFields } from '../../message-fields';

/** A top-level message in a DM with the bot is addressed to it, like a mention. */
export function directMessage(deps: EdgeDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageFields;
    const teamId = context.teamId;
    if (!teamId || !isFromPerson(message, context.botUserId) || !isDirectMessage(message)) return;
    if (message.thread_ts || message.files?.length) return;
    await askInThread(deps, { client, context: { ...context, teamId }, message, thread: message.ts });
  };
}
