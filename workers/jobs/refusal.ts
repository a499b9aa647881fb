import { ChartError } from '../../charts';
import type { Job } from '../../core/job';
import { WorkerError, type WorkerErrorCode } from '../errors';
import { PlanError } from '../plan/plan-errors';
import { DownloadError } from '../conversation/conversation-errors';
import { JobError } from './job-errors';

/** Worker errors that are about the moment, not the file or the question: trying again can help. */
const PASSING: ReadonlySet<WorkerErrorCode> = new Set(['MODEL_UNAVAILABLE', 'MODEL_TIMEOUT', 'MODEL_RATE_LIMITED']);

/**
 * DuckDB's error classes that say the statement itself cannot run on this
 * data (it names a wrong thing, a value does not convert): the same query
 * fails the same way on every try. An `IO Error` (a full temp disk) or an
 * interrupt can pass, so anything not listed is retried.
 */
const DETERMINISTIC_QUERY_ERROR =
  /^(Binder|Catalog|Conversion|Invalid Input|Out of Range|Parser|Not implemented|Constraint|Invalid type|Type mismatch) Error/;

/**
 * What to tell the person when a job stops for a reason they can act on (a
 * file too large, a sheet that is not there, no dataset yet, a question that
 * needs too much memory), or `undefined` when the failure is ours: those are
 * retried, or ended at once when they would happen again (`settledFailure`).
 */
export function refusalMessage(error: unknown, job: Job): string | undefined {
  if (error instanceof JobError) return error.message;
  if (error instanceof DownloadError) return error.retriable ? undefined : error.message;
  if (error instanceof WorkerError) {
    if (PASSING.has(error.code)) return undefined;
    return job.kind === 'ingest' ? `I couldn’t read ${job.file?.name ?? 'the file'}: ${error.message}` : error.message;
  }
  if (error instanceof PlanError) {
    if (error.code !== 'QUERY_FAILED') return error.message;
    // The dataset and the question decide how much memory the query takes: theirs to narrow, not ours to retry.
    if (duckDbMessage(error.cause).startsWith('Out of Memory Error')) {
      return (
        `${error.message} The query needs more memory than I have for one question: ` +
        'narrow it (a filter, a coarser time grain, fewer groups) and ask again.'
      );
    }
  }
  return undefined;
}

/**
 * For a failure on our side that would happen again the same way, what went
 * wrong in words a person can read; `undefined` for one a retry may cure. A
 * chart that cannot be drawn from this result, or a compiled query DuckDB
 * rejects, is a bug for the team: retrying it five times only keeps the
 * person waiting for the same failure, so the job ends on its first try.
 */
export function settledFailure(error: unknown): string | undefined {
  // The chart's own message is about its spec ("its description is incomplete"): the person hears what failed.
  if (error instanceof ChartError) return 'I worked the numbers out but could not draw their chart.';
  if (error instanceof PlanError && error.code === 'QUERY_FAILED') {
    return DETERMINISTIC_QUERY_ERROR.test(duckDbMessage(error.cause)) ? error.message : undefined;
  }
  // One of our own statements (reading a file, loading a dataset) that DuckDB rejects as written.
  if (DETERMINISTIC_QUERY_ERROR.test(duckDbMessage(error))) return 'A query of mine failed on this data.';
  return undefined;
}

/** Not `instanceof Error`: the native binding's errors may come from another realm (as under Jest). */
function duckDbMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
}
