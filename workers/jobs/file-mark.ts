import type { IngestJob } from '../../core/job';
import { errorFields } from './job-log';
import type { JobContext } from './job-context';
import { refusalMessage } from './refusal';

/** Slack's answers when the reactions already are as wanted: another table of the same message got there first. */
const ALREADY = new Set(['no_reaction', 'already_reacted']);

/**
 * Reads a shared file with `read`, then swaps the edge's :eyes: on its message
 * for how that ended: a check mark, or a warning when the file could not be
 * read (a refusal, or the last attempt failing). The reactions are a courtesy:
 * one Slack refuses is logged and the job goes on.
 */
export async function withFileMark<T>(ctx: JobContext<IngestJob>, read: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (error) {
    if (refusalMessage(error, ctx.job) !== undefined || ctx.attempt.last) await mark(ctx, 'warning');
    throw error;
  }
  await mark(ctx, 'white_check_mark');
  return result;
}

async function mark(ctx: JobContext<IngestJob>, emoji: 'white_check_mark' | 'warning'): Promise<void> {
  const message = ctx.job.message;
  if (!message) return;
  const attempt = async (change: () => Promise<void>) => {
    try {
      await change();
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (!code || !ALREADY.has(code))
        ctx.log.warn('could not change a reaction on the file', { error: errorFields(error) });
    }
  };
  await attempt(() => ctx.replies.unreact(message, 'eyes'));
  await attempt(() => ctx.replies.react(message, emoji));
}
