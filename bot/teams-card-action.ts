import type { Job } from '../core/job';
import { MAX_QUESTION_LENGTH } from './slack-jobs';
import {
  ASK_VERB,
  cardActionOf,
  DIGEST_VERB,
  SHOW_SQL_VERB,
  SUBSCRIBE_VERB,
  type CardAction,
} from '../core/teams-card-actions';
import { localTimeZone, OK, type TeamsResult, type TeamsTurn } from './teams-context';
import { teamsJobBase, teamsJobId } from './teams-jobs';
import { teamsTexts } from './teams-texts';

/**
 * A card button: a suggested question, Show SQL, Download CSV, "Send this every week", or a digest's
 * pause, resume, send now or delete. `Action.Execute` arrives as an `adaptiveCard/action` invoke and
 * is answered in the HTTP body (Teams shows the text under the card); `Action.Submit` arrives as a
 * message with `value`. Either way a placeholder goes in the thread and the job is queued; a button
 * whose data no longer parses is told so. Who clicked rides in the job: the worker lets only a
 * digest's owner change it, as in Slack.
 */
export async function cardAction(turn: TeamsTurn, value: unknown, invoke: boolean): Promise<TeamsResult> {
  const action = cardActionOf(value);
  if (!action || (action.verb === ASK_VERB && action.question.length > MAX_QUESTION_LENGTH)) {
    turn.logger.warn('A card action with data that does not parse', { invoke });
    if (!invoke) await turn.replies.tell(turn.conversation, teamsTexts.staleButton);
    return invoke ? invokeMessage(teamsTexts.staleButton) : OK;
  }
  const text = placeholderText(action);
  const origin = {
    activityId: turn.request.fields.id,
    conversation: turn.conversation,
    user: turn.user,
    userName: turn.userName,
  };
  const placeholder = await turn.replies.placeholder(teamsJobId(origin), turn.conversation, text);
  const base = teamsJobBase({ ...origin, placeholder }, turn.now());
  await turn.replies.enqueue(jobOf(action, base, localTimeZone(turn)), turn.queue);
  return invoke ? invokeMessage(text) : OK;
}

function jobOf(action: CardAction, base: ReturnType<typeof teamsJobBase>, timeZone: string | undefined): Job {
  switch (action.verb) {
    case ASK_VERB:
      return { ...base, kind: 'question', text: action.question, via: 'button', dataset: action.dataset };
    case SUBSCRIBE_VERB:
      return {
        ...base,
        kind: 'digest-command',
        command: { do: 'subscribe', text: 'weekly', answer: action.answer, ...(timeZone ? { timeZone } : {}) },
      };
    case DIGEST_VERB:
      return { ...base, kind: 'digest-command', command: { do: action.do, digest: action.digest } };
    default:
      return { ...base, kind: 'export', format: action.verb === SHOW_SQL_VERB ? 'sql' : 'csv', answer: action.answer };
  }
}

function placeholderText(action: CardAction): string {
  switch (action.verb) {
    case ASK_VERB:
      return teamsTexts.workingOn(action.question);
    case SUBSCRIBE_VERB:
    case DIGEST_VERB:
      return teamsTexts.working;
    default:
      return teamsTexts.exporting(action.verb === SHOW_SQL_VERB ? 'sql' : 'csv');
  }
}

/** The Universal Actions answer that shows a line of text to the person who clicked. */
function invokeMessage(text: string): TeamsResult {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}
