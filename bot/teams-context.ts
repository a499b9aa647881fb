import type { TeamsConversation } from '../core/job';
import type { JobQueue } from '../core/job-queue';
import type { EdgeLogger } from './edge-deps';
import type { TeamsActivity } from './teams-activity';
import type { TeamsReplies } from './teams-replies';

/** What every Teams activity handler is given: the verified activity, its conversation and the edge's parts. */
export interface TeamsTurn {
  request: TeamsActivity;
  conversation: TeamsConversation;
  /** The person's Entra object id when Teams sends it, else their Teams id. */
  user: string;
  /** Their display name as Teams sends it, so a digest's owner is named where a card cannot mention them. */
  userName?: string;
  queue: JobQueue;
  replies: TeamsReplies;
  logger: EdgeLogger;
  maxUploadBytes: number;
  now: () => Date;
}

/** What the edge answers on the HTTP response: an invoke's result, or nothing. */
export interface TeamsResult {
  status: number;
  body?: unknown;
}

export const OK: TeamsResult = { status: 200 };

/** The zone Teams reports for the sender (`localTimezone`), for a digest's times; absent means UTC. */
export function localTimeZone(turn: TeamsTurn): string | undefined {
  const zone = (turn.request.activity as { localTimezone?: unknown }).localTimezone;
  return typeof zone === 'string' && zone.length <= 64 ? zone : undefined;
}
