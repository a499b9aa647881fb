import { z } from 'zod';
import type { TeamsConversation } from './job';
import type { TokenProvider } from './teams-token';

/** An activity as the connector takes it: a message, a card, an update. Fields beyond these pass through. */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  [field: string]: unknown;
}

/** Where activities are sent: a conversation's connector and id, `…;messageid={root}` for a channel thread. */
export interface ConnectorAddress {
  serviceUrl: string;
  conversationId: string;
}

/** The connector address of a conversation: in a channel, its thread. */
export function addressOf(conversation: TeamsConversation): ConnectorAddress {
  const threaded = conversation.conversationType === 'channel' && conversation.thread;
  return {
    serviceUrl: conversation.serviceUrl,
    conversationId: threaded
      ? `${conversation.conversationId};messageid=${conversation.thread}`
      : conversation.conversationId,
  };
}

/** Who a proactive 1:1 chat is between: the bot (`28:{appId}`) and one person of a tenant. */
export interface PersonalChat {
  botId: string;
  person: string;
  tenantId: string;
}

export type TeamsConnectorErrorCode =
  /** Teams kept answering 429/412/502/504 past the retries, or asked to wait longer than allowed. */
  | 'TEAMS_BUSY'
  /** Any other refusal: the bot is not in the conversation (403), the message is gone (404), too big (413). */
  | 'TEAMS_REFUSED'
  /** No answer: the connector could not be reached or timed out. */
  | 'TEAMS_UNREACHABLE'
  /** The service URL is not a Bot Connector host: the bot's token is never sent there. */
  | 'TEAMS_SERVICE_URL_REFUSED';

export class TeamsConnectorError extends Error {
  constructor(
    readonly code: TeamsConnectorErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamsConnectorError';
  }
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After past it ends the tries at once. */
  maxDelayMs: number;
}

export interface TeamsConnectorOptions {
  token: TokenProvider;
  /** Hosts the token may be sent to; Bot Connector hosts by default. */
  serviceUrlAllowed?: (url: URL) => boolean;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Microsoft's documented Bot Connector hosts (public cloud, GCC, GCC High, DoD). */
const CONNECTOR_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /\.botframework\.com$/,
  /\.infra\.gov\.teams\.microsoft\.us$/,
  /^smba\.gov\.teams\.microsoft\.us$/,
];

export function isBotConnectorHost(url: URL): boolean {
  return url.protocol === 'https:' && CONNECTOR_HOSTS.some((host) => host.test(url.hostname));
}

/** Teams throttles per bot and thread (429), has transient conflicts (412) and gateway errors (502, 504). */
const RETRIED = new Set([412, 429, 502, 504]);
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

const ResourceResponse = z.object({ id: z.string().optional() }).loose();

/**
 * The two Bot Connector calls the bot makes, for the edge and the worker alike: send an activity to a
 * conversation and replace one. Retries what Teams says is worth retrying, with exponential backoff and
 * jitter, honouring Retry-After; the token comes from the injected provider, which caches it.
 */
export class TeamsConnector {
  private readonly retry: RetryPolicy;
  private readonly doFetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: TeamsConnectorOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.doFetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** The same connector trying once within `timeoutMs`: for a call that must end in time (telling someone a job ran out of it). */
  quick(timeoutMs: number): TeamsConnector {
    return new TeamsConnector({ ...this.options, timeoutMs, retry: { ...this.retry, attempts: 1 } });
  }

  /** `POST /v3/conversations/{id}/activities`; the new activity's id. */
  async send(to: ConnectorAddress, activity: OutgoingActivity): Promise<string> {
    const body = await this.call('POST', to.serviceUrl, activitiesPath(to), activity);
    const id = ResourceResponse.parse(body).id;
    if (!id) throw new TeamsConnectorError('TEAMS_REFUSED', 'Teams accepted the message without giving its id.');
    return id;
  }

  /** `PUT /v3/conversations/{id}/activities/{activityId}`: the message becomes `activity`. */
  async update(to: ConnectorAddress, activityId: string, activity: OutgoingActivity): Promise<void> {
    await this.call('PUT', to.serviceUrl, `${activitiesPath(to)}/${pathSegment(activityId)}`, {
      ...activity,
      id: activityId,
    });
  }

  /**
   * `POST /v3/conversations`: the bot's 1:1 chat with one person of `tenantId` (Teams returns the
   * existing one when there is one); its conversation id, to send to.
   */
  async createPersonalConversation(serviceUrl: string, chat: PersonalChat): Promise<string> {
    const body = await this.call('POST', serviceUrl, '/v3/conversations', {
      isGroup: false,
      bot: { id: chat.botId },
      members: [{ id: chat.person }],
      tenantId: chat.tenantId,
      channelData: { tenant: { id: chat.tenantId } },
    });
    const id = ResourceResponse.parse(body).id;
    if (!id) throw new TeamsConnectorError('TEAMS_REFUSED', 'Teams created the chat without giving its id.');
    return id;
  }

  private async call(method: string, serviceUrl: string, path: string, activity: object): Promise<unknown> {
    const base = new URL(serviceUrl);
    if (!(this.options.serviceUrlAllowed ?? isBotConnectorHost)(base)) {
      throw new TeamsConnectorError('TEAMS_SERVICE_URL_REFUSED', `${base.host} is not a Bot Connector host.`);
    }
    const url = `${base.href.replace(/\/+$/, '')}${path}`;
    const body = JSON.stringify(activity);
    for (let attempt = 1; ; attempt++) {
      const token = await this.options.token();
      let response: Response;
      try {
        response = await this.doFetch(url, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new TeamsConnectorError('TEAMS_UNREACHABLE', `The Bot Connector did not answer ${method}.`, undefined, {
          cause: error,
        });
      }
      if (response.ok) return response.status === 204 ? {} : await response.json().catch(() => ({}));
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      if (!RETRIED.has(response.status)) {
        throw new TeamsConnectorError(
          'TEAMS_REFUSED',
          `Teams refused ${method} (HTTP ${response.status}): ${detail}`,
          response.status,
        );
      }
      const wait = this.delayFor(attempt, response.headers.get('retry-after'));
      if (attempt >= this.retry.attempts || wait === undefined) {
        throw new TeamsConnectorError(
          'TEAMS_BUSY',
          `Teams is busy (HTTP ${response.status}); tried ${attempt} times.`,
          response.status,
        );
      }
      await this.sleep(wait);
    }
  }

  /** Retry-After when Teams sends it, else exponential backoff with jitter; `undefined` when the wait is too long. */
  private delayFor(attempt: number, retryAfter: string | null): number | undefined {
    const asked = retryAfterMs(retryAfter);
    if (asked !== undefined) return asked <= this.retry.maxDelayMs ? asked : undefined;
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    // Half fixed, half random: spread retries of concurrent jobs without ever retrying at once.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

function activitiesPath(to: ConnectorAddress): string {
  return `/v3/conversations/${pathSegment(to.conversationId)}/activities`;
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Conversation and activity ids as Teams writes them in paths: `:`, `@`, `;` and `=` stay as they are
 * (`19:x@thread.tacv2;messageid=17`), anything that would break the path is escaped.
 */
function pathSegment(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%40/g, '@').replace(/%3B/gi, ';').replace(/%3D/gi, '=');
}
