import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderBlobStore } from '../../../core/folder-blob-store';
import type { TeamsConversation } from '../../../core/job';
import { TeamsConnector } from '../../../core/teams-connector';
import type { ConversationPort } from '../../../workers/conversation/conversation-port';
import { FileLinks } from '../../../workers/teams/file-links';
import { teamsConversations, type TeamsPortDeps } from '../../../workers/teams/teams-conversation';
import { FakeBotConnector, type ConnectorActivity } from '../../fakes/bot-connector';
import { FakeMicrosoftGraph } from '../../fakes/microsoft-graph';

export const BOT_TOKEN = 'teams-bot-token';
export const GRAPH_TOKEN = 'graph-token';
export const APP_ID = '00000000-0000-0000-0000-00000000b07a';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CHANNEL = '19:general@thread.tacv2';
export const TEAM_GROUP = '11111111-2222-3333-4444-555555555555';

/** The visible text of a card message: its TextBlocks and FactSet, Teams markdown escapes undone. */
export function visibleText(activity: ConnectorActivity | undefined): string | undefined {
  if (!activity) return undefined;
  if (activity.text !== undefined) return activity.text;
  const content = (activity.attachments?.[0] as { content?: { body?: Record<string, unknown>[] } } | undefined)
    ?.content;
  const lines = (content?.body ?? []).flatMap((element) => {
    if (element.type === 'TextBlock') return [String(element.text)];
    if (element.type === 'FactSet')
      return (element.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`);
    return [];
  });
  return lines.join('\n').replace(/\\(.)/g, '$1');
}

/** The Bot Connector, Graph and a file host behind loopback fakes, with ports opened on them the way the worker does. */
export class TeamsWorld {
  readonly connector = new FakeBotConnector(BOT_TOKEN);
  readonly graph = new FakeMicrosoftGraph(GRAPH_TOKEN);
  readonly dir = mkdtempSync(join(tmpdir(), 'teams-links-'));
  readonly store = new FolderBlobStore(this.dir);
  links!: FileLinks;
  deps!: Omit<TeamsPortDeps, 'botId'>;

  async start(): Promise<this> {
    await Promise.all([this.connector.start(), this.graph.start()]);
    this.links = new FileLinks({
      store: this.store,
      baseUrl: 'https://bot.example/prod/teams/files',
      key: Buffer.alloc(32, 7),
    });
    this.deps = {
      connector: new TeamsConnector({
        token: async () => BOT_TOKEN,
        serviceUrlAllowed: (url) => url.origin === new URL(this.connector.serviceUrl).origin,
        retry: { baseDelayMs: 1, maxDelayMs: 50 },
      }),
      files: {
        graphUrl: this.graph.graphUrl,
        graphToken: async () => GRAPH_TOKEN,
        fileHostAllowed: (url) => url.origin === this.graph.fileHostUrl,
      },
      links: this.links,
    };
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.connector.stop(), this.graph.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  conversation(type: TeamsConversation['conversationType'], thread?: string): TeamsConversation {
    const ids = { channel: CHANNEL, personal: 'a:1personal-alice', groupChat: '19:group@thread.v2' };
    return {
      platform: 'teams',
      tenant: TENANT,
      conversationId: ids[type],
      conversationType: type,
      serviceUrl: this.connector.serviceUrl,
      ...(type === 'channel' ? { team: '19:team@thread.tacv2', teamGroupId: TEAM_GROUP, channel: CHANNEL } : {}),
      ...(thread ? { thread } : {}),
    };
  }

  open(conversation: TeamsConversation, configured = true): Promise<ConversationPort> {
    const secrets = {
      get: async (name: string) =>
        configured ? { teamsAppId: APP_ID, teamsAppPassword: 'pw', teamsTenantId: TENANT }[name] : undefined,
    };
    return teamsConversations({ secrets, clients: () => this.deps })(conversation);
  }

  /** The bytes behind a card's image or download button: inline data, or a signed link resolved in the store. */
  async bytesOf(activity: ConnectorActivity): Promise<{ filename: string; bytes: Buffer } | undefined> {
    const content = (
      activity.attachments?.[0] as {
        content?: { body?: Record<string, unknown>[]; actions?: Record<string, unknown>[] };
      }
    )?.content;
    const image = content?.body?.find((element) => element.type === 'Image');
    const download = content?.actions?.find((action) => action.type === 'Action.OpenUrl');
    const url = String(image?.url ?? download?.url ?? '');
    if (!url) return undefined;
    // A chart card's caption names its file.
    const caption = String(content?.body?.at(-1)?.text ?? '').replace(/\\(.)/g, '$1');
    if (url.startsWith('data:')) return { filename: caption, bytes: Buffer.from(url.split(',')[1] ?? '', 'base64') };
    const resolved = this.links.resolve(new URL(url).pathname.replace(/^\/prod\/teams\/files/, ''));
    const bytes = resolved && (await this.store.get(resolved.key));
    return bytes ? { filename: url.split('/').at(-1) ?? '', bytes: Buffer.from(bytes) } : undefined;
  }
}
