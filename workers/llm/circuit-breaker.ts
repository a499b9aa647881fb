export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  cooldownMs?: number;
  /** Milliseconds since some fixed point; tests pass a clock they move by hand. */
  clock?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Stops calling a service that keeps failing, so during an outage each job
 * falls back at once instead of waiting out its own timeout. After
 * `cooldownMs` one trial call goes through: success closes the circuit, a
 * failure opens it again for another cooldown.
 *
 * @example
 * if (!breaker.allows()) return fallback();
 * try { const reply = await call(); breaker.succeeded(); } catch (e) { breaker.failed(); }
 */
export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly clock: () => number;
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.clock = options.clock ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.clock() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a call may go out now; in half-open state only one call at a time is the trial. */
  allows(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.failureThreshold) this.openedAt = this.clock();
    this.trialInFlight = false;
  }
}
