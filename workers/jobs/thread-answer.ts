import type { DuckDBConnection } from '@duckdb/node-api';
import { scopeOf } from '../../core/job';
import { answerQuestion } from '../analysis/answer-question';
import type { DatasetEntry } from '../catalog/dataset-entry';
import type { AnalysisPlan, Filter } from '../plan/analysis-plan';
import { answerReply, notUnderstoodReply } from '../conversation/answer-replies';
import { count } from '../conversation/dataset-words';
import type { JobContext } from './job-context';
import { DATASET_TABLE } from './dataset-table';
import type { ReplyPoint } from './reply-point';

export interface ThreadQuestion {
  question: string;
  entry: DatasetEntry;
  /** The dataset, loaded as `DATASET_TABLE`. */
  connection: DuckDBConnection;
  previous?: AnalysisPlan;
  /** The reported period of a digest's thread (see `ThreadState`). */
  period?: Filter;
  /** Prefixes this answer's ledger steps, so an ingest job's question does not collide with its overview. */
  step: string;
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
    period: input.period,
    llm: await ctx.languageModel(),
  });
  const thread = point.thread;
  if (!thread) throw new Error('An answer needs a thread: the reply point has no message.');
  const remember = (plan: AnalysisPlan | undefined) =>
    ctx.catalog.saveThread(thread, {
      version: 1,
      dataset: entry.id,
      ...(plan ? { plan } : {}),
      ...(input.period ? { period: input.period } : {}),
      updatedAt: ctx.clock().toISOString(),
    });
  if (answer.kind === 'not-understood') {
    await point.finish(notUnderstoodReply({ answer, dataset: entry }));
    await remember(input.previous);
    return;
  }
  const reply = answerReply({ answer, dataset: entry, jobId: ctx.job.id });
  const chart = reply.chart;
  if (chart) {
    await point.progress('Posting the chart…');
    await ctx.catalog.saveChart(ctx.job.id, chart.png);
    await ctx.ledger.once(`${input.step}chart`, () =>
      ctx.port.attach(
        { bytes: chart.png, filename: chart.filename, title: chart.title, mediaType: 'image/png' },
        thread,
      ),
    );
  }
  await ctx.ledger.saveAnswer({
    dataset: entry.id,
    question: answer.question,
    plan: answer.plan,
    sql: answer.sql,
    params: answer.params,
    method: answer.method,
    channel: scopeOf(ctx.conversation).channel,
    thread,
  });
  await point.finish(reply);
  // A model-written query is no plan to refine: a follow-up starts from the question alone.
  await remember(answer.method === 'plan' ? answer.plan : undefined);
}
