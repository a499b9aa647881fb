import type { FailureReply, ProblemReply, ProgressReply } from '../conversation/reply';
import { failureWords } from '../conversation/status-words';
import { context, safe, section, type SlackContent } from './slack-content';

/** Work in progress: the placeholder says what is happening now ("Reading sales.csv…"). */
export function progressMessage(reply: ProgressReply): SlackContent {
  const text = `:hourglass_flowing_sand: ${safe(reply.doing)}`;
  return { text, blocks: reply.caveat ? [section(text), context(safe(reply.caveat))] : [section(text)] };
}

/** Something the person can fix or should know (a file too large, no dataset yet), in words they can act on. */
export function problemMessage(reply: ProblemReply): SlackContent {
  const text = `:warning: ${safe(reply.message)}`;
  return { text, blocks: [section(text)] };
}

/**
 * A failure on our side: while it is retried the placeholder must not look
 * stuck; after the last try it says so. A try stopped at its time limit says
 * why, rather than the generic failure. The reference lets the team find the
 * job in the logs and the DLQ.
 */
export function failureMessage(reply: FailureReply): SlackContent {
  const text = failureText(reply);
  return { text, blocks: [section(text), context(`Reference: \`${safe(reply.reference)}\``)] };
}

function failureText(reply: FailureReply): string {
  return `${reply.retrying ? ':hourglass_flowing_sand:' : ':x:'} ${failureWords(reply)}`;
}
