/**
 * Slack gives up on a request after 3 seconds and shows the person an error
 * (or, for events, sends it again). The answer also crosses API Gateway and
 * the network both ways, so the edge itself takes at most this long from the
 * moment its handler is called.
 */
export const ACK_BUDGET_MS = 1500;

/** Kept back from the queue for telling the person, in one Slack call, that their request was not queued. */
export const NOTICE_RESERVE_MS = 400;

/**
 * The least the queue is given even when Slack used up the budget first:
 * SendMessage answers in tens of milliseconds, and a job not tried is a job lost.
 */
export const MIN_QUEUE_MS = 250;

/** Bolt's context as the listeners get it, where the Lambda wrapper puts `answerBy` (ms since the epoch). */
export interface RequestContext {
  answerBy?: unknown;
  [key: string]: unknown;
}

/**
 * How long the queue may take for this request: what is left of the budget
 * after the notice's reserve. In Socket Mode (the local runner) the ack goes
 * out before the listener runs and there is no `answerBy`, so the whole
 * budget starts when the queue is called.
 *
 * @example queueTimeoutMs({ answerBy: Date.now() + 1000 }, Date.now()) // 600
 */
export function queueTimeoutMs(context: RequestContext, nowMs: number): number {
  const answerBy = typeof context.answerBy === 'number' ? context.answerBy : nowMs + ACK_BUDGET_MS;
  return Math.max(answerBy - NOTICE_RESERVE_MS - nowMs, MIN_QUEUE_MS);
}
