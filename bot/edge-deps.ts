import type { Logger } from '@aws-lambda-powertools/logger';
import type { JobQueue } from '../core/job-queue';

/** The logging the listeners do: Powertools' structured JSON logger, or anything shaped like it. */
export type EdgeLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** What every listener is given; composed once in an entry point. */
export interface EdgeDeps {
  queue: JobQueue;
  logger: EdgeLogger;
  /** Files larger than this are refused at once instead of being queued. */
  maxUploadBytes: number;
  /** The job's `receivedAt`. */
  now: () => Date;
}
