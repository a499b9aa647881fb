import type { Readable } from 'node:stream';
import type { TeamsConversation } from '../../core/job';
import type { SecretSource } from '../../core/secret-source';
import { TeamsConnector, TeamsConnectorError, type OutgoingActivity } from '../../core/teams-connector';
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
import { ADAPTIVE_CARD, card, type TeamsCard } from './adaptive-card';
import { adaptiveCardReply } from './adaptive-card-reply';
import { subtle, teamsText, textBlock } from './card-text';
import type { FileLinks } from './file-links';
import { filesOfMessage, openGraphFile, openPersonalFile, type TeamsFilesOptions } from './teams-files';

/**
 * Teams refuses messages past about 100 KB, counted in UTF-16 code units (413 MessageSizeTooBig),
 * and Microsoft recommends staying under 80 KB; a chart is inlined only while the whole activity does.
 */
export const INLINE_LIMIT = 80 * 1024;

export interface TeamsPortDeps {
  /** The Bot Connector client, with the bot's token (see `core/teams-connector`). */
  connector: TeamsConnector;
  /** The bot's own id, `28:{appId}`. */
  botId: string;
  files: TeamsFilesOptions;
  /** Where charts too big to inline and CSV exports are published; without it they cannot be linked. */
  links?: FileLinks;
}

/** A card as the single attachment of a message: never with `text` beside it, or Teams splits the two. */
function activityOf({ summary, card: content }: TeamsCard): OutgoingActivity {
  return { type: 'message', summary, attachments: [{ contentType: ADAPTIVE_CARD, content }] };
}

/** The conversation port on one Teams chat or channel, through the Bot Connector. */
export class TeamsConversationPort implements ConversationPort {
  /** Channel files this port listed through Graph: those are fetched through Graph too. */
  private readonly graphFiles = new Set<string>();
  /** The thread of each message this port sent, to edit it at the same address; others are in the port's thread. */
  private readonly sentIn = new Map<string, string | undefined>();

  constructor(
    private readonly conversation: TeamsConversation,
    private readonly deps: TeamsPortDeps,
  ) {}

  get thread(): string | undefined {
    return this.conversation.thread;
  }

  /** In a channel, a reply goes to its thread (`…;messageid={root}`); chats have no threads. */
  async post(reply: Reply, thread?: string, options?: SendOptions): Promise<string> {
    return this.send(activityOf(adaptiveCardReply(reply)), thread, options);
  }

