import { JobTimeoutError } from './job-errors';

/**
 * The time one delivery of a job may take. Lambda stops an invocation at its
 * timeout without running any more of our code, so the job is given up a
 * little before that: the person can still be told, and the record failed.
 * Without a limit (the local runner) it never expires.
 */
export class JobDeadline {
  private readonly controller = new AbortController();

  constructor(private readonly limitMs?: number) {}

  /** Aborted when the time is up, so long I/O (a download) stops instead of running on unwatched. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The work's result, or a `JobTimeoutError` once the limit passes, whichever comes first. */
  async race<T>(work: Promise<T>): Promise<T> {
    const limitMs = this.limitMs;
    if (limitMs === undefined) return work;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => {
          // Rejected before the abort, so the race ends with the timeout, not with the download it cut off.
          reject(new JobTimeoutError(limitMs));
          this.controller.abort(new JobTimeoutError(limitMs));
        },
        Math.max(0, limitMs),
      );
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}
