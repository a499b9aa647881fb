import { MAX_QUESTION_LENGTH } from './slack-jobs';
import { cardActionOf, type CardAction } from '../core/teams-card-actions';
import { OK, type TeamsResult, type TeamsTurn } from './teams-context';
import { teamsJobBase, teamsJobId } from './teams-jobs';
import { teamsTexts } from './teams-texts';

/**
 * A card button: a suggested question, Show SQL or Download CSV. `Action.Execute` arrives as an
 * `adaptiveCard/action` invoke and is answered in the HTTP body (Teams shows the text under the
 * card); `Action.Submit` arrives as a message with `value`. Either way a placeholder goes in the
 * thread and the job is queued; a button whose data no longer parses is told so.
 */
export async function cardAction(turn: TeamsTurn, value: unknown, invoke: boolean): Promise<TeamsResult> {
  const action = cardActionOf(value);
  if (!action || (action.verb === 'analytics.ask' && action.question.length > MAX_QUESTION_LENGTH)) {
    turn.logger.warn('A card action with data that does not parse', { invoke });
    if (!invoke) await turn.replies.tell(turn.conversation, teamsTexts.staleButton);
    return invoke ? invokeMessage(teamsTexts.staleButton) : OK;
  }
  const text = placeholderText(action);
  const origin = { activityId: turn.request.fields.id, conversation: turn.conversation, user: turn.user };
  const placeholder = await turn.replies.placeholder(teamsJobId(origin), turn.conversation, text);
  const base = teamsJobBase({ ...origin, placeholder }, turn.now());
  const job =
    action.verb === 'analytics.ask'
      ? { ...base, kind: 'question' as const, text: action.question, via: 'button' as const, dataset: action.dataset }
      : {
          ...base,
          kind: 'export' as const,
          format: action.verb === 'analytics.show_sql' ? ('sql' as const) : ('csv' as const),
          answer: action.answer,
        };
  await turn.replies.enqueue(job, turn.queue);
  return invoke ? invokeMessage(text) : OK;
}

function placeholderText(action: CardAction): string {
  if (action.verb === 'analytics.ask') return teamsTexts.workingOn(action.question);
  return teamsTexts.exporting(action.verb === 'analytics.show_sql' ? 'sql' : 'csv');
}

/** The Universal Actions answer that shows a line of text to the person who clicked. */
function invokeMessage(text: string): TeamsResult {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}
