import { createHmac, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

/**
 * Requests as Slack sends them and API Gateway (REST, proxy integration)
 * hands them to the Lambda: signed with the v0 scheme, on the three routes.
 */

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM = 'T00000001';
export const CHANNEL = 'C0CHANNEL1';
export const USER = 'U0PERSON01';

export interface SigningOptions {
  secret?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Slack's redelivery headers: the attempt number and why the earlier one failed (`http_timeout`, `http_error`…). */
  retry?: { num: number; reason: string };
  /** Signs this body but sends `body`, as a tampering proxy would. */
  signedBody?: string;
}

export function v0Signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function apiGatewayEvent(
  route: 'events' | 'commands' | 'interactions',
  body: string,
  contentType: string,
  options: SigningOptions = {},
): APIGatewayProxyEvent {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    Accept: 'application/json,*/*',
    'Content-Type': contentType,
    Host: 'abc123.execute-api.us-east-1.amazonaws.com',
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': v0Signature(options.secret ?? SIGNING_SECRET, timestamp, options.signedBody ?? body),
  };
  if (options.retry) {
    headers['X-Slack-Retry-Num'] = String(options.retry.num);
    headers['X-Slack-Retry-Reason'] = options.retry.reason;
  }
  const path = `/slack/${route}`;
  return {
    resource: path,
    path,
    httpMethod: 'POST',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      httpMethod: 'POST',
      path: `/prod${path}`,
      stage: 'prod',
      requestId: randomUUID(),
      resourceId: 'res123',
      resourcePath: path,
      requestTimeEpoch: Date.now(),
      protocol: 'HTTP/1.1',
      authorizer: null,
      identity: { sourceIp: '52.1.2.3', userAgent: headers['User-Agent'] },
    } as unknown as APIGatewayProxyEvent['requestContext'],
    body,
    isBase64Encoded: false,
  };
}

export interface CommandFields {
  text: string;
  channel?: string;
  user?: string;
  triggerId?: string;
  responseUrl: string;
}

export function slashCommand(fields: CommandFields, options?: SigningOptions): APIGatewayProxyEvent {
  const body = new URLSearchParams({
    token: 'verification-token-never-logged',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: fields.channel ?? CHANNEL,
    channel_name: 'analytics',
    user_id: fields.user ?? USER,
    user_name: 'pat',
    command: '/analyze',
    text: fields.text,
    api_app_id: 'A0APP00001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `${Date.now()}.1.${randomUUID()}`,
  }).toString();
  return apiGatewayEvent('commands', body, 'application/x-www-form-urlencoded', options);
}

/**
 * An Events API delivery; `eventId` stays the same across Slack's retries. `eventTeam` sets the envelope's
 * `team_id` apart from the installation's team in `authorizations`, as in a Slack Connect channel.
 */
export function eventCallback(
  event: Record<string, unknown>,
  options: SigningOptions & { eventId?: string; botUserId?: string; eventTeam?: string } = {},
): APIGatewayProxyEvent {
  const body = JSON.stringify({
    token: 'verification-token-never-logged',
    team_id: options.eventTeam ?? TEAM,
    api_app_id: 'A0APP00001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: options.botUserId ?? 'U0BOT0001', is_bot: true }],
    is_ext_shared_channel: false,
  });
  return apiGatewayEvent('events', body, 'application/json', options);
}

/** A `message` event sharing files in a channel, as the `files` of `FakeSlack.hostFile` describe them. */
export function fileShareEvent(files: unknown[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'file_share',
    channel: CHANNEL,
    channel_type: 'channel',
    user: USER,
    text: '',
    ts: '1700000100.000100',
    files,
    ...fields,
  };
}

export function buttonClick(
  click: { actionId: string; value: string; messageTs: string; threadTs?: string; responseUrl: string },
  options?: SigningOptions,
): APIGatewayProxyEvent {
  const payload = {
    type: 'block_actions',
    user: { id: USER, username: 'pat', name: 'pat', team_id: TEAM },
    api_app_id: 'A0APP00001',
    token: 'verification-token-never-logged',
    container: { type: 'message', message_ts: click.messageTs, channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: `${Date.now()}.1.${randomUUID()}`,
    team: { id: TEAM, domain: 'fake' },
    channel: { id: CHANNEL, name: 'analytics' },
    message: { type: 'message', ts: click.messageTs, thread_ts: click.threadTs, text: 'answer', user: 'U0BOT0001' },
    response_url: click.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'answer-actions',
        text: { type: 'plain_text', text: 'Go' },
        value: click.value,
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return apiGatewayEvent('interactions', body, 'application/x-www-form-urlencoded', options);
}

export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'slack-edge',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:slack-edge',
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/slack-edge',
    logStreamName: '2024/01/01/[$LATEST]abc',
    getRemainingTimeInMillis: () => 3000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
