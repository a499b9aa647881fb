import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ExportButtonValue } from '../../../core/slack-actions';
import { clickedIn, readButtonValue } from '../../button-click';
import type { EdgeDeps } from '../../edge-deps';
import { postPlaceholder } from '../../edge-messages';
import { edgeTexts } from '../../edge-texts';
import { enqueueJob } from '../../enqueue-job';
import { eventKeys, jobBase } from '../../slack-jobs';

/** "Show SQL" and "Download CSV" on an answer: the worker has the stored answer, so it serves them. */
export function exportAnswer(format: 'sql' | 'csv', deps: EdgeDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const where = clickedIn(body, context.teamId);
    if (!where) return deps.logger.warn('A button was clicked outside a conversation', { actionId: action.action_id });
    const value = await readButtonValue(ExportButtonValue, action, where, client, deps.logger);
    if (!value) return;
    const placeholder = await postPlaceholder(client, deps.logger, where, edgeTexts.exporting(format));
    const base = jobBase(
      { ...where, eventKey: eventKeys.action(where.team, body.trigger_id, action.action_id), placeholder },
      deps.now(),
    );
    await enqueueJob({ ...base, kind: 'export', format, answer: value.answer }, client, deps);
  };
}
