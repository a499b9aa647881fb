import type { SchedulerClock } from '../../core/local-digest-scheduler';

interface Timer {
  at: number;
  run: () => void;
}

/**
 * A clock that moves only when told: `advanceTo` runs every timer due on the way, in time order,
 * with `now()` set to each timer's time as it runs, as real time would pass.
 */
export class ManualClock implements SchedulerClock {
  private current: number;
  private readonly timers = new Set<Timer>();
  /** The longest wait any timer asked for, to see long waits cut short. */
  longestWaitMs = 0;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimer(run: () => void, ms: number): unknown {
    this.longestWaitMs = Math.max(this.longestWaitMs, ms);
    const timer = { at: this.current + ms, run };
    this.timers.add(timer);
    return timer;
  }

  clearTimer(timer: unknown): void {
    this.timers.delete(timer as Timer);
  }

  /** Moves to `time`, running the timers due by then. */
  advanceTo(time: string): void {
    const end = Date.parse(time);
    for (;;) {
      const next = [...this.timers].filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.at);
      next.run();
    }
    this.current = end;
  }

  /** Jumps to `time` without running anything on the way, as a laptop waking from sleep, then runs what is due. */
  sleepUntil(time: string): void {
    this.current = Date.parse(time);
    this.advanceTo(time);
  }
}
