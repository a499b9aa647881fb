import { referenceOf, type Job, type Placeholder, type TeamsConversation } from '../core/job';
import type { JobQueue } from '../core/job-queue';
import { addressOf, type TeamsConnector } from '../core/teams-connector';
import type { EdgeLogger } from './edge-deps';
import { teamsTexts } from './teams-texts';

/** Enough for every redelivery a warm edge sees in Teams' retry window. */
const REMEMBERED = 2000;

/**
 * The edge's messages in Teams: the placeholder the worker will edit, a short reply, and what the
 * person sees when the queue fails. Teams has no retry header and no idempotency key, so a warm edge
 * remembers the placeholder it posted per job: a redelivered activity gets the same placeholder
 * instead of a second "Working on it…" that nothing would ever edit.
 */
export class TeamsReplies {
  private readonly placeholders = new Map<string, Placeholder>();

  constructor(
    private readonly connector: TeamsConnector,
    private readonly logger: EdgeLogger,
  ) {}

  /** Posts the placeholder in the conversation's thread; `undefined` when Teams refused (the job still runs). */
  async placeholder(jobId: string, conversation: TeamsConversation, text: string): Promise<Placeholder | undefined> {
    const known = this.placeholders.get(jobId);
    if (known) return known;
    const address = addressOf(conversation);
    try {
      const id = await this.connector.send(address, { type: 'message', text, textFormat: 'plain' });
      const placeholder = { channel: address.conversationId, ts: id };
      if (this.placeholders.size >= REMEMBERED) this.placeholders.delete(this.placeholders.keys().next().value ?? '');
      this.placeholders.set(jobId, placeholder);
      return placeholder;
    } catch (error) {
      this.logger.warn('Could not post the placeholder', { jobId, error: describe(error) });
      return undefined;
    }
  }

  /** A reply in the conversation's thread; a failure is logged, since the request itself was handled. */
  async tell(conversation: TeamsConversation, text: string): Promise<void> {
    await this.connector
      .send(addressOf(conversation), { type: 'message', text, textFormat: 'plain' })
      .catch((error: unknown) => this.logger.warn('Could not reply in Teams', { error: describe(error) }));
  }

  /**
   * Queues the job. When the queue fails the person is told at once, with a reference to quote, in
   * the placeholder or the thread: an acknowledged request must never end in silence.
   */
  async enqueue(job: Job, queue: JobQueue): Promise<boolean> {
    const conversation = job.conversation;
    if (conversation.platform !== 'teams') throw new Error('A Teams edge job must be a Teams conversation.');
    try {
      await queue.enqueue(job);
      this.logger.info('Job queued', { jobId: job.id, kind: job.kind, tenant: conversation.tenant });
      return true;
    } catch (error) {
      const reference = referenceOf(job.id);
      this.logger.error('Could not queue the job', { jobId: job.id, reference, kind: job.kind, error });
      const text = teamsTexts.queueFailed(reference);
      if (job.placeholder) {
        const to = { serviceUrl: conversation.serviceUrl, conversationId: job.placeholder.channel };
        await this.connector
          .update(to, job.placeholder.ts, { type: 'message', text, textFormat: 'plain' })
          .catch((updateError: unknown) =>
            this.logger.warn('Could not update the placeholder', { jobId: job.id, error: describe(updateError) }),
          );
      } else {
        await this.tell(conversation, text);
      }
      return false;
    }
  }
}

/** An error as a log field: its code and message, never the request (which holds the token). */
function describe(error: unknown): { code?: unknown; message: string } {
  return { code: (error as { code?: unknown }).code, message: (error as Error).message };
}
