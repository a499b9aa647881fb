import { DigestScheduleMissingError } from '../../core/digest-scheduler';
import { nextRunAfter } from '../../core/digest-cadence';
import type { DigestJob } from '../../core/job';
import { linkedUri } from '../../core/linked-exports';
import { unreadRowsNote } from '../answer/unread-rows';
import { ConversationError } from '../conversation/conversation-errors';
import type { DigestReply, Reply } from '../conversation/reply';
import { datasetWords, hasNewData, newestVersion, type DigestDataset } from '../digest/digest-dataset';
import { digestFindings } from '../digest/digest-findings';
import { digestMeasure } from '../digest/digest-measure';
import { MAX_DIGEST_FAILURES, OWNER_TOLD_OF_FAILURE, type DigestRecord, type DigestRun } from '../digest/digest-record';
import { digestReply, noNewDataReply } from '../digest/digest-reply';
import { dateTimeWords } from '../digest/schedule-words';
import type { Filter } from '../plan/analysis-plan';
import { PlanError } from '../plan/plan-errors';
import { DATASET_TABLE, openDataset, usingDatabase } from './dataset-table';
import type { JobContext, JobOutcome } from './job-context';
import { JobLedger } from './job-ledger';
import { errorFields } from './job-log';
import { linkedDigestData } from './linked-export';
import type { ReplyPoint } from './reply-point';

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
  await postDigest(ctx, record, ctx.job.dueAt, ctx.point);
  return 'done';
}

/**
 * One run of a digest, due at `dueAt`, posted at the top of the channel through `point` (whose
 * ledger step keeps a retried job to one post): a scheduled run's own point, or a "Send now",
 * which someone `asked` for and so gets the whole digest even on data the last run read. Only
 * scheduled runs count toward pausing: whoever asked sees a failure of theirs at once. Returns
 * the run as recorded.
 */
export async function postDigest(
  ctx: JobContext,
  record: DigestRecord,
  dueAt: string,
  point: ReplyPoint,
  { asked = false } = {},
): Promise<DigestRun> {
  const run = (outcome: DigestRun['outcome'], extra: Partial<DigestRun>): DigestRun => ({
    dueAt,
    finishedAt: ctx.clock().toISOString(),
    outcome,
    ...extra,
  });
  const failRun = async (failure: string) => {
    const failed = run('failed', { failure });
    if (asked) await ctx.digests.save({ ...record, lastRun: failed });
    else await recordFailure(ctx, record, failure, failed);
    return failed;
  };
  const found = await digestData(ctx, record);
  if ('failure' in found) return failRun(found.failure);
  const dataset = found;
  const view = { question: record.question, source: datasetWords(dataset, record.timing.timeZone) };
  const fresh = hasNewData(record, dataset);
  let reply: DigestReply;
  // Follow-ups under the post ask about the period the digest reported, not every row.
  let threadPlan = record.plan;
  let period: Filter | undefined;
  try {
    if (fresh || asked) {
      const found = await digestOf(ctx, record, dataset, view);
      reply = found.reply;
      if (found.period) {
        period = found.period;
        threadPlan = { ...record.plan, filters: [...record.plan.filters, found.period] };
      }
      const last = record.lastRun;
      if (!fresh && last)
        reply = { ...reply, insights: [...reply.insights, sameDataText(sourceName(record), last, record)] };
    } else {
      reply = noNewDataReply(sourceName(record), view);
    }
  } catch (error) {
    if (!(error instanceof PlanError) || error.code === 'QUERY_FAILED') throw error;
    // The file changed under the stored plan (a re-upload renamed or dropped a column): the
    // channel, expecting its digest, hears why it did not come, and the owner what to do.
    const failure = planNoLongerFits(dataset.entry.name, error);
    const paused = !asked && record.failures + 1 >= MAX_DIGEST_FAILURES;
    const told = paused ? ` It is paused after ${MAX_DIGEST_FAILURES} failed runs in a row.` : '';
    await notInChannel(() => point.finish(digestProblem(record, failure + told)));
    return failRun(failure);
  }
  // A digest read from a file with rows set aside says so as an answer does; "no new data" reports nothing.
  const unread = reply.tone === 'no-new-data' ? undefined : unreadRowsNote(dataset.entry, 'digest');
  if (unread) reply = { ...reply, unread };
  if (await notInChannel(() => point.finish(reply))) {
    return failRun('I can no longer post in that channel; invite me back to resume it.');
  }
  const thread = point.thread;
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
    plan: threadPlan,
    ...(period ? { period } : {}),
    updatedAt: ctx.clock().toISOString(),
  });
  const done = run(fresh || asked ? 'posted' : 'no-new-data', { datasetId: dataset.entry.id });
  await ctx.digests.save({ ...record, failures: 0, lastRun: done });
  return done;
}

/** The newest version of the digest's data: the channel file's latest upload, or the linked prefix's newest object. */
async function digestData(ctx: JobContext, record: DigestRecord): Promise<DigestDataset | { failure: string }> {
  const { source } = record;
  if (source.kind === 'linked') {
    const found = await linkedDigestData(ctx, source, record.owner);
    return 'failure' in found ? found : { entry: found.entry, versions: 1 };
  }
  const dataset = await newestVersion(ctx.catalog, source.name);
  return dataset ?? { failure: `${source.name} is no longer in the channel; share it again to resume.` };
}

