import type { CommandJob } from '../../core/job';
import { datasetListReply, helpReply } from '../conversation/dataset-replies';
import type { JobContext, JobOutcome } from './job-context';

/**
 * `/analyze list` and `/analyze help`, answered from the channel's own catalog.
 * The list mentions uploaders only when it is edited into the placeholder.
 */
export async function handleCommand(ctx: JobContext<CommandJob>): Promise<JobOutcome> {
  const entries = await ctx.catalog.list();
  if (ctx.job.command === 'list') {
    await ctx.point.finish(
      datasetListReply(entries, { mentionUploaders: true }),
      datasetListReply(entries, { mentionUploaders: false }),
    );
  } else {
    await ctx.point.finish(helpReply(entries[0]));
  }
  return 'done';
}
