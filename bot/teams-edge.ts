import type { JobQueue } from '../core/job-queue';
import type { TeamsConnector } from '../core/teams-connector';
import type { EdgeLogger } from './edge-deps';
import { ActivityParseError, conversationOf, parseActivity } from './teams-activity';
import type { ActivityClaims } from './teams-auth';
import { cardAction } from './teams-card-action';
import { OK, type TeamsResult, type TeamsTurn } from './teams-context';
import { installChange } from './teams-install';
import { message } from './teams-message';
import { TeamsReplies } from './teams-replies';

export interface TeamsEdgeDeps {
  /** The JWT check (`TeamsTokenCheck`); throws on anything but a valid token for this activity. */
  tokens: { verify(authorization: string | undefined, activity: ActivityClaims): Promise<unknown> };
  connector: TeamsConnector;
  queue: JobQueue;
  logger: EdgeLogger;
  maxUploadBytes: number;
  /** The bot's own tenant: a single-tenant registration acts there only. */
  tenantId?: string;
  now?: () => Date;
}

export interface TeamsRequest {
  /** Header names in any case. */
  headers: Record<string, string | undefined>;
  body: string;
}

export type TeamsEdge = (request: TeamsRequest) => Promise<TeamsResult>;

/**
 * The Teams edge, transport-free: the Lambda handler and the local HTTP server both feed it. Every
 * request's token is checked before anything else happens; a request that fails gets 401 and
 * nothing is queued or posted. A good one is answered within the request: the placeholder is
 * posted and the job queued before the 200, and an invoke's result goes back in the body.
 */
export function createTeamsEdge(deps: TeamsEdgeDeps): TeamsEdge {
  const replies = new TeamsReplies(deps.connector, deps.logger);
  const now = deps.now ?? (() => new Date());
  return async ({ headers, body }) => {
    const authorization = headerOf(headers, 'authorization');
    if (!authorization) return refuse(deps, 'No Authorization header.');
    let request;
    try {
      request = parseActivity(body);
    } catch (error) {
      if (!(error instanceof ActivityParseError)) throw error;
      // Parsed first only because the token check needs the activity's service URL: unverified, so a 401 too.
      return refuse(deps, error.message);
    }
    try {
      await deps.tokens.verify(authorization, {
        serviceUrl: request.fields.serviceUrl,
        channelId: request.fields.channelId,
      });
    } catch (error) {
      return refuse(deps, (error as Error).message);
    }
    const conversation = conversationOf(request);
    if (!conversation) return refuse(deps, 'The activity names no tenant.', 400);
    if (deps.tenantId && conversation.tenant !== deps.tenantId.toLowerCase()) {
      deps.logger.warn('Ignored an activity from another tenant', { tenant: conversation.tenant });
      return OK;
    }
    const { fields } = request;
    const turn: TeamsTurn = {
      request,
      conversation,
      user: fields.from.aadObjectId ?? fields.from.id,
      userName: fields.from.name,
      queue: deps.queue,
      replies,
      logger: deps.logger,
      maxUploadBytes: deps.maxUploadBytes,
      now,
    };
    switch (fields.type) {
      case 'message':
        return message(turn);
      case 'invoke':
        if (request.activity.name === 'adaptiveCard/action') return cardAction(turn, request.activity.value, true);
        return { status: 200, body: { status: 200 } };
      case 'installationUpdate':
      case 'conversationUpdate':
        return installChange(turn);
      default:
        return OK;
    }
  };
}

function refuse(deps: TeamsEdgeDeps, reason: string, status = 401): TeamsResult {
  deps.logger.warn('Refused a Teams request', { status, reason });
  return { status };
}

function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
