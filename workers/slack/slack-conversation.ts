import type { Readable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import type { SlackConversation } from '../../core/job';
import type { SecretSource } from '../../core/secret-source';
import type { ConversationOpener } from '../conversation/conversation-adapters';
import { ConversationError } from '../conversation/conversation-errors';
import type {
  Attachment,
  ConversationPort,
  FetchLimits,
  FileMark,
  SendOptions,
  SharedFile,
} from '../conversation/conversation-port';
import type { Reply } from '../conversation/reply';
import { blockKitReply } from './block-kit-reply';
import { openSlackFile, slackFileOrigins } from './file-download';
import type { QuickCall } from './slack-client';
import { SlackReplies } from './slack-replies';

/** Slack's answers to editing a message that is gone or not the bot's. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);
/** Slack's answers to a post where the bot can no longer write. */
const SHUT_OUT = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);
/** Slack's answers when the reactions already are as wanted: another try of the same job got there first. */
const ALREADY = new Set(['no_reaction', 'already_reacted']);
/** The edge's "seen it" reaction on a shared file, swapped for how reading it ended. */
const SEEN = 'eyes';
const MARKS: Record<FileMark, string> = { read: 'white_check_mark', unreadable: 'warning' };

export interface SlackConversationsOptions {
  /** Holds `slackBotToken`. */
  secrets: SecretSource;
  /** Slack clients of the deployment (see `slackClientFactory`). */
  client: (token: string, quick?: QuickCall) => WebClient;
}

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/** The conversation port on one Slack channel, for the bot token it was opened with. */
export class SlackConversationPort implements ConversationPort {
  private readonly web: WebClient;
  private readonly replies: SlackReplies;
  /** Where the token may be sent for a file: Slack's hosts only (see `slackFileOrigins`). */
  private readonly fileOrigins: readonly string[];

  constructor(
    private readonly conversation: SlackConversation,
    private readonly token: string,
    private readonly client: SlackConversationsOptions['client'],
  ) {
    this.web = client(token);
    this.replies = new SlackReplies(this.web, conversation.channel);
    this.fileOrigins = slackFileOrigins(this.web.slackApiUrl);
  }

  get thread(): string | undefined {
    return this.conversation.thread;
  }

  async post(reply: Reply, thread?: string, options?: SendOptions): Promise<string> {
    try {
      return await this.through(options).post(blockKitReply(reply), thread);
    } catch (error) {
      const code = slackError(error);
      if (code && SHUT_OUT.has(code))
        throw new ConversationError('NOT_IN_CONVERSATION', `Slack answered ${code}.`, { cause: error });
      throw error;
    }
  }

  async update(message: string, reply: Reply, options?: SendOptions): Promise<void> {
    try {
      await this.through(options).update(message, blockKitReply(reply));
    } catch (error) {
      const code = slackError(error);
      if (code && GONE.has(code))
        throw new ConversationError('MESSAGE_GONE', `Slack answered ${code}.`, { cause: error });
      throw error;
    }
  }

  attach(file: Attachment, thread: string): Promise<string> {
    return this.replies.upload(file, thread);
  }

  /** Both changes are tried; a reaction already as wanted is no failure. */
  async mark(message: string, mark: FileMark): Promise<void> {
    const failures: unknown[] = [];
    const attempt = async (change: () => Promise<void>) => {
      try {
        await change();
      } catch (error) {
        const code = slackError(error);
        if (!code || !ALREADY.has(code)) failures.push(error);
      }
    };
    await attempt(() => this.replies.unreact(message, SEEN));
    await attempt(() => this.replies.react(message, MARKS[mark]));
    if (failures.length) throw failures[0];
  }

  fetchFile(file: SharedFile, limits: FetchLimits): Promise<Readable> {
    return openSlackFile({
      url: file.downloadUrl,
      token: this.token,
      maxBytes: limits.maxBytes,
      timeoutMs: limits.timeoutMs,
      allowedOrigins: this.fileOrigins,
      ...(limits.signal ? { signal: limits.signal } : {}),
    });
  }

  /** A DM from the bot: Slack opens (or finds) the bot's conversation with the person first. */
  async tellPrivately(person: string, reply: Reply): Promise<string> {
    const opened = await this.web.conversations.open({ users: person });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('Slack opened a direct message without returning its channel.');
    return new SlackReplies(this.web, channel).post(blockKitReply(reply));
  }

  /** `users.info`'s admin and owner flags (the `users:read` scope the manifest already asks for). */
  async isWorkspaceAdmin(person: string): Promise<boolean> {
    const { user } = await this.web.users.info({ user: person });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  }

  /** With a time limit, a client that tries once within it (see `QuickCall`). */
  private through(options: SendOptions | undefined): SlackReplies {
    if (options?.timeoutMs === undefined) return this.replies;
    return new SlackReplies(this.client(this.token, { timeoutMs: options.timeoutMs }), this.conversation.channel);
  }
}

/**
 * Opens Slack conversations with the bot token from `secrets`; a missing
 * token fails with `NOT_CONFIGURED`.
 *
 * @example
 * const conversations = { slack: slackConversations({ secrets, client: slackClientFactory({ apiUrl, logger }) }) };
 */
export function slackConversations(options: SlackConversationsOptions): ConversationOpener<'slack'> {
  return async (conversation) => {
    const token = await options.secrets.get('slackBotToken');
    if (!token) throw new ConversationError('NOT_CONFIGURED', 'The Slack bot token is not configured.');
    return new SlackConversationPort(conversation, token, options.client);
  };
}
