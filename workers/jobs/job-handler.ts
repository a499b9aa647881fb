import { performance } from 'node:perf_hooks';
import type { JobDeps, WorkerJobHandler } from './job-context';
import { errorFields, withKeys } from './job-log';
import { runJob } from './run-job';

/**
 * The worker's `JobHandler`: what the SQS Lambda and the local in-process
 * queue both call for each delivery of a job. It throws when the job should
 * be delivered again (and, on the last attempt, go to the dead-letter queue);
 * the person has been told either way where that was possible. The Lambda
 * also passes a time limit, past which the job is given up as a failure.
 *
 * @example
 * const handle = createJobHandler({ store, conversations: { slack: slackConversations({ secrets, client }) }, config, logger, metrics });
 * const queue = new MemoryJobQueue(handle, { maxReceives: config.jobMaxReceives });
 */
export function createJobHandler(deps: JobDeps): WorkerJobHandler {
  return async (job, attempt, limits) => {
    const started = performance.now();
    const log = withKeys(deps.logger, { jobId: job.id, jobKind: job.kind, attempt: attempt.number });
    try {
      const outcome = await runJob(job, attempt, deps, log, limits);
      // A failure that ended at once still counts as one for the alarm, though the queue is not told.
      deps.metrics.addMetric(outcome === 'failed' ? 'JobsFailed' : 'JobsSucceeded', 'Count', 1);
      log.info('job finished', { outcome });
    } catch (error) {
      deps.metrics.addMetric('JobsFailed', 'Count', 1);
      log.error(attempt.last ? 'job failed on its last attempt' : 'job failed; it will be retried', {
        error: errorFields(error),
      });
      throw error;
    } finally {
      deps.metrics.addMetric('JobDuration', 'Milliseconds', Math.round(performance.now() - started));
    }
  };
}
