import { nextRunAfter, type DigestTiming } from '../../core/digest-cadence';
import { linkedUri } from '../../core/linked-exports';
import type { DigestCommand, DigestCommandJob } from '../../core/job';
import { answerQuestion } from '../analysis/answer-question';
import type { DigestAction, DigestListReply, DigestListing } from '../conversation/reply';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { newDigestId } from '../digest/channel-digests';
import { datasetWords } from '../digest/digest-dataset';
import { digestRefusal } from '../digest/digest-fit';
import type { DigestRecord, DigestRun } from '../digest/digest-record';
import { cadenceWords, dateTimeWords, subscriberZone, subscriptionConfirmation } from '../digest/schedule-words';
import { readSubscription } from '../digest/subscription-text';
import { AnalysisPlan } from '../plan/analysis-plan';
import { chooseDataset } from './dataset-choice';
import { DATASET_TABLE, openDataset, usingDatabase } from './dataset-table';
import { postDigest } from './digest-job';
import type { JobContext, JobOutcome } from './job-context';
import { JobError } from './job-errors';
import { JobLedger } from './job-ledger';
import { linkedSubscription } from './linked-export';
import { ReplyPoint } from './reply-point';

/**
 * `digest …`, `digests` and the digest buttons. Anyone in the channel can list; only the person
 * who set a digest up, or a workspace admin, may pause, resume, send or delete it.
 */
export async function handleDigestCommand(ctx: JobContext<DigestCommandJob>): Promise<JobOutcome> {
  const { command } = ctx.job;
  if (command.do === 'subscribe') return subscribe(ctx, command);
  if (command.do === 'list') {
    await ctx.point.finish(await listReply(ctx));
    return 'done';
  }
  const record = await ctx.digests.get(command.digest);
  if (!record) throw new JobError('DIGEST_REFUSED', 'That digest was deleted meanwhile.');
  if (!(await mayChange(ctx, record))) {
    const owner = record.owner.name ? `${record.owner.name}, who set it up,` : 'the person who set it up';
    // Admins are named only where the platform tells who they are (Slack); elsewhere the creator alone may.
    const admins = ctx.port.isWorkspaceAdmin ? ' or a workspace admin' : '';
    throw new JobError('DIGEST_REFUSED', `Only ${owner}${admins} can change the digest ${digestName(record)}.`);
  }
  const scheduler = ctx.digestScheduler;
  if (command.do === 'send-now') {
    await ctx.point.start(`Sending ${digestName(record)} now…`);
    const post = new ReplyPoint({
      port: ctx.port,
      ledger: ctx.ledger,
      step: 'digest',
      signal: ctx.signal,
      log: ctx.log,
    });
    const sent = await postDigest(ctx, record, ctx.job.receivedAt, post, { asked: true });
    const said =
      sent.outcome === 'failed'
        ? `Could not send ${digestName(record)}: ${sent.failure ?? 'the run failed.'}`
        : `Sent ${digestName(record)} to the channel.`;
    await ctx.point.finish(await listReply(ctx, said));
    return 'done';
  }
  if (command.do === 'delete') {
    await scheduler?.delete(record.id);
    await ctx.digests.delete(record.id);
    await ctx.point.finish(await listReply(ctx, `Deleted ${digestName(record)}.`));
    return 'done';
  }
  const paused = command.do === 'pause';
  if (paused) await scheduler?.pause(record.id);
  else await scheduler?.resume(record.id);
  // Resuming starts afresh: the failures that paused it are behind it.
  await ctx.digests.save({ ...record, paused, failures: paused ? record.failures : 0 });
  await ctx.point.finish(await listReply(ctx, `${paused ? 'Paused' : 'Resumed'} ${digestName(record)}.`));
  return 'done';
}

/** The creator, or a workspace admin (asked of the platform only when someone else clicks). */
async function mayChange(ctx: JobContext<DigestCommandJob>, record: DigestRecord): Promise<boolean> {
  const person = ctx.job.requestedBy.id;
  if (record.owner.id === person) return true;
  return (await ctx.port.isWorkspaceAdmin?.(person)) ?? false;
}

