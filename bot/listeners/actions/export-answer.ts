import { ExportButtonValue } from '../../../core/slack-actions';
import { buttonListener } from '../../button-click';
import type { EdgeDeps } from '../../edge-deps';
import { edgeTexts } from '../../edge-texts';

/** "Show SQL" and "Download CSV" on an answer: the worker has the stored answer, so it serves them. */
export function exportAnswer(format: 'sql' | 'csv', deps: EdgeDeps) {
  return buttonListener(deps, {
    value: ExportButtonValue,
    placeholder: () => edgeTexts.exporting(format),
    job: ({ answer }, base) => ({ ...base, kind: 'export', format, answer }),
  });
}
