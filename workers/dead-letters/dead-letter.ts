import { z } from 'zod';
import type { BlobStore } from '../../core/blob-store';
import { Job, referenceOf, scopeOf } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';
import { channelCatalog } from '../catalog/channel-catalog';
import { openerFor, type ConversationAdapters } from '../conversation/conversation-adapters';
import { ConversationError } from '../conversation/conversation-errors';
import type { ConversationPort } from '../conversation/conversation-port';
import type { FailureReply } from '../conversation/reply';
import { channelDigests } from '../digest/channel-digests';
import { OWNER_TOLD_OF_FAILURE } from '../digest/digest-record';
import { dateTimeWords } from '../digest/schedule-words';
import { JobLedger } from '../jobs/job-ledger';
import { errorFields, type LogSink } from '../jobs/job-log';

/** A message the job queue moved to its dead-letter queue, as the consumer reads it off the SQS record. */
export interface DeadLetterMessage {
  messageId: string;
  body: string;
  /** Its `ApproximateReceiveCount`, as SQS reports it on the dead-letter queue. */
  receives: number;
  /** Its `SentTimestamp`, ISO 8601 (empty if SQS gave none). */
  sentAt: string;
}

/**
 * How the person heard of it: the failure note is in `edited` (the placeholder or the worker's
 * own message) or `posted` in the thread; `already-answered` when the job's ledger says it was
 * finished (the worker died after answering, before the queue heard); otherwise why nobody could be told.
 */
export const Told = z.enum([
  'edited',
  'posted',
  /** A scheduled digest, which has no message of its own: its owner was told privately (by the worker or here). */
  'owner-told',
  'already-answered',
  'no-adapter',
  'not-configured',
  'failed',
]);
export type Told = z.infer<typeof Told>;

/** What is kept in S3 for each dead letter (`storageKeys.deadLetter`), for the team to look into with the reference. */
export const DeadLetterRecord = z.object({
  version: z.literal(1),
  reference: z.string(),
  messageId: z.string(),
  receives: z.number().int(),
  sentAt: z.string(),
  deadLetteredAt: z.string(),
  told: Told,
  job: Job,
});
export type DeadLetterRecord = z.infer<typeof DeadLetterRecord>;

export interface DeadLetterDeps {
  store: BlobStore;
  conversations: ConversationAdapters;
  /** Counts each dead letter as `DeadLetters`; the alarm watches this, since this consumer empties the queue. */
  countDeadLetter: () => void;
  log: LogSink;
  clock?: () => Date;
}

/** Kept of a body that is not a job, in the log: it names no channel to store it under. */
const LOGGED_BODY_CHARS = 4096;

/**
 * Ends a job the queue gave up on: a worker that crashed on the last try
 * (out of memory, killed at the Lambda timeout) could not say so, and the
 * person would be left with "Working on it…" for ever. The placeholder, or the
 * message the worker posted itself, becomes the failure note with the
 * reference; the job is kept in S3 under that reference; and it is counted.
 * Telling is best effort and never retried here (the record says how it went),
 * so a conversation that is gone cannot keep a dead letter coming back; only a
 * record that could not be stored is thrown, for SQS to deliver again. A body
 * that is not a job is counted and logged, as there is no one to tell.
 *
 * @example await handleDeadLetter({ messageId, body, receives: 5, sentAt }, deps) // 'edited'
 */
export async function handleDeadLetter(message: DeadLetterMessage, deps: DeadLetterDeps): Promise<Told | 'unreadable'> {
  const parsed = Job.safeParse(safeJson(message.body));
  if (!parsed.success) {
    // Thrown back, it would come round again and be counted again for as long as the queue keeps it.
    deps.countDeadLetter();
    deps.log.error('a dead letter is not a job; nobody can be told', {
      messageId: message.messageId,
      body: message.body.slice(0, LOGGED_BODY_CHARS),
    });
    return 'unreadable';
  }
  const job = parsed.data;
  const reference = referenceOf(job.id);
  const told = await tell(job, reference, deps);
  const record: DeadLetterRecord = {
    version: 1,
    reference,
    messageId: message.messageId,
    receives: message.receives,
    sentAt: message.sentAt,
    deadLetteredAt: (deps.clock ?? (() => new Date()))().toISOString(),
    told,
    job,
  };
  const key = storageKeys.deadLetter(scopeOf(job.conversation), job.id);
  await deps.store.put(key, JSON.stringify(record), 'application/json');
  deps.countDeadLetter();
  deps.log.error('a job reached the dead-letter queue', { jobId: job.id, reference, kind: job.kind, told, key });
  return told;
}

async function tell(job: Job, reference: string, deps: DeadLetterDeps): Promise<Told> {
  const open = openerFor(deps.conversations, job.conversation);
  if (!open) return 'no-adapter';
  const failure: FailureReply = { kind: 'failure', retrying: false, timedOut: false, reference };
  try {
    const ledger = await JobLedger.open(channelCatalog(deps.store, scopeOf(job.conversation)), job.id);
    if (ledger.done) return 'already-answered';
    if (job.kind === 'digest' && ledger.result(OWNER_TOLD_OF_FAILURE) !== undefined) return 'owner-told';
    const port = await open();
    const posted = ledger.result('message');
    const message = job.placeholder?.ts ?? (typeof posted === 'string' ? posted : undefined);
    if (message !== undefined) {
      try {
        await port.update(message, failure);
        return 'edited';
      } catch (error) {
        if (!(error instanceof ConversationError && error.code === 'MESSAGE_GONE')) throw error;
      }
    }
    if (job.kind === 'digest') {
      // A digest that died before posting: a note at the top of the channel would name nothing; its owner can act.
      const record = await channelDigests(deps.store, scopeOf(job.conversation)).get(job.digest);
      const what = record ? `“${record.question}”` : '';
      const due = dateTimeWords(new Date(job.dueAt), record?.timing.timeZone ?? 'UTC');
      await port.tellPrivately(record?.owner.id ?? job.requestedBy.id, {
        kind: 'problem',
        message: `Your digest ${what} due ${due} could not be sent: something broke on our side (reference ${reference}). It comes again at its next time.`,
      });
      return 'owner-told';
    }
    await port.post(failure, threadOf(job, port));
    return 'posted';
  } catch (error) {
    deps.log.warn('could not tell the person about a dead letter', { jobId: job.id, error: errorFields(error) });
    return error instanceof ConversationError && error.code === 'NOT_CONFIGURED' ? 'not-configured' : 'failed';
  }
}

/** As the worker answers: in the job's thread, or under the shared file's message. */
function threadOf(job: Job, port: ConversationPort): string | undefined {
  return port.thread ?? (job.kind === 'ingest' ? job.message : undefined);
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
