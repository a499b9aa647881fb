import type { Context } from '@slack/bolt';

/**
 * How an Events API delivery relates to earlier ones:
 * - `first`: answer it in full;
 * - `redelivery`: an earlier attempt failed (an HTTP error, a refused connection), so its job may never have been
 *   queued: queue it again but post nothing twice (within five minutes SQS drops the copy; after that the worker's
 *   job ledger sees the job id already answered and does nothing);
 * - `first-still-running`: Slack gave up waiting (`http_timeout`) on an attempt that is still running and will queue
 *   the job with its placeholder. Queueing here could win the race to SQS, whose deduplication would then keep
 *   this copy, without the placeholder, and leave "Working on it…" in the thread for good.
 *
 * Only Slack's first retry can find the first attempt running: Slack sends it at once, the next ones a minute and
 * five minutes later, and the edge Lambda's 10-second timeout has ended the first attempt by then. So later retries
 * are queued again whatever the reason, in case that attempt died before it queued anything.
 */
export type Delivery = 'first' | 'redelivery' | 'first-still-running';

/**
 * Reads Bolt's `context.retryNum` / `context.retryReason` (the `X-Slack-Retry-*` headers over HTTP, the envelope's
 * `retry_attempt` / `retry_reason` in Socket Mode, where a first delivery says `0` and `""`).
 *
 * @example deliveryOf({ retryNum: 1, retryReason: 'http_timeout' }) // 'first-still-running'
 */
export function deliveryOf(context: Pick<Context, 'retryNum' | 'retryReason'>): Delivery {
  // Bolt's Lambda receiver passes the header through as a string, despite the type.
  const retry = Number(context.retryNum);
  if (!(retry > 0)) return 'first';
  return retry === 1 && context.retryReason === 'http_timeout' ? 'first-still-running' : 'redelivery';
}
