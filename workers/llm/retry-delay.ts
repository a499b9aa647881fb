export interface BackoffOptions {
  /** The first retry's base delay; each further retry doubles it. */
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); jitter keeps many workers from retrying in step. */
  random?: () => number;
}

/**
 * How long to wait before retry number `attempt` (1 for the first retry): what
 * the server asked for in `retry-after-ms` or `Retry-After` (seconds or an
 * HTTP date), else exponential backoff with jitter.
 *
 * @example
 * retryDelayMs(new Headers({ 'retry-after': '2' }), 1, { baseMs: 500, maxMs: 8000 }) // 2000
 */
export function retryDelayMs(
  headers: Headers | undefined,
  attempt: number,
  backoff: BackoffOptions,
  now: number = Date.now(),
): number {
  const asked = askedDelayMs(headers, now);
  if (asked !== null) return asked;
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * (backoff.random ?? Math.random)());
}

/** The delay the server asked for, or null when it did not say. */
function askedDelayMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
