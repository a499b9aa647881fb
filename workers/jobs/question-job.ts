import type { QuestionJob } from '../../core/job';
import { chooseDataset } from './dataset-choice';
import { openDataset, usingDatabase } from './dataset-table';
import type { JobContext, JobOutcome } from './job-context';
import { answerInThread } from './thread-answer';

/**
 * A question from `/analyze`, a mention, a button or a thread reply. The edge
 * queues a reply without asking the platform whose thread it is in (it asks only
 * before warning that a reply is too long to queue), so a reply in a thread the
 * bot has no state for is ignored here without a word; every other question
 * gets an answer or a reason.
 */
export async function handleQuestion(ctx: JobContext<QuestionJob>): Promise<JobOutcome> {
  const { job, catalog } = ctx;
  const thread = ctx.port.thread;
  const state = thread ? await catalog.thread(thread) : undefined;
  if (job.via === 'thread' && !state) return 'ignored';
  await ctx.point.start('Reading your question…');
  const choice = await chooseDataset(catalog, job.text, { thread: state, dataset: job.dataset });
  // A digest's reported period holds for its own dataset only.
  const period = state?.period && state.dataset === choice.entry.id ? { period: state.period } : {};
  await ctx.point.progress(`Loading ${choice.entry.name}…`);
  await usingDatabase(await openDataset(catalog, choice.entry, ctx.workDir), ctx.signal, (connection) =>
    answerInThread(ctx, ctx.point, { ...choice, connection, step: '', ...period }),
  );
  return 'done';
}
