import type { FailureReply } from './reply';

/**
 * What a failure on our side says, in plain words every platform shows: while it is
 * retried it must not look stuck; after the last try it says so, and a try stopped at
 * its time limit says why.
 */
export function failureWords({ retrying, timedOut, settled }: FailureReply): string {
  if (settled !== undefined) {
    return (
      `${settled} This is a fault on our side, and trying again would fail the same way, so I stopped. ` +
      'A different question or file may get around it; please give the team this reference.'
    );
  }
  if (timedOut) {
    return retrying
      ? 'This took longer than I’m allowed to spend on one try; trying again…'
      : 'This took longer than I’m allowed to spend on it, so I stopped. Try a smaller file or a narrower ' +
          'question; if it keeps happening, give the team this reference.';
  }
  return retrying
    ? 'Something went wrong on our side; trying again…'
    : 'Something broke on our side and I couldn’t finish this. Please try again in a few minutes; ' +
        'if it keeps happening, give the team this reference.';
}

/** Questions that work on most sales-like data, for help before any dataset is there. */
export const GENERIC_EXAMPLES = '“Monthly revenue trend”, “Top 5 customers by profit”, “Share of sales by region”';

/** How a list of datasets ends: which one questions use. */
export const WHICH_DATASET_HINT =
  'Questions use the newest one unless you name another (“… in sales.csv”) or ask in a file’s thread.';
