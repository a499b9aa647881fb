import type { KnownBlock } from '@slack/types';
import { askActionId, AskButtonValue, encodeButtonValue } from '../../core/slack-actions';
import type { AskAction } from '../conversation/reply';
import { actions } from './slack-content';

/** Questions as buttons that ask them about their dataset (not whatever the channel read last). */
export function askButtons(questions: readonly AskAction[]): KnownBlock {
  return actions(
    questions.slice(0, 5).map((ask, i) => ({
      actionId: askActionId(i),
      label: ask.question,
      value: encodeButtonValue(AskButtonValue, { dataset: ask.dataset, question: ask.question.slice(0, 500) }),
    })),
  );
}
