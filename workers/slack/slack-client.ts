import { LogLevel, WebClient, type Logger, type RetryOptions } from '@slack/web-api';
import type { LogSink } from '../jobs/job-log';

export interface SlackClientOptions {
  /** Slack's Web API base ending in `/api/` (a loopback fake in tests); unset means slack.com. */
  apiUrl?: string;
  /**
   * Retries for failed calls; a 429 is waited out for its `Retry-After` and then
   * counts as one. The default suits a Lambda: a few tries within seconds, not
   * the client's default of ten over half an hour.
   */
  retryConfig?: RetryOptions;
  /** Per request, so a hanging Slack fails the job instead of eating the Lambda's whole timeout; defaults to 30 s. */
  timeoutMs?: number;
  logger: LogSink;
}

/** A call that must end within `timeoutMs`, such as telling the person after a job ran out of time. */
export interface QuickCall {
  timeoutMs: number;
}

const LAMBDA_RETRIES: RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 };

/**
 * The client's own warnings (rate limits, retries) as structured log lines.
 * Only warnings and errors pass: its debug output describes requests.
 */
function clientLogger(logger: LogSink): Logger {
  const line = (parts: unknown[]) => parts.map(String).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts) => logger.warn(line(parts), { source: 'slack-web-api' }),
    error: (...parts) => logger.error(line(parts), { source: 'slack-web-api' }),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

/**
 * Makes the worker's Slack clients: one per bot token, all with the
 * deployment's API URL, retry policy, timeout and logging. A client for a
 * `QuickCall` tries once, within its timeout, and does not wait out a 429.
 *
 * @example
 * const slackClient = slackClientFactory({ apiUrl: config.slackApiUrl, logger });
 * await slackClient(token).chat.postMessage({ channel, text });
 * await slackClient(token, { timeoutMs: 2000 }).chat.update({ channel, ts, text });
 */
export function slackClientFactory(options: SlackClientOptions): (token: string, quick?: QuickCall) => WebClient {
  const logger = clientLogger(options.logger);
  const common = { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), logger };
  return (token, quick) =>
    quick
      ? new WebClient(token, {
          ...common,
          retryConfig: { retries: 0 },
          rejectRateLimitedCalls: true,
          timeout: Math.max(1, Math.round(quick.timeoutMs)),
        })
      : new WebClient(token, {
          ...common,
          retryConfig: options.retryConfig ?? LAMBDA_RETRIES,
          timeout: options.timeoutMs ?? 30_000,
        });
}
