import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseAnalyzeText } from '../../analyze-command';
import type { EdgeDeps } from '../../edge-deps';
import { announce } from '../../announce';
import { postPlaceholder } from '../../edge-messages';
import { edgeTexts } from '../../edge-texts';
import { enqueueJob } from '../../enqueue-job';
import { eventKeys, jobBase, MAX_QUESTION_LENGTH } from '../../slack-jobs';
import { timeZoneOf } from '../../slack-time-zone';

/**
 * `/analyze …`: a channel message shows who asked what, and the answer goes
 * in its thread. The placeholder is a reply in that thread rather than the
 * announcement itself, so the worker can edit it into the answer without
 * erasing the question from the channel.
 */
export function analyzeCommand(deps: EdgeDeps) {
  return async ({ command, ack, client, context, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const team = context.teamId;
    if (!team) return;
    const request = parseAnalyzeText(command.text);
    if (request.kind === 'question' && request.text.length > MAX_QUESTION_LENGTH) {
      return void (await respond({
        response_type: 'ephemeral',
        text: edgeTexts.questionTooLong(request.text.length, MAX_QUESTION_LENGTH),
      }));
    }
    const announced = await announce(
      client,
      deps.logger,
      command.channel_id,
      edgeTexts.announcement(command.user_id, request),
    );
    if (!announced.ok) return void (await respond({ response_type: 'ephemeral', text: announced.notice }));
    const thread = announced.ts;
    const placeholder = await postPlaceholder(
      client,
      deps.logger,
      { channel: command.channel_id, thread },
      edgeTexts.working,
    );
    const origin = {
      eventKey: eventKeys.command(team, command.trigger_id),
      team,
      channel: command.channel_id,
      thread,
      user: command.user_id,
      placeholder,
    };
    const base = jobBase(origin, deps.now());
    const job =
      request.kind === 'question'
        ? { ...base, kind: 'question' as const, text: request.text, via: 'command' as const }
        : request.kind === 'command'
          ? { ...base, kind: 'command' as const, command: request.command }
          : {
              ...base,
              kind: 'digest-command' as const,
              command:
                request.kind === 'digests'
                  ? { do: 'list' as const }
                  : { do: 'subscribe' as const, text: request.text, ...(await timeZoneOf(client, command.user_id)) },
            };
    await enqueueJob(job, client, deps, context);
  };
}
