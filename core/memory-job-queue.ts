import { Job, messageGroupOf } from './job';
import type { JobHandler, JobQueue } from './job-queue';

export interface DeadLetter {
  job: Job;
  error: unknown;
}

export interface MemoryJobQueueOptions {
  /** Deliveries before a job goes to the dead-letter list, like the DLQ's maxReceiveCount. */
  maxReceives?: number;
  /** Wait before redelivering a failed job, like SQS's visibility timeout. */
  retryDelayMs?: number;
  /** A job id seen within this window is dropped, like SQS FIFO deduplication. */
  dedupWindowMs?: number;
  onDeadLetter?: (letter: DeadLetter) => void;
  now?: () => number;
}

/**
 * The local stand-in for SQS FIFO with the same semantics: jobs of one
 * conversation run one at a time in order, failures are redelivered, and a job
 * that keeps failing lands in a dead-letter list.
 */
export class MemoryJobQueue implements JobQueue {
  readonly deadLetters: DeadLetter[] = [];
  private readonly seen = new Map<string, number>();
  private readonly groups = new Map<string, Promise<void>>();
  private readonly maxReceives: number;
  private readonly retryDelayMs: number;
  private readonly dedupWindowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly handle: JobHandler,
    private readonly options: MemoryJobQueueOptions = {},
  ) {
    this.maxReceives = options.maxReceives ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.dedupWindowMs = options.dedupWindowMs ?? 5 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** How many job ids are held for deduplication: those seen within the window, so it stays bounded. */
  get remembered(): number {
    return this.seen.size;
  }

  async enqueue(job: Job): Promise<void> {
    const parsed = Job.parse(job);
    const at = this.now();
    this.forgetBefore(at - this.dedupWindowMs);
    if (this.seen.has(parsed.id)) return;
    this.seen.set(parsed.id, at);
    const group = messageGroupOf(parsed.conversation);
    const previous = this.groups.get(group) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(parsed));
    this.groups.set(group, next);
    void next.finally(() => {
      if (this.groups.get(group) === next) this.groups.delete(group);
    });
  }

  /** A long-running local bot would otherwise keep every job id it ever saw. */
  private forgetBefore(cutoff: number): void {
    for (const [id, seenAt] of this.seen) if (seenAt <= cutoff) this.seen.delete(id);
  }

  /** Resolves once every queued job has been handled or dead-lettered. */
  async idle(): Promise<void> {
    while (this.groups.size > 0) await Promise.all([...this.groups.values()]);
  }

  private async deliver(job: Job): Promise<void> {
    for (let number = 1; number <= this.maxReceives; number++) {
      try {
        await this.handle(job, { number, last: number === this.maxReceives });
        return;
      } catch (error) {
        if (number === this.maxReceives) {
          const letter = { job, error };
          this.deadLetters.push(letter);
          this.options.onDeadLetter?.(letter);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
  }
}
