import type { Conversation } from '../../core/job';
import type { ConversationPort } from './conversation-port';

type Platform = Conversation['platform'];

/** Opens the port for one conversation of a platform (reading its credentials); may fail with `NOT_CONFIGURED`. */
export type ConversationOpener<P extends Platform = Platform> = (
  conversation: Extract<Conversation, { platform: P }>,
) => Promise<ConversationPort>;

/**
 * The adapters a worker has, by platform; composed in the entry points
 * (`workers/lambda.ts`, `local/`). A platform without one is acknowledged and
 * dropped ("unsupported"), never half served.
 *
 * @example
 * const conversations: ConversationAdapters = { slack: slackConversations({ secrets, client }) };
 */
export type ConversationAdapters = { [P in Platform]?: ConversationOpener<P> };

/**
 * How to open `conversation`'s port, or `undefined` when no adapter serves its platform.
 *
 * @example
 * const open = openerFor(deps.conversations, job.conversation);
 * if (!open) return 'unsupported';
 * const port = await open();
 */
export function openerFor(
  adapters: ConversationAdapters,
  conversation: Conversation,
): (() => Promise<ConversationPort>) | undefined {
  if (conversation.platform === 'slack') {
    const open = adapters.slack;
    return open && (() => open(conversation));
  }
  if (conversation.platform === 'playground') {
    const open = adapters.playground;
    return open && (() => open(conversation));
  }
  const open = adapters.teams;
  return open && (() => open(conversation));
}
