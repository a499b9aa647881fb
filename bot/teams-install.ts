import { OK, type TeamsResult, type TeamsTurn } from './teams-context';
import { teamsJobBase } from './teams-jobs';

/**
 * The bot added to or removed from a conversation: `installationUpdate` (`action: add|remove`, with
 * `-upgrade` variants) or a `conversationUpdate` whose members added or removed include the bot. The
 * worker keeps the conversation reference, which digests need to post unprompted.
 */
export async function installChange(turn: TeamsTurn): Promise<TeamsResult> {
  const action = installActionOf(turn);
  if (!action) return OK;
  // A team install names the team's General channel; the reference is the conversation, not a thread of it.
  const { thread: _thread, ...conversation } = turn.conversation;
  const origin = { activityId: turn.request.fields.id, conversation, user: turn.user };
  await turn.replies.enqueue({ ...teamsJobBase(origin, turn.now()), kind: 'install', action }, turn.queue);
  return OK;
}

function installActionOf({ request }: TeamsTurn): 'add' | 'remove' | undefined {
  const { activity, fields } = request;
  if (fields.type === 'installationUpdate') {
    const action = String(activity.action ?? '');
    if (action.startsWith('add')) return 'add';
    if (action.startsWith('remove')) return 'remove';
    return undefined;
  }
  const bot = fields.recipient.id;
  if (activity.membersAdded?.some((member) => member.id === bot)) return 'add';
  if (activity.membersRemoved?.some((member) => member.id === bot)) return 'remove';
  return undefined;
}
