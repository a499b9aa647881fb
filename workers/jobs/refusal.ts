import type { Job } from '../../core/job';
import { WorkerError, type WorkerErrorCode } from '../errors';
import { PlanError } from '../plan/plan-errors';
import { DownloadError } from '../conversation/conversation-errors';
import { JobError } from './job-errors';

/** Worker errors that are about the moment, not the file or the question: trying again can help. */
const PASSING: ReadonlySet<WorkerErrorCode> = new Set(['MODEL_UNAVAILABLE', 'MODEL_TIMEOUT', 'MODEL_RATE_LIMITED']);

/**
 * What to tell the person when a job stops for a reason they can act on (a
 * file too large, a sheet that is not there, no dataset yet), or `undefined`
 * when the failure is ours: those are retried, and reported with a reference
 * once the retries are spent.
 */
export function refusalMessage(error: unknown, job: Job): string | undefined {
  if (error instanceof JobError) return error.message;
  if (error instanceof DownloadError) return error.retriable ? undefined : error.message;
  if (error instanceof WorkerError) {
    if (PASSING.has(error.code)) return undefined;
    return job.kind === 'ingest' ? `I couldn’t read ${job.file?.name ?? 'the file'}: ${error.message}` : error.message;
  }
  // A query DuckDB failed to run is our problem, not the question's.
  if (error instanceof PlanError) return error.code === 'QUERY_FAILED' ? undefined : error.message;
  return undefined;
}
