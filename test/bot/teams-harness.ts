import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { edgeSqsClient } from '../../bot/edge-sqs';
import { TeamsTokenCheck } from '../../bot/teams-auth';
import { createTeamsLambda, type TeamsEdgeHandler } from '../../bot/teams-lambda';
import { Job } from '../../core/job';
import { SqsJobQueue } from '../../core/sqs-job-queue';
import { TeamsConnector } from '../../core/teams-connector';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeBotFrameworkKeys } from '../fakes/bot-framework-keys';
import { FakeSqs } from '../fakes/sqs-api';
import { CapturedOutput } from './captured-output';
import { lambdaContext } from './slack-requests';

export const APP_ID = '00000000-0000-4000-8000-00000000b07a';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = `28:${APP_ID}`;
const CONNECTOR_TOKEN = 'connector-token-n3ver-logged';

/**
 * The Teams edge Lambda handler wired to loopback fakes: Bot Framework's OpenID metadata and keys
 * (the real `jose` check runs), the Bot Connector and SQS (the real SQS client), every log line captured.
 */
export class TeamsHarness {
  readonly keys = new FakeBotFrameworkKeys();
  readonly connector = new FakeBotConnector(CONNECTOR_TOKEN);
  readonly sqs = new FakeSqs();
  readonly output = new CapturedOutput();
  private handler: TeamsEdgeHandler | undefined;

  async start(): Promise<this> {
    await Promise.all([this.keys.start(), this.connector.start(), this.sqs.start()]);
    this.output.start();
    const client = edgeSqsClient({
      region: 'us-east-1',
      endpoint: this.sqs.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    this.handler = createTeamsLambda({
      logger: new Logger({ serviceName: 'teams-edge', logLevel: 'DEBUG' }),
      metrics: new Metrics({ namespace: 'AnalyticsBot', serviceName: 'teams-edge' }),
      compose: async () => ({
        tokens: new TeamsTokenCheck({ appId: APP_ID, openIdMetadataUrl: this.keys.metadataUrl }),
        connector: new TeamsConnector({
          token: async () => CONNECTOR_TOKEN,
          serviceUrlAllowed: (url) => url.hostname === '127.0.0.1',
          retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 },
        }),
        queue: new SqsJobQueue(this.sqs.queueUrl(), client),
        logger: new Logger({ serviceName: 'teams-edge', logLevel: 'DEBUG' }),
        maxUploadBytes: 10 * 1024 * 1024,
        tenantId: TENANT,
      }),
    });
    return this;
  }

  async stop(): Promise<void> {
    this.output.stop();
    await Promise.all([this.keys.stop(), this.connector.stop(), this.sqs.stop()]);
  }

  /** Sends an activity with a good token unless told otherwise; `token: null` sends none. */
  async send(
    activity: Record<string, unknown>,
    token: {
      audience?: string;
      issuer?: string;
      expiresIn?: number;
      forged?: boolean;
      serviceUrl?: string;
    } | null = {},
  ): Promise<APIGatewayProxyResult> {
    if (!this.handler) throw new Error('TeamsHarness.start() first');
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) {
      const jwt = await this.keys.token({
        audience: token.audience ?? APP_ID,
        serviceUrl: token.serviceUrl ?? this.connector.serviceUrl,
        issuer: token.issuer,
        expiresIn: token.expiresIn,
        forged: token.forged,
      });
      headers.Authorization = `Bearer ${jwt}`;
    }
    const event = {
      httpMethod: 'POST',
      path: '/teams/messages',
      resource: '/teams/messages',
      headers,
      body: JSON.stringify(activity),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEvent;
    return this.handler(event, lambdaContext());
  }

  jobs(): Job[] {
    return this.sqs.queued.map((message) => Job.parse(JSON.parse(message.body)));
  }

  /** Captured lines holding the connector token. */
  leakedSecrets(): string[] {
    return this.output.lines.filter((line) => line.includes(CONNECTOR_TOKEN));
  }
}

let counter = 0;
/** A fresh activity id, as Teams makes them (channel message ids are epoch milliseconds). */
export function activityId(): string {
  counter += 1;
  return String(1_800_000_000_000 + counter);
}

export const PERSONAL = 'a:1Xq8personalChatId';
export const GROUP_CHAT = '19:groupchat0123@thread.v2';
export const CHANNEL = '19:salesChannel0123@thread.tacv2';
export const TEAM = '19:generalChannel0123@thread.tacv2';

/** A message activity as Teams sends it, in a personal chat, a group chat or a channel. */
export function messageActivity(
  harness: Pick<TeamsHarness, 'connector'>,
  options: {
    scope: 'personal' | 'groupChat' | 'channel';
    text?: string;
    mention?: boolean;
    id?: string;
    /** Channels: the thread root when the message is a reply. */
    root?: string;
    attachments?: unknown[];
    value?: unknown;
    tenant?: string;
  },
): Record<string, unknown> {
  const id = options.id ?? activityId();
  const base = { personal: PERSONAL, groupChat: GROUP_CHAT, channel: CHANNEL }[options.scope];
  const conversationId = options.scope === 'channel' ? `${base};messageid=${options.root ?? id}` : base;
  const mention = options.mention ? '<at>Analytics</at> ' : '';
  const tenant = options.tenant ?? TENANT;
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: harness.connector.serviceUrl,
    channelId: 'msteams',
    from: { id: '29:1alice', aadObjectId: '6b9f1d3c-0e7a-4b7e-9a3e-aaaaaaaaaaaa', name: 'Alice' },
    recipient: { id: BOT, name: 'Analytics' },
    conversation: {
      id: conversationId,
      conversationType: options.scope,
      tenantId: tenant,
      ...(options.scope === 'personal' ? {} : { isGroup: true }),
    },
    text: options.text === undefined ? undefined : `${mention}${options.text}`,
    textFormat: 'plain',
    attachments: options.attachments ?? [],
    entities: options.mention
      ? [{ type: 'mention', text: '<at>Analytics</at>', mentioned: { id: BOT, name: 'Analytics' } }]
      : [],
    channelData: {
      tenant: { id: tenant },
      ...(options.scope === 'channel' ? { team: { id: TEAM }, channel: { id: CHANNEL } } : {}),
    },
    ...(options.value === undefined ? {} : { value: options.value }),
  };
}