/**
 * A new digest: the question is planned now, as questions are (the model, or the offline
 * planner), so every run computes the same thing; the schedule is created and the reply says
 * when the first one arrives, on the subscriber's clock.
 */
async function subscribe(
  ctx: JobContext<DigestCommandJob>,
  command: Extract<DigestCommand, { do: 'subscribe' }>,
): Promise<JobOutcome> {
  const scheduler = ctx.digestScheduler;
  if (!scheduler) {
    throw new JobError('DIGEST_REFUSED', 'Digests are not set up in this installation (no scheduler is configured).');
  }
  const fromAnswer = command.answer === undefined ? undefined : await answerPlan(ctx, command.answer);
  // A button sends only the cadence; the question is the answer's.
  const request = readSubscription(command.text, fromAnswer?.question);
  await ctx.point.start(`Planning “${request.question}”…`);
  const linked =
    request.linked === undefined ? undefined : await linkedSubscription(ctx, request.linked, ctx.job.requestedBy);
  const planned = fromAnswer ?? (await questionPlan(ctx, request.question, linked?.entry));
  const refusal = digestRefusal(planned.question, planned.plan, planned.entry, request.cadence);
  if (refusal) throw new JobError('DIGEST_REFUSED', refusal);
  const zone = subscriberZone(command.timeZone);
  const timing: DigestTiming = { cadence: request.cadence, time: request.time, timeZone: zone.timeZone };
  const source: DigestRecord['source'] = linked
    ? { kind: 'linked', ...linked.where }
    : { kind: 'channel-file', name: planned.entry.name };
  const twin = (await ctx.digests.list()).find(
    (existing) =>
      sourceWords(existing.source) === sourceWords(source) &&
      samePlan(existing.plan, planned.plan) &&
      cadenceWords(existing.timing.cadence, existing.timing.time) === cadenceWords(timing.cadence, timing.time) &&
      existing.timing.timeZone === timing.timeZone,
  );
  if (twin) {
    const by = twin.owner.name ? ` (set up by ${twin.owner.name})` : '';
    throw new JobError('DIGEST_REFUSED', `This channel already gets ${digestName(twin)}${by}.`);
  }
  const conversation = channelOf(ctx);
  const id = (await ctx.ledger.once('digest-id', async () => newDigestId())) as string;
  const record: DigestRecord = {
    version: 1,
    id,
    conversation,
    question: planned.question,
    plan: planned.plan,
    source,
    timing,
    owner: ctx.job.requestedBy,
    createdAt: ctx.clock().toISOString(),
    paused: false,
    failures: 0,
  };
  await ctx.digests.save(record);
  await scheduler.put({ digest: id, timing, conversation, owner: record.owner });
  const text = subscriptionConfirmation({
    question: planned.question,
    timing,
    zoneKnown: zone.known,
    firstRun: nextRunAfter(timing, ctx.clock()),
    defaulted: request.defaulted,
    fromButton: fromAnswer !== undefined,
    ...(request.askedDay !== undefined ? { askedDay: request.askedDay } : {}),
  });
  await ctx.point.finish({
    kind: 'digest-set-up',
    lines: [
      ...text.split('\n'),
      linked
        ? `It reads the newest CSV or Excel file under ${linkedUri(linked.where)}; now that is ${datasetWords({ entry: linked.entry, versions: 1 }, zone.timeZone)}.`
        : `It reads the newest ${planned.entry.name}.`,
    ],
  });
  return 'done';
}

interface PlannedDigest {
  question: string;
  plan: AnalysisPlan;
  /** The file, whose name a re-upload keeps: the digest's next version. */
  entry: DatasetEntry;
}

