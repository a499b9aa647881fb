import type { Receiver } from '@slack/bolt';
// Bolt's App from its own file rather than the package index, which also loads the Express receiver and
// its dependencies: the edge bundle would grow by a third for code the Lambda never runs.
import App from '@slack/bolt/dist/App';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { JobQueue } from '../core/job-queue';
import { boltLogger } from './bolt-logger';
import type { EdgeLogger } from './edge-deps';
import { slackErrorOf } from './edge-messages';
import { EdgeError } from './errors';
import { registerListeners } from './listeners';

export interface SlackAppOptions {
  /** Bolt's `AwsLambdaReceiver` in the Lambda; a `SocketModeReceiver` ({ appToken }) in the local runner. */
  receiver: Receiver;
  botToken: string;
  queue: JobQueue;
  logger: EdgeLogger;
  /** Files larger than this are refused at once. */
  maxUploadBytes: number;
  /** Slack's Web API base (`…/api/`); unset means slack.com. */
  slackApiUrl?: string;
  now?: () => Date;
}

/**
 * The Slack edge as a Bolt app: verify, parse, post a placeholder, enqueue a
 * job. The same app runs behind API Gateway and in Socket Mode; only the
 * receiver differs. Resolves once Slack has accepted the bot token.
 *
 * @example await createSlackApp({ receiver: new SocketModeReceiver({ appToken }), botToken, queue, logger, maxUploadBytes })
 */
export async function createSlackApp(options: SlackAppOptions): Promise<App> {
  const logger = boltLogger(options.logger);
  const clientOptions: WebClientOptions = {
    slackApiUrl: options.slackApiUrl,
    logger,
    // Everything the edge posts has to fit in Slack's 3-second ack window: one quick retry, and a
    // 429 fails at once instead of waiting out Retry-After (the placeholder is then left out).
    retryConfig: { retries: 1, factor: 1, minTimeout: 100, maxTimeout: 100 },
    rejectRateLimitedCalls: true,
    timeout: 2000,
  };
  const identity = await whoAmI(new WebClient(options.botToken, clientOptions));
  const app = new App({ token: options.botToken, ...identity, receiver: options.receiver, logger, clientOptions });
  registerListeners(app, {
    queue: options.queue,
    logger: options.logger,
    maxUploadBytes: options.maxUploadBytes,
    now: options.now ?? (() => new Date()),
  });
  return app;
}

/**
 * The bot's own ids, which Bolt needs to ignore the bot's messages. Asked here
 * rather than left to Bolt, which calls `auth.test` from its constructor and
 * keeps a failed answer for the life of the process; a failure here fails
 * this start, and the next request starts again.
 */
async function whoAmI(client: WebClient): Promise<{ botId: string; botUserId: string }> {
  try {
    const identity = await client.auth.test();
    if (identity.bot_id && identity.user_id) return { botId: identity.bot_id, botUserId: identity.user_id };
  } catch (error) {
    throw new EdgeError('SLACK_AUTH_FAILED', `Slack refused the bot token (${slackErrorOf(error)}).`, { cause: error });
  }
  throw new EdgeError('SLACK_AUTH_FAILED', 'The Slack token is not a bot token (xoxb-…).');
}
