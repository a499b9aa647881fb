import { JobTimeoutError } from './job-errors';

/**
 * The time one delivery of a job may take, counted from when it is made.
 * Lambda stops an invocation at its timeout without running any more of our
 * code, so the job is given up a little before that: the person can still be
 * told, and the record failed. Without a limit (the local runner) it never expires.
 */
export class JobDeadline {
  private readonly controller = new AbortController();
  /** When the limit passes, in `Date.now()` terms; undefined without a limit. */
  readonly endsAt: number | undefined;

  constructor(private readonly limitMs?: number) {
    this.endsAt = limitMs === undefined ? undefined : Date.now() + limitMs;
  }

  /** Aborted when the time is up, so long I/O (a download) stops instead of running on unwatched. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The work's result, or a `JobTimeoutError` once the limit passes, whichever comes first. */
  async race<T>(work: Promise<T>): Promise<T> {
    const { limitMs, endsAt } = this;
    if (limitMs === undefined || endsAt === undefined) return work;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => {
          // Rejected before the abort, so the race ends with the timeout, not with the download it cut off.
          reject(new JobTimeoutError(limitMs));
          this.controller.abort(new JobTimeoutError(limitMs));
        },
        Math.max(0, endsAt - Date.now()),
      );
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
