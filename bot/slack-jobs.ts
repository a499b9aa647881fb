import { jobIdFor, QuestionJob, type Placeholder } from '../core/job';

/** Where a request came from on Slack, and who made it. */
export interface JobOrigin {
  /** Unique per request on Slack's side and the same on a redelivery: the job id is derived from it. */
  eventKey: string;
  /**
   * Bolt's `context.teamId`, whatever the kind of request, because datasets are kept per team and every way
   * into a channel must find the same ones. For events it is the installation's team (`authorizations`), which
   * in a Slack Connect channel can differ from the envelope's `team_id`.
   */
  team: string;
  channel: string;
  thread?: string;
  user: string;
  placeholder?: Placeholder;
}

/** The longest question a job may carry, taken from the job schema so the two cannot drift. */
export const MAX_QUESTION_LENGTH = QuestionJob.shape.text.maxLength ?? 2000;

/**
 * Event keys. A message's key is its channel and ts, not the Events API's
 * event id, because one message can arrive as both `app_mention` and
 * `message` with different event ids: keyed on the message, both become the
 * same job and the queue keeps one.
 */
export const eventKeys = {
  message: (team: string, channel: string, ts: string) => `message:${team}:${channel}:${ts}`,
  file: (team: string, channel: string, ts: string, file: string) => `file:${team}:${channel}:${ts}:${file}`,
  command: (team: string, triggerId: string) => `command:${team}:${triggerId}`,
  action: (team: string, triggerId: string, actionId: string) => `action:${team}:${triggerId}:${actionId}`,
};

/** The fields every job shares, for the `kind`-specific rest to be spread onto. */
export function jobBase(origin: JobOrigin, now: Date) {
  return {
    version: 1 as const,
    id: jobIdFor('slack', origin.eventKey),
    conversation: {
      platform: 'slack' as const,
      team: origin.team,
      channel: origin.channel,
      ...(origin.thread ? { thread: origin.thread } : {}),
    },
    requestedBy: { id: origin.user },
    ...(origin.placeholder ? { placeholder: origin.placeholder } : {}),
    receivedAt: now.toISOString(),
  };
}
