import {
  ASK_VERB,
  DIGEST_VERB,
  DOWNLOAD_CSV_VERB,
  executeAction,
  SHOW_SQL_VERB,
  SUBSCRIBE_VERB,
} from '../../core/teams-card-actions';
import type { AskAction, DigestAction, ReplyAction } from '../conversation/reply';

export type CardElement = Record<string, unknown>;

/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** An Adaptive Card 1.5 as the Teams adapter sends it, with the text a notification shows. */
export interface TeamsCard {
  /** Plain text for the notification and the chat list (the activity's `summary`). */
  summary: string;
  card: {
    type: 'AdaptiveCard';
    $schema: string;
    version: '1.5';
    body: CardElement[];
    actions?: CardElement[];
    msteams: { width: 'Full' };
  };
}

/** A card of `body`, with `actions` when there are any; full width, as answers hold charts and tables. */
export function card(summary: string, body: CardElement[], actions: CardElement[] = []): TeamsCard {
  return {
    summary,
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body,
      ...(actions.length ? { actions } : {}),
      msteams: { width: 'Full' },
    },
  };
}

/**
 * Teams shows at most six actions on a card; the answer's own buttons come first, and questions
 * beyond what is left (five at most) wait for the next answer.
 */
const MAX_ACTIONS = 6;
const MAX_ASKS = 5;

const DIGEST_LABELS: Record<DigestAction['do'], string> = {
  pause: 'Pause',
  resume: 'Resume',
  'send-now': 'Send now',
  delete: 'Delete',
};

/** A reply's buttons as `Action.Execute` with the verbs the edge reads (see `core/teams-card-actions`). */
export function cardActions(actions: readonly ReplyAction[]): CardElement[] {
  const exports = actions.flatMap((action) => {
    if (action.kind === 'show-sql') return [executeAction('Show SQL', { verb: SHOW_SQL_VERB, answer: action.answer })];
    if (action.kind === 'download-csv')
      return [executeAction('Download CSV', { verb: DOWNLOAD_CSV_VERB, answer: action.answer })];
    if (action.kind === 'subscribe')
      return [executeAction('Send this every week', { verb: SUBSCRIBE_VERB, answer: action.answer })];
    if (action.kind === 'digest') return [digestAction(action)];
    return [];
  });
  const asks = actions
    .filter((action): action is AskAction => action.kind === 'ask')
    .slice(0, Math.min(MAX_ASKS, MAX_ACTIONS - exports.length))
    .map((ask) =>
      executeAction(ask.question, { verb: ASK_VERB, dataset: ask.dataset, question: ask.question.slice(0, 500) }),
    );
  return [...exports, ...asks];
}

/** Pause, Resume, Send now or Delete on one digest; the worker lets only its owner use them. */
function digestAction(action: DigestAction): CardElement {
  return executeAction(DIGEST_LABELS[action.do], { verb: DIGEST_VERB, digest: action.digest, do: action.do });
}
