import type { DuckDBConnection } from '@duckdb/node-api';
import { answerQuestion } from '../analysis/answer-question';
import type { DatasetEntry } from '../catalog/dataset-entry';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { answerMessage, notUnderstoodMessage } from '../slack/answer-message';
import { count } from '../slack/slack-content';
import type { JobContext } from './job-context';
import { DATASET_TABLE } from './dataset-table';
import type { ReplyPoint } from './reply-point';

export interface ThreadQuestion {
  question: string;
  entry: DatasetEntry;
  /** The dataset, loaded as `DATASET_TABLE`. */
  connection: DuckDBConnection;
  previous?: AnalysisPlan;
  /** Prefixes this answer's ledger steps, so an ingest job's question does not collide with its overview. */
  step: string;
}

export function chartFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'chart'}.png`;
}

/**
 * Answers a question in the point's thread: the headline and insights replace
 * the point's message, the chart is stored and uploaded into the thread, the
 * answer is kept for its "Show SQL" and "Download CSV" buttons, and the plan
 * becomes the thread's, for follow-ups. A question the planner could not read
 * gets what it understood and suggestions instead.
 */
export async function answerInThread(ctx: JobContext, point: ReplyPoint, input: ThreadQuestion): Promise<void> {
  const { entry } = input;
  await point.progress(`Working out “${input.question}” on ${entry.name} (${count(entry.rows)} rows)…`);
  const answer = await answerQuestion(input.question, {
    connection: input.connection,
    table: DATASET_TABLE,
    meta: entry,
    previous: input.previous,
    llm: await ctx.languageModel(),
  });
  const thread = point.thread;
  if (!thread) throw new Error('An answer needs a thread: the reply point has no message.');
  const remember = (plan: AnalysisPlan | undefined) =>
    ctx.catalog.saveThread(thread, {
      version: 1,
      dataset: entry.id,
      ...(plan ? { plan } : {}),
      updatedAt: ctx.clock().toISOString(),
    });
  if (answer.kind === 'not-understood') {
    await point.finish(notUnderstoodMessage({ answer, dataset: entry }));
    await remember(input.previous);
    return;
  }
  const png = answer.png;
  if (png) {
    await point.progress('Posting the chart…');
    await ctx.catalog.saveChart(ctx.job.id, png);
    await ctx.ledger.once(`${input.step}chart`, () =>
      ctx.replies.upload({ bytes: png, filename: chartFileName(answer.plan.title), title: answer.plan.title }, thread),
    );
  }
  await ctx.ledger.saveAnswer({
    dataset: entry.id,
    question: answer.question,
    plan: answer.plan,
    sql: answer.sql,
    params: answer.params,
    method: answer.method,
    channel: ctx.conversation.channel,
    thread,
  });
  await point.finish(answerMessage({ answer, dataset: entry, jobId: ctx.job.id }));
  // A model-written query is no plan to refine: a follow-up starts from the question alone.
  await remember(answer.method === 'plan' ? answer.plan : undefined);
}
