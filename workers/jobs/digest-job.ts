import { DigestScheduleMissingError } from '../../core/digest-scheduler';
import type { DigestJob } from '../../core/job';
import { ConversationError } from '../conversation/conversation-errors';
import type { DigestReply } from '../conversation/reply';
import { datasetWords, hasNewData, newestVersion, type DigestDataset } from '../digest/digest-dataset';
import { digestFindings, digestMeasure } from '../digest/digest-findings';
import { MAX_DIGEST_FAILURES, type DigestRecord, type DigestRun } from '../digest/digest-record';
import { digestReply, noNewDataReply } from '../digest/digest-reply';
import { DATASET_TABLE, openDataset, usingDatabase } from './dataset-table';
import type { JobContext, JobOutcome } from './job-context';

/**
 * A digest falls due: its stored plan runs on the newest version of its file and the result is a
 * top-level post in the channel, with its charts in the post's thread, where replies are
 * follow-up questions. A run on the file the last run read says so in one line. A digest whose
 * file is gone or whose channel shut the bot out tells its owner privately, once, and is paused
 * after three such runs in a row. A deleted or paused digest's late trigger does nothing.
 */
export async function handleDigest(ctx: JobContext<DigestJob>): Promise<JobOutcome> {
  const record = await ctx.digests.get(ctx.job.digest);
  if (!record || record.paused) return 'ignored';
  // This run already ended (its job was delivered again after the record was saved).
  if (record.lastRun?.dueAt === ctx.job.dueAt) return 'done';
  if (record.source.kind !== 'channel-file') {
    return failRun(ctx, record, 'Reading a linked export is not available in this version; share the file instead.');
  }
  const dataset = await newestVersion(ctx.catalog, record.source.name);
  if (!dataset) {
    return failRun(ctx, record, `${record.source.name} is no longer in the channel; share it again to resume.`);
  }
  const view = { question: record.question, source: datasetWords(dataset, record.timing.timeZone) };
  const fresh = hasNewData(record, dataset);
  const reply = fresh ? await digestOf(ctx, record, dataset, view) : noNewDataReply(dataset.entry.name, view);
  try {
    await ctx.point.finish(reply);
  } catch (error) {
    if (error instanceof ConversationError && error.code === 'NOT_IN_CONVERSATION') {
      return failRun(ctx, record, 'I can no longer post in that channel; invite me back to resume it.');
    }
    throw error;
  }
  const thread = ctx.point.thread;
  if (!thread) throw new Error('A posted digest has no message to thread its charts under.');
  for (const [index, chart] of reply.charts.entries()) {
    await ctx.ledger.once(`chart-${index}`, () =>
      ctx.port.attach(
        { bytes: chart.png, filename: chart.filename, title: chart.title, mediaType: 'image/png' },
        thread,
      ),
    );
  }
  // Replies under the post ask about the digest's own data and question, as under an answer.
  await ctx.catalog.saveThread(thread, {
    version: 1,
    dataset: dataset.entry.id,
    plan: record.plan,
    updatedAt: ctx.clock().toISOString(),
  });
  await ctx.digests.save({
    ...record,
    failures: 0,
    lastRun: run(ctx, fresh ? 'posted' : 'no-new-data', { datasetId: dataset.entry.id }),
  });
  return 'done';
}

async function digestOf(
  ctx: JobContext<DigestJob>,
  record: DigestRecord,
  dataset: DigestDataset,
  view: { question: string; source: string },
): Promise<DigestReply> {
  const { entry } = dataset;
  const what = digestMeasure(record.plan, entry, record.timing.cadence);
  if (!what) {
    return {
      kind: 'digest',
      ...view,
      tone: 'nothing-notable',
      headline: noPeriodsText(entry.name),
      insights: [],
      charts: [],
    };
  }
  const findings = await usingDatabase(await openDataset(ctx.catalog, entry, ctx.workDir), ctx.signal, (connection) =>
    digestFindings(connection, entry, DATASET_TABLE, record.plan, what),
  );
  if (!findings) {
    return {
      kind: 'digest',
      ...view,
      tone: 'nothing-notable',
      headline: noPeriodsText(entry.name),
      insights: [],
      charts: [],
    };
  }
  return digestReply(findings, view);
}

function noPeriodsText(name: string): string {
  return `${name} has no complete period to report on yet.`;
}

/**
 * A run that could not post: recorded, the owner told in a direct message on the first of a
 * series (not at every run), and after three in a row the digest and its schedule paused.
 */
async function failRun(ctx: JobContext<DigestJob>, record: DigestRecord, failure: string): Promise<JobOutcome> {
  const failures = record.failures + 1;
  const paused = failures >= MAX_DIGEST_FAILURES;
  if (record.failures === 0) {
    await ctx.ledger.once('owner-told', () =>
      ctx.port.tellPrivately(record.owner.id, {
        kind: 'problem',
        message: `Your digest “${record.question}” could not run: ${failure} It is paused after ${MAX_DIGEST_FAILURES} failed runs in a row.`,
      }),
    );
  }
  if (paused && ctx.digestScheduler) {
    try {
      await ctx.digestScheduler.pause(record.id);
    } catch (error) {
      if (!(error instanceof DigestScheduleMissingError)) throw error;
    }
  }
  await ctx.digests.save({
    ...record,
    failures,
    paused: paused || record.paused,
    lastRun: run(ctx, 'failed', { failure }),
  });
  ctx.log.warn('digest run failed', { digest: record.id, failures, paused });
  return 'done';
}

function run(ctx: JobContext<DigestJob>, outcome: DigestRun['outcome'], extra: Partial<DigestRun>): DigestRun {
  return { dueAt: ctx.job.dueAt, finishedAt: ctx.clock().toISOString(), outcome, ...extra };
}
