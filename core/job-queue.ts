import type { Job } from './job';

/** Hands a job from the edge to the worker. The job id is the deduplication key. */
export interface JobQueue {
  /** A `signal` that aborts means the caller has stopped waiting: the queue gives up the call if it can. */
  enqueue(job: Job, options?: { signal?: AbortSignal }): Promise<void>;
}

/** Which delivery of a job this is; on the last one the worker tells the user before giving up. */
export interface JobAttempt {
  number: number;
  last: boolean;
}

export type JobHandler = (job: Job, attempt: JobAttempt) => Promise<void>;

/** The queue refused or could not be reached; the edge tells the user instead of acknowledging silently. */
export class JobQueueError extends Error {
  readonly code = 'JOB_QUEUE_FAILED';
}
