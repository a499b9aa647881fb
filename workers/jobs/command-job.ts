import type { CommandJob } from '../../core/job';
import { helpMessage, listMessage } from '../slack/catalog-messages';
import type { JobContext, JobOutcome } from './job-context';

/** `/analyze list` and `/analyze help`, answered from the channel's own catalog. */
export async function handleCommand(ctx: JobContext<CommandJob>): Promise<JobOutcome> {
  const entries = await ctx.catalog.list();
  await ctx.point.finish(ctx.job.command === 'list' ? listMessage(entries) : helpMessage(entries[0]));
  return 'done';
}
