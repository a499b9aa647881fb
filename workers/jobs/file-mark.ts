import type { IngestJob } from '../../core/job';
import type { FileMark } from '../conversation/conversation-port';
import { errorFields } from './job-log';
import type { JobContext } from './job-context';
import { refusalMessage } from './refusal';

/**
 * Reads a shared file with `read`, then marks its message with how that ended:
 * read, or unreadable when the file could not be read (a refusal, or the last
 * attempt failing). The mark is a courtesy: one the platform refuses is
 * logged and the job goes on.
 */
export async function withFileMark<T>(ctx: JobContext<IngestJob>, read: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (error) {
    if (refusalMessage(error, ctx.job) !== undefined || ctx.attempt.last) await mark(ctx, 'unreadable');
    throw error;
  }
  await mark(ctx, 'read');
  return result;
}

async function mark(ctx: JobContext<IngestJob>, mark: FileMark): Promise<void> {
  const message = ctx.job.message;
  if (!message) return;
  try {
    await ctx.port.mark(message, mark);
  } catch (error) {
    ctx.log.warn('could not mark the shared file', { error: errorFields(error) });
  }
}
