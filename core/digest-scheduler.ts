import { z } from 'zod';
import { DigestTiming } from './digest-cadence';
import { Conversation, DigestId, jobIdFor, Person, type DigestJob } from './job';

/** What a scheduler needs to know of a digest: when it runs, and where its job goes. */
export const DigestSchedule = z.object({
  digest: DigestId,
  timing: DigestTiming,
  /** The channel the digest posts in, without a thread: a digest is a top-level post. */
  conversation: Conversation,
  owner: Person,
});
export type DigestSchedule = z.infer<typeof DigestSchedule>;

/**
 * What a schedule sends when it fires. EventBridge's message is a fixed template, so it cannot
 * carry a job id made per run; it carries the due time (`<aws.scheduler.scheduled-time>`), and
 * the worker turns it into a `digest` job with {@link digestJobOf}.
 */
export const DigestTrigger = z.object({
  trigger: z.literal('digest'),
  version: z.literal(1),
  digest: DigestId,
  conversation: Conversation,
  owner: Person,
  dueAt: z.iso.datetime(),
});
export type DigestTrigger = z.infer<typeof DigestTrigger>;

/** The placeholder EventBridge replaces with the run's scheduled time (ISO 8601, UTC). */
export const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

/** A trigger with its due time left for the scheduler to fill in. */
export function triggerTemplate(schedule: DigestSchedule): string {
  const trigger = {
    trigger: 'digest',
    version: 1,
    digest: schedule.digest,
    conversation: schedule.conversation,
    owner: schedule.owner,
    dueAt: SCHEDULED_TIME,
  };
  return JSON.stringify(trigger);
}

/**
 * The digest job of one run. The id depends only on the digest and the due time, so a schedule
 * that fires twice for the same time (a retried delivery, a restart) is one job: the queue drops
 * the copy within its window and the worker's ledger after it.
 */
export function digestJobOf(trigger: DigestTrigger): DigestJob {
  return {
    version: 1,
    kind: 'digest',
    id: jobIdFor(trigger.conversation.platform, `digest:${trigger.digest}:${new Date(trigger.dueAt).toISOString()}`),
    conversation: trigger.conversation,
    requestedBy: trigger.owner,
    receivedAt: new Date(trigger.dueAt).toISOString(),
    digest: trigger.digest,
    dueAt: new Date(trigger.dueAt).toISOString(),
  };
}

/** A queue message as a job: a schedule's trigger becomes its digest job; anything else is left as it is. */
export function jobOfMessage(body: unknown): unknown {
  const trigger = DigestTrigger.safeParse(body);
  return trigger.success ? digestJobOf(trigger.data) : body;
}

/**
 * One schedule per digest: EventBridge Scheduler in AWS, an in-process timer locally. Every
 * method is idempotent, so a retried command job can repeat it.
 */
export interface DigestScheduler {
  /** Creates the digest's schedule, or replaces its timing and target; a paused one stays paused. */
  put(schedule: DigestSchedule): Promise<void>;
  pause(digest: string): Promise<void>;
  resume(digest: string): Promise<void>;
  /** Nothing happens when there is no such schedule. */
  delete(digest: string): Promise<void>;
}

/** The scheduler refused or could not be reached; the command job fails and is retried. */
export class DigestSchedulerError extends Error {
  readonly code = 'DIGEST_SCHEDULER_FAILED';
}

/** Pausing or resuming a digest that has no schedule. */
export class DigestScheduleMissingError extends Error {
  readonly code = 'DIGEST_SCHEDULE_MISSING';
}
