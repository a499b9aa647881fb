import type { WebClient } from '@slack/web-api';
import { referenceOf, type Job } from '../core/job';
import { queueTimeoutMs, type RequestContext } from './ack-budget';
import type { EdgeDeps } from './edge-deps';
import { slackErrorOf, tellPrivately } from './edge-messages';
import { edgeTexts } from './edge-texts';

/**
 * Hands the job to the queue within what is left of the request's budget
 * (`answerBy` in Bolt's context, see ack-budget.ts). When the queue fails or
 * does not answer in time the person is told at once, with a reference to
 * quote, in the placeholder if there is one and privately otherwise: an
 * acknowledged request must never end in silence.
 */
export async function enqueueJob(
  job: Job,
  client: WebClient,
  deps: EdgeDeps,
  context: RequestContext,
): Promise<boolean> {
  const where = job.conversation.platform === 'slack' ? job.conversation : undefined;
  const signal = AbortSignal.timeout(queueTimeoutMs(context, Date.now()));
  try {
    await withinSignal(deps.queue.enqueue(job, { signal }), signal);
    deps.logger.info('Job queued', { jobId: job.id, kind: job.kind, team: where?.team, channel: where?.channel });
    return true;
  } catch (error) {
    const reference = referenceOf(job.id);
    const timedOut = signal.aborted;
    deps.logger.error(timedOut ? 'The job queue did not answer in time' : 'Could not queue the job', {
      jobId: job.id,
      reference,
      kind: job.kind,
      error,
    });
    const text = timedOut ? edgeTexts.queueTimedOut(reference) : edgeTexts.queueFailed(reference);
    if (job.placeholder) {
      await client.chat
        .update({ channel: job.placeholder.channel, ts: job.placeholder.ts, text })
        .catch((updateError: unknown) =>
          deps.logger.warn('Could not update the placeholder', { jobId: job.id, error: slackErrorOf(updateError) }),
        );
    } else if (where) {
      await tellPrivately(
        client,
        deps.logger,
        { channel: where.channel, thread: where.thread, user: job.requestedBy.id },
        text,
      );
    }
    return false;
  }
}

/** The signal bounds the wait even for a queue that ignores it. */
function withinSignal(work: Promise<void>, signal: AbortSignal): Promise<void> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
    ),
  ]);
}
