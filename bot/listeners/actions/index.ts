import type App from '@slack/bolt/dist/App';
import type { BlockButtonAction } from '@slack/bolt';
import {
  ASK_ACTION_PATTERN,
  DIGEST_ACTION_PATTERN,
  DOWNLOAD_CSV_ACTION,
  SHOW_SQL_ACTION,
  SUBSCRIBE_ACTION,
} from '../../../core/slack-actions';
import type { EdgeDeps } from '../../edge-deps';
import { askSuggestion } from './ask-suggestion';
import { digestButton, subscribeToAnswer } from './digest-buttons';
import { exportAnswer } from './export-answer';

export function register(app: App, deps: EdgeDeps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: ASK_ACTION_PATTERN }, askSuggestion(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHOW_SQL_ACTION }, exportAnswer('sql', deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: DOWNLOAD_CSV_ACTION }, exportAnswer('csv', deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SUBSCRIBE_ACTION }, subscribeToAnswer(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: DIGEST_ACTION_PATTERN }, digestButton(deps));
}