/** What the digest reads, for "has not changed": the file's name or the linked prefix. */
function sourceName(record: DigestRecord): string {
  return record.source.kind === 'linked' ? linkedUri(record.source) : record.source.name;
}

/** Runs `post`; `true` when the channel shut the bot out, which is the digest's failure, not the job's. */
async function notInChannel(post: () => Promise<unknown>): Promise<boolean> {
  try {
    await post();
    return false;
  } catch (error) {
    if (error instanceof ConversationError && error.code === 'NOT_IN_CONVERSATION') return true;
    throw error;
  }
}

/** A digest sent on request on the data the last one read: it says so, and since when. */
function sameDataText(file: string, last: DigestRun, record: DigestRecord): string {
  return `No new data since the last digest (${dateTimeWords(new Date(last.finishedAt), record.timing.timeZone)}): ${file} has not changed.`;
}

function planNoLongerFits(file: string, error: PlanError): string {
  return `${file} changed since it was set up and no longer fits it: ${error.message} Set the digest up again with the new column name, or delete it (\`digests\`).`;
}

/** In place of a digest the channel expected: which digest, what broke and what to do. */
function digestProblem(record: DigestRecord, failure: string): Reply {
  return { kind: 'problem', message: `The digest “${record.question}” could not run: ${failure}` };
}

/** The run's reply and, when it reported one, its latest complete period as a filter for follow-ups. */
async function digestOf(
  ctx: JobContext,
  record: DigestRecord,
  dataset: DigestDataset,
  view: { question: string; source: string },
): Promise<{ reply: DigestReply; period?: Filter }> {
  const { entry } = dataset;
  const quiet: DigestReply = {
    kind: 'digest',
    ...view,
    tone: 'nothing-notable',
    headline: noPeriodsText(entry.name),
    insights: [],
    charts: [],
  };
  const measured = digestMeasure(record.plan, entry, record.timing.cadence);
  if (!measured) return { reply: quiet };
  // The run's date where the subscriber is: today there is never a complete day.
  const asOf = new Intl.DateTimeFormat('en-CA', { timeZone: record.timing.timeZone }).format(ctx.clock());
  const what = { ...measured, asOf };
  const findings = await usingDatabase(await openDataset(ctx.catalog, entry, ctx.workDir), ctx.signal, (connection) =>
    digestFindings(connection, entry, DATASET_TABLE, record.plan, what),
  );
  if (!findings) return { reply: quiet };
  const { from, to } = findings.headline.periods.current;
  return {
    reply: await digestReply(findings, view),
    period: { op: 'range', column: what.timeColumn, from: from.slice(0, 10), to: to.slice(0, 10) },
  };
}

function noPeriodsText(name: string): string {
  return `${name} has no complete period to report on yet.`;
}

/**
 * A run that could not post: recorded, the owner told in a direct message on the first of a
 * series (not at every run), and after three in a row the digest and its schedule paused.
 */
async function recordFailure(
  ctx: JobContext,
  record: DigestRecord,
  failure: string,
  lastRun: DigestRun,
): Promise<void> {
  const failures = record.failures + 1;
  const paused = failures >= MAX_DIGEST_FAILURES;
  if (record.failures === 0) {
    await ctx.ledger.once('owner-told', () =>
      ctx.port.tellPrivately(record.owner.id, {
        kind: 'problem',
        message: `Your digest “${record.question}” could not run: ${failure} If it fails ${MAX_DIGEST_FAILURES} runs in a row, it is paused.`,
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
  await ctx.digests.save({ ...record, failures, paused: paused || record.paused, lastRun });
  ctx.log.warn('digest run failed', { digest: record.id, failures, paused });
}

/**
 * A scheduled run that broke on our side (an exception, a time-out) has no message in the channel
 * to turn into the failure note, as an answer has. On its last try its owner hears it privately,
 * once, with the reference and when it comes next; the run is kept as failed for `digests`.
 * Earlier tries say nothing, since a retry may still post it. Best effort: it never throws.
 */
export async function tellDigestFailure(ctx: JobContext<DigestJob>, reference: string): Promise<void> {
  try {
    const record = await ctx.digests.get(ctx.job.digest);
    if (!record) return;
    const zone = record.timing.timeZone;
    const due = dateTimeWords(new Date(ctx.job.dueAt), zone);
    const next = dateTimeWords(nextRunAfter(record.timing, ctx.clock()), zone);
    const message =
      `Your digest “${record.question}” due ${due} could not be sent: something broke on our side ` +
      `(reference ${reference}). It comes again on ${next}; “Send now” in the digest list tries sooner.`;
    // The job's own ledger refuses steps once it was given up at its time limit; this one does not.
    const ledger = await JobLedger.open(ctx.catalog, ctx.job.id);
    await ledger.once(OWNER_TOLD_OF_FAILURE, () =>
      ctx.port.tellPrivately(record.owner.id, { kind: 'problem', message }),
    );
    const failure = `Something broke on our side (reference ${reference}).`;
    await ctx.digests.save({
      ...record,
      lastRun: { dueAt: ctx.job.dueAt, finishedAt: ctx.clock().toISOString(), outcome: 'failed', failure },
    });
  } catch (error) {
    ctx.log.warn('could not tell a digest’s owner that its run failed', { error: errorFields(error) });
  }
}
