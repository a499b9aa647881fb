import { AskButtonValue } from '../../../core/slack-actions';
import { buttonListener } from '../../button-click';
import type { EdgeDeps } from '../../edge-deps';
import { edgeTexts } from '../../edge-texts';

/** A suggested question's button: asked in the thread it sits in, against the dataset it was suggested for. */
export function askSuggestion(deps: EdgeDeps) {
  return buttonListener(deps, {
    value: AskButtonValue,
    placeholder: ({ question }) => edgeTexts.workingOn(question),
    job: ({ question, dataset }, base) => ({ ...base, kind: 'question', text: question, via: 'button', dataset }),
  });
}
