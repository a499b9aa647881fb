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
