/** Stable codes for what a job can refuse to do; the message is what the person reads in the conversation. */
export type JobErrorCode =
  /** The channel has no dataset to answer from. */
  | 'NO_DATASET'
  /** A dataset the question or button names is not in this channel. */
  | 'DATASET_NOT_FOUND'
  /** An export button whose answer is no longer stored. */
  | 'ANSWER_NOT_FOUND';

/**
 * A job that cannot go on for a reason the person can act on; it is answered
 * with its message, not retried. (`WorkerError` holds the ingest and analysis
 * codes; these belong to the conversation around them.)
 */
export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JobError';
  }
}

/**
 * A delivery of a job ran past the time it was given (see `JobDeadline`): a
 * failure on our side, retried like the others, but the person is told why.
 */
export class JobTimeoutError extends Error {
  readonly code = 'JOB_TIMED_OUT';

  constructor(limitMs: number) {
    super(`The job ran past its time limit of ${limitMs} ms.`);
    this.name = 'JobTimeoutError';
  }
}
