import { nextRunAfter } from './digest-cadence';
import {
  DigestScheduleMissingError,
  type DigestSchedule,
  type DigestScheduler,
  type DigestTrigger,
} from './digest-scheduler';

/** Time as the local scheduler sees it; tests pass one they move by hand. */
export interface SchedulerClock {
  now(): Date;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/** Node's timers overflow past about 24.8 days (a monthly digest is further off), so long waits are cut into these. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface LocalDigestSchedulerOptions {
  /** Called with each run as it falls due; the local bot enqueues its digest job. */
  onDue: (trigger: DigestTrigger) => Promise<void>;
  clock?: SchedulerClock;
  /** A run that could not be handed over is reported here and not retried, like a schedule's dead letter. */
  onError?: (error: unknown, trigger: DigestTrigger) => void;
}

interface Entry {
  schedule: DigestSchedule;
  paused: boolean;
  /** The run the timer waits for. */
  dueAt?: Date;
  timer?: unknown;
}

/**
 * `npm start`'s stand-in for EventBridge Scheduler: the same schedules, kept in the process, with
 * the next run of each computed by croner in the digest's time zone. Schedules live as long as the
 * process; the local bot puts each stored digest back when it starts.
 */
export class LocalDigestScheduler implements DigestScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: SchedulerClock;

  constructor(private readonly options: LocalDigestSchedulerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  put(schedule: DigestSchedule): Promise<void> {
    const existing = this.entries.get(schedule.digest);
    if (existing?.timer !== undefined) this.clock.clearTimer(existing.timer);
    const entry: Entry = { schedule, paused: existing?.paused ?? false };
    this.entries.set(schedule.digest, entry);
    if (!entry.paused) this.arm(entry, nextRunAfter(schedule.timing, this.clock.now()));
    return Promise.resolve();
  }

  pause(digest: string): Promise<void> {
    const entry = this.entryOf(digest);
    entry.paused = true;
    this.disarm(entry);
    return Promise.resolve();
  }

  resume(digest: string): Promise<void> {
    const entry = this.entryOf(digest);
    if (!entry.paused) return Promise.resolve();
    entry.paused = false;
    this.arm(entry, nextRunAfter(entry.schedule.timing, this.clock.now()));
    return Promise.resolve();
  }

  delete(digest: string): Promise<void> {
    const entry = this.entries.get(digest);
    if (entry) this.disarm(entry);
    this.entries.delete(digest);
    return Promise.resolve();
  }

  /** When the digest runs next; `undefined` when paused or unknown. For the confirmation and `/analyze digests`. */
  nextRun(digest: string): Date | undefined {
    return this.entries.get(digest)?.dueAt;
  }

  private entryOf(digest: string): Entry {
    const entry = this.entries.get(digest);
    if (!entry) throw new DigestScheduleMissingError(`The digest ${digest} has no schedule.`);
    return entry;
  }

  private disarm(entry: Entry): void {
    if (entry.timer !== undefined) this.clock.clearTimer(entry.timer);
    entry.timer = undefined;
    entry.dueAt = undefined;
  }

  private arm(entry: Entry, dueAt: Date): void {
    entry.dueAt = dueAt;
    const wait = Math.max(0, dueAt.getTime() - this.clock.now().getTime());
    entry.timer = this.clock.setTimer(() => this.wake(entry, dueAt), Math.min(wait, LONGEST_TIMER_MS));
  }

  private wake(entry: Entry, dueAt: Date): void {
    // A replaced or paused schedule's timer may still fire once; only the current one counts.
    if (this.entries.get(entry.schedule.digest) !== entry || entry.paused || entry.dueAt !== dueAt) return;
    if (this.clock.now() < dueAt) {
      this.arm(entry, dueAt);
      return;
    }
    // After a laptop slept through several runs, only the latest one is sent, not a burst of stale ones.
    const now = this.clock.now();
    let latest = dueAt;
    for (let next = nextRunAfter(entry.schedule.timing, dueAt); next <= now;) {
      latest = next;
      next = nextRunAfter(entry.schedule.timing, next);
    }
    // The next run is armed before this one is handed over, so a slow handler never delays the schedule.
    this.arm(entry, nextRunAfter(entry.schedule.timing, latest));
    const trigger: DigestTrigger = {
      trigger: 'digest',
      version: 1,
      digest: entry.schedule.digest,
      conversation: entry.schedule.conversation,
      owner: entry.schedule.owner,
      dueAt: latest.toISOString(),
    };
    this.options.onDue(trigger).catch((error: unknown) => this.options.onError?.(error, trigger));
  }
}