  async update(message: string, reply: Reply, options?: SendOptions): Promise<void> {
    try {
      const thread = this.sentIn.has(message) ? this.sentIn.get(message) : this.thread;
      await this.connector(options).update(this.address(thread), message, activityOf(adaptiveCardReply(reply)));
    } catch (error) {
      // 404: the message was deleted; 403 on an edit: it is not the bot's (or no longer may be edited).
      if (error instanceof TeamsConnectorError && (error.status === 404 || error.status === 403)) {
        throw new ConversationError('MESSAGE_GONE', `Teams answered HTTP ${error.status} to the edit.`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * A chart is shown in a card of its own in the thread (inline, or from a signed link when inline
   * would pass Teams' size limit); a CSV gets a card with a download button on a signed link, as a
   * bot cannot put a file into a channel without a SharePoint upload of its own.
   */
  async attach(file: Attachment, thread: string): Promise<string> {
    if (file.mediaType === 'image/png') return this.send(await this.chartActivity(file), thread);
    const links = this.requireLinks();
    const url = await links.publish(file.bytes, file.filename, 'text/csv');
    const download = card(
      `${file.title}: ${file.filename}`,
      [textBlock(`📄 **${teamsText(file.filename)}**`), subtle(teamsText(file.title))],
      [{ type: 'Action.OpenUrl', title: `Download ${file.filename}`, url }],
    );
    return this.send(activityOf(download), thread);
  }

  /**
   * Bots have no reactions API in Teams, and an extra message per file would be noise: the profile
   * card or the problem reply in the file's thread already says how reading it ended. So a mark shows nothing.
   */
  async mark(_message: string, _mark: FileMark): Promise<void> {}

  sharedFiles(message: { id: string; root?: string }): Promise<SharedFile[]> {
    return filesOfMessage(this.deps.files, this.conversation, message).then((files) => {
      for (const file of files) this.graphFiles.add(file.downloadUrl);
      return files;
    });
  }

  fetchFile(file: SharedFile, limits: FetchLimits): Promise<Readable> {
    return this.graphFiles.has(file.downloadUrl)
      ? openGraphFile(this.deps.files, this.conversation, file, limits)
      : openPersonalFile(this.deps.files, file, limits);
  }

  /** A proactive 1:1 chat: Teams creates it (or finds the existing one), then the reply goes there. */
  async tellPrivately(person: string, reply: Reply): Promise<string> {
    const { serviceUrl, tenant } = this.conversation;
    const chat = await this.deps.connector.createPersonalConversation(serviceUrl, {
      botId: this.deps.botId,
      person,
      tenantId: tenant,
    });
    return this.deps.connector.send({ serviceUrl, conversationId: chat }, activityOf(adaptiveCardReply(reply)));
  }

  private async chartActivity(file: Attachment): Promise<OutgoingActivity> {
    const show = (url: string) =>
      activityOf(
        card(file.title, [
          textBlock(`**${teamsText(file.title)}**`),
          { type: 'Image', url, altText: file.title, size: 'Stretch' },
          subtle(teamsText(file.filename)),
        ]),
      );
    const inline = show(`data:image/png;base64,${file.bytes.toString('base64')}`);
    if (JSON.stringify(inline).length <= INLINE_LIMIT) return inline;
    if (this.deps.links) return show(await this.deps.links.publish(file.bytes, file.filename, 'image/png'));
    // Sending it anyway would be refused as too big (413), and the answer must still arrive.
    return activityOf(
      card(file.title, [
        textBlock(`**${teamsText(file.title)}**`),
        subtle(
          'The chart is too large to show in Teams here: this deployment has no file links set up (TEAMS_FILES_URL).',
        ),
      ]),
    );
  }

  private requireLinks(): FileLinks {
    if (!this.deps.links) {
      throw new ConversationError('NOT_CONFIGURED', 'Teams file links are not configured (TEAMS_FILES_URL).');
    }
    return this.deps.links;
  }

  private async send(activity: OutgoingActivity, thread: string | undefined, options?: SendOptions): Promise<string> {
    const id = await this.connector(options).send(this.address(thread), activity);
    this.sentIn.set(id, thread);
    return id;
  }

  private address(thread: string | undefined) {
    const root = this.conversation.conversationId.split(';')[0] ?? this.conversation.conversationId;
    const threaded = this.conversation.conversationType === 'channel' && thread;
    return {
      serviceUrl: this.conversation.serviceUrl,
      conversationId: threaded ? `${root};messageid=${thread}` : root,
    };
  }

  /** With a time limit: one try within it, no waiting out a throttle. */
  private connector(options: SendOptions | undefined): TeamsConnector {
    return options?.timeoutMs === undefined ? this.deps.connector : this.deps.connector.quick(options.timeoutMs);
  }
}

export interface TeamsConversationsOptions {
  /** Holds `teamsAppId`, `teamsAppPassword` and `teamsTenantId`. */
  secrets: SecretSource;
  /** Builds the clients once per credentials (token caches live in them). */
  clients: (credentials: TeamsCredentials) => Omit<TeamsPortDeps, 'botId'>;
}

export interface TeamsCredentials {
  appId: string;
  appPassword: string;
  tenantId: string;
}

/**
 * Opens Teams conversations with the app's credentials from `secrets`; missing ones fail with
 * `NOT_CONFIGURED`. The clients (and their cached tokens) are built once per credentials.
 *
 * @example
 * const conversations = { teams: teamsConversations({ secrets, clients: teamsClients(config) }) };
 */
export function teamsConversations(options: TeamsConversationsOptions): ConversationOpener<'teams'> {
  let built: { key: string; deps: Omit<TeamsPortDeps, 'botId'> } | undefined;
  return async (conversation) => {
    const [appId, appPassword, tenantId] = await Promise.all([
      options.secrets.get('teamsAppId'),
      options.secrets.get('teamsAppPassword'),
      options.secrets.get('teamsTenantId'),
    ]);
    if (!appId || !appPassword || !tenantId) {
      throw new ConversationError('NOT_CONFIGURED', 'The Teams app id, password or tenant id is not configured.');
    }
    const key = `${appId}\n${tenantId}\n${appPassword}`;
    if (built?.key !== key) built = { key, deps: options.clients({ appId, appPassword, tenantId }) };
    return new TeamsConversationPort(conversation, { ...built.deps, botId: `28:${appId}` });
  };
}
