import type { KnownBlock } from '@slack/types';
import { askActionId, AskButtonValue, encodeButtonValue } from '../../core/slack-actions';
import { actions } from './slack-content';

/** Questions as buttons that ask them about this dataset (not whatever the channel read last). */
export function askButtons(dataset: string, questions: string[]): KnownBlock {
  return actions(
    questions.slice(0, 5).map((question, i) => ({
      actionId: askActionId(i),
      label: question,
      value: encodeButtonValue(AskButtonValue, { dataset, question: question.slice(0, 500) }),
    })),
  );
}
