import type { WebClient } from '@slack/web-api';
import { referenceOf, type Job } from '../core/job';
import type { EdgeDeps } from './edge-deps';
import { slackErrorOf, tellPrivately } from './edge-messages';
import { edgeTexts } from './edge-texts';

/**
 * Hands the job to the queue. When that fails the person is told at once,
 * with a reference to quote, in the placeholder if there is one and privately
 * otherwise: an acknowledged request must never end in silence.
 */
export async function enqueueJob(job: Job, client: WebClient, deps: EdgeDeps): Promise<boolean> {
  const where = job.conversation.platform === 'slack' ? job.conversation : undefined;
  try {
    await deps.queue.enqueue(job);
    deps.logger.info('Job queued', { jobId: job.id, kind: job.kind, team: where?.team, channel: where?.channel });
    return true;
  } catch (error) {
    const reference = referenceOf(job.id);
    deps.logger.error('Could not queue the job', { jobId: job.id, reference, kind: job.kind, error });
    const text = edgeTexts.queueFailed(reference);
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
