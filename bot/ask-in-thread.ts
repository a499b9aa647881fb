import type { WebClient } from '@slack/web-api';
import type { EdgeDeps } from './edge-deps';
import { postPlaceholder, tellInThread } from './edge-messages';
import { edgeTexts } from './edge-texts';
import { enqueueJob } from './enqueue-job';
import type { Delivery } from './redelivery';
import { jobBase, MAX_QUESTION_LENGTH, type JobOrigin } from './slack-jobs';

export interface AskRequest {
  client: WebClient;
  origin: JobOrigin & { thread: string };
  /** The question with the bot's mention already taken out. */
  text: string;
  /** Which delivery of the event this is: see {@link Delivery}. */
  delivery: Delivery;
}

/**
 * A question addressed to the bot (a mention, a DM): a placeholder in the
 * thread, then the job. A mention with nothing after it gets the help.
 */
export async function askInThread(deps: EdgeDeps, { client, origin, text, delivery }: AskRequest): Promise<void> {
  if (delivery === 'first-still-running') {
    return deps.logger.info('Left a slow event to the attempt still handling it', { eventKey: origin.eventKey });
  }
  const first = delivery === 'first';
  const target = { channel: origin.channel, thread: origin.thread };
  if (text.length > MAX_QUESTION_LENGTH) {
    if (first)
      await tellInThread(client, deps.logger, target, edgeTexts.questionTooLong(text.length, MAX_QUESTION_LENGTH));
    return;
  }
  const placeholder = first ? await postPlaceholder(client, deps.logger, target, edgeTexts.working) : undefined;
  const base = jobBase({ ...origin, placeholder }, deps.now());
  await enqueueJob(
    text ? { ...base, kind: 'question', text, via: 'mention' } : { ...base, kind: 'command', command: 'help' },
    client,
    deps,
  );
}
