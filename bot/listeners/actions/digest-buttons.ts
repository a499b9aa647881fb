import { DigestButtonValue, ExportButtonValue } from '../../../core/slack-actions';
import { buttonListener } from '../../button-click';
import type { EdgeDeps } from '../../edge-deps';
import { edgeTexts } from '../../edge-texts';
import { timeZoneOf } from '../../slack-time-zone';

/** "Send this every week" under an answer: a weekly digest of its question, on the clicker's Slack clock. */
export function subscribeToAnswer(deps: EdgeDeps) {
  return buttonListener(deps, {
    value: ExportButtonValue,
    placeholder: () => edgeTexts.working,
    job: async ({ answer }, base, clicker) => ({
      ...base,
      kind: 'digest-command',
      command: { do: 'subscribe', text: 'weekly', answer, ...(await timeZoneOf(clicker.client, clicker.user)) },
    }),
  });
}

/** Pause, resume, send now or delete in `/analyze digests`; the worker checks it is the creator clicking. */
export function digestButton(deps: EdgeDeps) {
  return buttonListener(deps, {
    value: DigestButtonValue,
    placeholder: () => edgeTexts.working,
    job: (value, base) => ({ ...base, kind: 'digest-command', command: { do: value.do, digest: value.digest } }),
  });
}
