import { Activity } from '@microsoft/agents-activity';
import { z } from 'zod';
import type { TeamsConversation } from '../core/job';

/**
 * The parts of a Teams activity the edge reads, checked with zod on top of the Agents SDK's own
 * parsing (`Activity.fromObject`), which keeps every field and gives mention handling.
 */
const TeamsFields = z.object({
  type: z.string().min(1),
  id: z.string().min(1).max(200),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), name: z.string().optional() }),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({
    id: z.string().min(1).max(500),
    conversationType: z.enum(['personal', 'groupChat', 'channel']).optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string() }).optional(),
      team: z.object({ id: z.string(), aadGroupId: z.string().optional() }).optional(),
      channel: z.object({ id: z.string() }).optional(),
    })
    .loose()
    .optional(),
});
export type TeamsFields = z.infer<typeof TeamsFields>;

/** An activity the edge can act on: the SDK's object and the fields checked. */
export interface TeamsActivity {
  activity: Activity;
  fields: TeamsFields;
}

/** A body that is not a Teams activity the edge understands; the request gets a 400. */
export class ActivityParseError extends Error {
  readonly code = 'TEAMS_ACTIVITY_INVALID';
}

/** Parses a request body; throws `ActivityParseError` when it is not an activity with the fields the edge needs. */
export function parseActivity(body: string): TeamsActivity {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new ActivityParseError('The body is not JSON.', { cause: error });
  }
  const fields = TeamsFields.safeParse(raw);
  if (!fields.success) throw new ActivityParseError('The body is not a Teams activity.', { cause: fields.error });
  return { activity: Activity.fromObject(raw as object), fields: fields.data };
}

/** The root message of a channel thread, from `19:…@thread.tacv2;messageid={root}`. */
function threadRootOf(conversationId: string): string | undefined {
  return /;messageid=([^;]+)/.exec(conversationId)?.[1];
}

/** Whether the activity answers in an existing thread (a reply), rather than starting one. */
export function isThreadReply({ fields }: TeamsActivity): boolean {
  const root = threadRootOf(fields.conversation.id);
  return root !== undefined && root !== fields.id;
}

/**
 * The job's conversation for an activity. A channel message starts its own thread unless it is a
 * reply in one; the tenant comes from the conversation, else from `channelData`.
 */
export function conversationOf({ fields }: TeamsActivity): TeamsConversation | undefined {
  const tenant = fields.conversation.tenantId ?? fields.channelData?.tenant?.id;
  const type = fields.conversation.conversationType ?? 'personal';
  if (!tenant) return undefined;
  const base = fields.conversation.id.split(';')[0] ?? fields.conversation.id;
  const team = fields.channelData?.team;
  return {
    platform: 'teams',
    tenant: tenant.toLowerCase(),
    conversationId: base,
    conversationType: type,
    serviceUrl: fields.serviceUrl,
    ...(type === 'channel'
      ? {
          ...(team ? { team: team.id } : {}),
          ...(team?.aadGroupId ? { teamGroupId: team.aadGroupId } : {}),
          channel: fields.channelData?.channel?.id ?? base,
          thread: threadRootOf(fields.conversation.id) ?? fields.id,
        }
      : {}),
  };
}
