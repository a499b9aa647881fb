import { jobIdFor, type Placeholder, type TeamsConversation } from '../core/job';

/** Where a request came from in Teams, and who made it. */
export interface TeamsOrigin {
  /** The activity's id: the same on a redelivery, so the job id is too. */
  activityId: string;
  conversation: TeamsConversation;
  /** The person's Entra object id when Teams gives it (stable across apps), else their Teams id. */
  user: string;
  userName?: string;
  placeholder?: Placeholder;
}

/**
 * The job id of an activity. Teams activity ids are unique within a conversation only (channel message
 * ids are timestamps), so the tenant and conversation come with it.
 */
export function teamsJobId(origin: Pick<TeamsOrigin, 'activityId' | 'conversation'>): string {
  const { tenant, conversationId } = origin.conversation;
  return jobIdFor('teams', `${tenant}:${conversationId}:${origin.activityId}`);
}

/** The fields every job shares, for the `kind`-specific rest to be spread onto. */
export function teamsJobBase(origin: TeamsOrigin, now: Date) {
  return {
    version: 1 as const,
    id: teamsJobId(origin),
    conversation: origin.conversation,
    requestedBy: { id: origin.user, ...(origin.userName ? { name: origin.userName.slice(0, 200) } : {}) },
    ...(origin.placeholder ? { placeholder: origin.placeholder } : {}),
    receivedAt: now.toISOString(),
  };
}