/** Plans the question on `linked` (an operator's export), or on the channel's file it names or its latest. */
async function questionPlan(ctx: JobContext, question: string, linked?: DatasetEntry): Promise<PlannedDigest> {
  const choice = linked ? { entry: linked, question } : await chooseDataset(ctx.catalog, question, {});
  const { entry } = choice;
  const answer = await usingDatabase(
    await openDataset(ctx.catalog, entry, ctx.workDir),
    ctx.signal,
    async (connection) =>
      answerQuestion(choice.question, {
        connection,
        table: DATASET_TABLE,
        meta: entry,
        llm: await ctx.languageModel(),
      }),
  );
  if (answer.kind === 'not-understood' || answer.method !== 'plan') {
    // The planner's reason is a sentence of its own; it is not spliced into this one.
    const reason = answer.kind === 'not-understood' ? sentence(answer.reason) : 'It needs a query, not a plan.';
    // The file was picked for the person unless they named it: say which, since "no column like
    // team" is only true of that file.
    const picked = !linked && choice.question === question;
    const file = picked ? `${entry.name}, the newest file here` : entry.name;
    const instead = picked
      ? ' Name another file in the digest (`digest weekly … in sales.csv`), or try it as a question first.'
      : ' Try it as a question first.';
    throw new JobError('DIGEST_REFUSED', `I can’t follow “${question}” as a digest of ${file}. ${reason}${instead}`);
  }
  return { question: choice.question, plan: answer.plan, entry };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "Send this every week" under an answer: the answer's own plan and file. */
async function answerPlan(ctx: JobContext, answerJob: string): Promise<PlannedDigest> {
  const answer = await JobLedger.answerOf(ctx.catalog, answerJob);
  const entry = answer && (await ctx.catalog.get(answer.dataset));
  if (!answer || !entry || answer.method !== 'plan') {
    throw new JobError('DIGEST_REFUSED', 'That answer is no longer stored; ask the question again.');
  }
  return { question: answer.question, plan: answer.plan, entry };
}

/** The channel itself: a digest posts at its top level, never in the thread it was set up in. */
function channelOf(ctx: JobContext): DigestRecord['conversation'] {
  const { conversation } = ctx;
  if (conversation.platform === 'slack')
    return { platform: 'slack', team: conversation.team, channel: conversation.channel };
  if (conversation.platform === 'playground') return { platform: 'playground', channel: conversation.channel };
  const { thread: _thread, ...channel } = conversation;
  return channel;
}

function runWords(run: DigestRun): string {
  if (run.outcome === 'posted') return 'posted';
  if (run.outcome === 'no-new-data') return 'no new data since the last one';
  return run.failure ? `failed: ${run.failure}` : 'failed';
}

/** A digest's source as compared for twins: a file's name in any case, or the linked prefix. */
function sourceWords(source: DigestRecord['source']): string {
  return source.kind === 'linked' ? linkedUri(source) : source.name.toLowerCase();
}

/** Plans compared as stored: both through the schema, so defaults and key order agree. */
function samePlan(a: AnalysisPlan, b: AnalysisPlan): boolean {
  return JSON.stringify(AnalysisPlan.parse(a)) === JSON.stringify(AnalysisPlan.parse(b));
}

/** “total sales” every Monday at 9:00: a digest told apart from another of the same question. */
function digestName(record: DigestRecord): string {
  return `“${record.question}” ${cadenceWords(record.timing.cadence, record.timing.time)}`;
}

async function listReply(ctx: JobContext, notice?: string): Promise<DigestListReply> {
  const records = await ctx.digests.list();
  const now = ctx.clock();
  return { kind: 'digest-list', digests: records.map((record) => listing(record, now)), ...(notice ? { notice } : {}) };
}

function listing(record: DigestRecord, now: Date): DigestListing {
  const { timing, source } = record;
  const action = (what: DigestAction['do']): DigestAction => ({ kind: 'digest', digest: record.id, do: what });
  const last = record.lastRun;
  return {
    id: record.id,
    question: record.question,
    schedule: `${cadenceWords(timing.cadence, timing.time)} (${timing.timeZone} time)`,
    source: source.kind === 'linked' ? `reads the newest file under ${linkedUri(source)}` : `reads ${source.name}`,
    ...(record.paused ? {} : { nextRun: `next ${dateTimeWords(nextRunAfter(timing, now), timing.timeZone)}` }),
    owner: record.owner,
    paused: record.paused,
    ...(last
      ? { lastRun: `last run ${dateTimeWords(new Date(last.finishedAt), timing.timeZone)}: ${runWords(last)}` }
      : {}),
    actions: [action(record.paused ? 'resume' : 'pause'), action('send-now'), action('delete')],
  };
}
