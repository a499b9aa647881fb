import type { QuestionJob } from '../../core/job';
import { closeDatabase } from '../engine/duckdb';
import { chooseDataset } from './dataset-choice';
import { openDataset } from './dataset-table';
import type { JobContext, JobOutcome } from './job-context';
import { answerInThread } from './thread-answer';

/**
 * A question from `/analyze`, a mention, a button or a thread reply. The edge
 * cannot tell whose thread a reply is in, so a reply in a thread the bot has
 * no state for is ignored without a word; every other question gets an answer
 * or a reason.
 */
export async function handleQuestion(ctx: JobContext<QuestionJob>): Promise<JobOutcome> {
  const { job, catalog } = ctx;
  const thread = job.conversation.platform === 'slack' ? job.conversation.thread : undefined;
  const state = thread ? await catalog.thread(thread) : undefined;
  if (job.via === 'thread' && !state) return 'ignored';
  await ctx.point.start('Reading your question…');
  const choice = await chooseDataset(catalog, job.text, { thread: state, dataset: job.dataset });
  await ctx.point.progress(`Loading ${choice.entry.name}…`);
  const connection = await openDataset(catalog, choice.entry, ctx.workDir);
  try {
    await answerInThread(ctx, ctx.point, { ...choice, connection, step: '' });
  } finally {
    closeDatabase(connection);
  }
  return 'done';
}
