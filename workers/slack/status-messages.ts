import { context, safe, section, type SlackContent } from './slack-content';

/** Work in progress: the placeholder says what is happening now ("Reading sales.csv…"). */
export function progressMessage(doing: string, caveat?: string): SlackContent {
  const text = `:hourglass_flowing_sand: ${safe(doing)}`;
  return { text, blocks: caveat ? [section(text), context(safe(caveat))] : [section(text)] };
}

/**
 * Shown under the progress of a job's last try after an earlier try failed:
 * if this try dies too (out of memory, say) nothing can edit the message
 * again, so it must already say what to do then.
 */
export function lastTryCaveat(reference: string): string {
  return (
    'Last try after a failure on our side. If this message has not changed in ten minutes, ' +
    `that try failed too: please ask again later and give the team reference ${reference}.`
  );
}

/** Something the person can fix or should know (a file too large, no dataset yet), in words they can act on. */
export function problemMessage(message: string): SlackContent {
  const text = `:warning: ${safe(message)}`;
  return { text, blocks: [section(text)] };
}

/** A failure on our side that will be tried again: the placeholder must not look stuck meanwhile. */
export function retryingMessage(reference: string): SlackContent {
  const text = ':hourglass_flowing_sand: Something went wrong on our side; trying again…';
  return { text, blocks: [section(text), context(`Reference: \`${safe(reference)}\``)] };
}

/** A failure on our side after the last try; the reference lets the team find the job in the logs and the DLQ. */
export function brokenMessage(reference: string): SlackContent {
  const text =
    ':x: Something broke on our side and I couldn’t finish this. Please try again in a few minutes; ' +
    'if it keeps happening, give the team this reference.';
  return { text, blocks: [section(text), context(`Reference: \`${safe(reference)}\``)] };
}

/**
 * A job stopped at its time limit: tried again, or on the last try given up.
 * Either way the person learns why, rather than seeing the generic failure.
 */
export function tooSlowMessage(reference: string, retrying: boolean): SlackContent {
  const text = retrying
    ? ':hourglass_flowing_sand: This took longer than I’m allowed to spend on one try; trying again…'
    : ':x: This took longer than I’m allowed to spend on it, so I stopped. Try a smaller file or a narrower ' +
      'question; if it keeps happening, give the team this reference.';
  return { text, blocks: [section(text), context(`Reference: \`${safe(reference)}\``)] };
}
