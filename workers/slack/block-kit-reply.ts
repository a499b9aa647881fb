import type { Reply } from '../conversation/reply';
import { answerMessage, notUnderstoodMessage } from './answer-message';
import { helpMessage, listMessage } from './catalog-messages';
import { csvReadyMessage, sqlMessage } from './export-messages';
import { profileMessage } from './profile-message';
import type { SlackContent } from './slack-content';
import { failureMessage, problemMessage, progressMessage } from './status-messages';

/** A reply as Slack shows it: Block Kit, with escaped mrkdwn `text` for notifications. */
export function blockKitReply(reply: Reply): SlackContent {
  switch (reply.kind) {
    case 'progress':
      return progressMessage(reply);
    case 'problem':
      return problemMessage(reply);
    case 'failure':
      return failureMessage(reply);
    case 'answer':
      return answerMessage(reply);
    case 'not-understood':
      return notUnderstoodMessage(reply);
    case 'profile':
      return profileMessage(reply);
    case 'dataset-list':
      return listMessage(reply);
    case 'help':
      return helpMessage(reply);
    case 'sql':
      return sqlMessage(reply);
    case 'csv-ready':
      return csvReadyMessage(reply);
  }
}
