import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceOf, scopeOf, type Job } from '../../core/job';
import type { JobAttempt } from '../../core/job-queue';
import { channelCatalog } from '../catalog/channel-catalog';
import { openerFor } from '../conversation/conversation-adapters';
import type { ConversationPort } from '../conversation/conversation-port';
import { lastTryCaveat } from '../conversation/last-try-caveat';
import type { FailureReply } from '../conversation/reply';
import { recordConversationReference } from '../conversation/conversation-reference';
import { channelDigests } from '../digest/channel-digests';
import { handleCommand } from './command-job';
import { handleDigestCommand } from './digest-command-job';
import { handleDigest, tellDigestFailure } from './digest-job';
import { handleExport } from './export-job';
import { handleIngest } from './ingest-job';
import type { JobContext, JobDeps, JobLimits, JobOutcome } from './job-context';
import { JobDeadline } from './job-deadline';
import { JobTimeoutError } from './job-errors';
import { JobLedger } from './job-ledger';
import { errorFields, type JobLogger } from './job-log';
import { handleQuestion } from './question-job';
import { refusalMessage, settledFailure } from './refusal';
import { ReplyPoint } from './reply-point';

/**
 * Besides what the handlers report: a redelivered finished job, a refusal told
 * to the person, a platform not served, a failure a retry would repeat.
 */
export type RunOutcome = JobOutcome | 'duplicate' | 'refused' | 'unsupported' | 'failed';

const offlineOnly = async () => undefined;

/** Well inside the worker Lambda's 5 minutes, leaving time to read the file and answer. */
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 2 * 60 * 1000;

/** Half the Lambda's default safety margin: the other half reports the batch. */
const DEFAULT_WIND_DOWN_MS = 10_000;

function isKind<K extends Job['kind']>(ctx: JobContext, kind: K): ctx is JobContext<Extract<Job, { kind: K }>> {
  return ctx.job.kind === kind;
}

function dispatch(ctx: JobContext): Promise<JobOutcome> {
  if (isKind(ctx, 'ingest')) return handleIngest(ctx);
  if (isKind(ctx, 'question')) return handleQuestion(ctx);
  if (isKind(ctx, 'command')) return handleCommand(ctx);
  if (isKind(ctx, 'export')) return handleExport(ctx);
  if (isKind(ctx, 'digest')) return handleDigest(ctx);
  if (isKind(ctx, 'digest-command')) return handleDigestCommand(ctx);
  throw new Error(`No handler for ${ctx.job.kind} jobs.`);
}

/** The thread a job's replies belong in: the conversation's, or the message that shared the file. */
function threadOf(job: Job, port: ConversationPort): string | undefined {
  return port.thread ?? (job.kind === 'ingest' ? job.message : undefined);
}

/** A failure on our side: it is being retried, or on the last attempt it is the end; a timeout says so. */
function failureReply(error: unknown, attempt: JobAttempt, reference: string): FailureReply {
  return { kind: 'failure', retrying: !attempt.last, timedOut: error instanceof JobTimeoutError, reference };
}

/**
 * Runs one delivery of a job: skips it if its ledger says it is done, runs its
 * handler, and makes sure the person hears how it ended. A refusal (a file too
 * large, no dataset) is their answer and the job is done. A failure on our side
 * is rethrown for the queue to retry: meanwhile the message says it is being
 * retried, and on the last delivery it says what broke, with the job id as reference;
 * one that would fail the same way on every try (a chart that cannot be drawn)
 * is told that way at once and the job ends, as a failure but not retried.
 * A job still running at its time limit is given up and counts as such a failure:
 * its work is stopped at its next reply or ledger step, so it cannot answer over
 * the notice nor mark the job done, and its folder is removed once it has ended.
 */
export async function runJob(
  job: Job,
  attempt: JobAttempt,
  deps: JobDeps,
  log: JobLogger,
  limits: JobLimits = {},
): Promise<RunOutcome> {
  if (job.kind === 'install') return recordConversationReference(job, deps.store);
  const conversation = job.conversation;
  const open = openerFor(deps.conversations, conversation);
  if (!open) {
    log.warn('dropped a job: the worker has no adapter for its platform', { platform: conversation.platform });
    return 'unsupported';
  }
  // Started first, so a slow Secrets Manager or file system spends the job's time, not the margin kept after it.
  const deadline = new JobDeadline(limits.timeLimitMs);
  const { signal } = deadline;
  const windDownMs = limits.windDownMs ?? DEFAULT_WIND_DOWN_MS;
  const catalog = channelCatalog(deps.store, scopeOf(conversation));
  const placeholder = job.placeholder?.ts;
  // Filled in as the job gets going; the failure path tells the person with what there is by then.
  const started: { port?: ConversationPort; workDir?: string; ctx?: JobContext } = {};
  const run = async (): Promise<RunOutcome> => {
    const port = await open();
    started.port = port;
    // Credentials that came too late: the job was given up while they were read.
    signal.throwIfAborted();
    const thread = threadOf(job, port);
    started.workDir = await mkdtemp(join(deps.tmpDir ?? tmpdir(), 'job-'));
    const ledger = await JobLedger.open(catalog, job.id, signal);
    const caveat = attempt.last && attempt.number > 1 ? lastTryCaveat(referenceOf(job.id)) : undefined;
    if (ledger.done) return 'duplicate';
    const ctx: JobContext = {
      job,
      attempt,
      conversation,
      catalog,
      digests: channelDigests(deps.store, scopeOf(conversation)),
      digestScheduler: deps.digestScheduler,
      linkedExports: deps.linkedExports,
      ledger,
      port,
      caveat,
      point: new ReplyPoint({ port, thread, placeholder, ledger, step: 'message', signal, caveat, log }),
      signal,
      workDir: started.workDir,
      log,
      config: deps.config,
      clock: deps.clock ?? (() => new Date()),
      downloadTimeoutMs: deps.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
      languageModel: deps.languageModel ?? offlineOnly,
    };
    started.ctx = ctx;
    const outcome = await dispatch(ctx);
    if (outcome === 'done') await ledger.finish();
    return outcome;
  };
  const work = run();
  const removeWorkDir = async () => {
    if (started.workDir) await rm(started.workDir, { recursive: true, force: true });
  };
  try {
    return await deadline.race(work);
  } catch (error) {
    const { ctx, port } = started;
    if (!port) {
      log.error('the job failed before its conversation was open to tell the person', {
        error: errorFields(error),
      });
      throw error;
    }
    // Without a ledger (storage is down) the edge's placeholder is still there to be told.
    const point = ctx?.point ?? new ReplyPoint({ port, thread: threadOf(job, port), placeholder, log });
    const refusal = refusalMessage(error, job);
    if (ctx && refusal !== undefined) {
      await point.finish({ kind: 'problem', message: refusal });
      await ctx.ledger.finish();
      log.info('job refused', { reason: errorFields(error) });
      return 'refused';
    }
    const settled = settledFailure(error);
    if (ctx && settled !== undefined) {
      // A scheduled digest has no message to turn into the note: its owner hears it, once.
      if (isKind(ctx, 'digest')) await tellDigestFailure(ctx, referenceOf(job.id));
      else
        await point.finish({
          kind: 'failure',
          retrying: false,
          timedOut: false,
          reference: referenceOf(job.id),
          settled,
        });
      await ctx.ledger.finish();
      log.error('job failed in a way a retry would repeat; it is not retried', { error: errorFields(error) });
      return 'failed';
    }
    // With a time limit, the notice gets one quick try that ends halfway through the wind-down after it.
    const noticeEndsAt = deadline.endsAt === undefined ? undefined : deadline.endsAt + windDownMs / 2;
    const within = noticeEndsAt === undefined ? undefined : { timeoutMs: noticeEndsAt - Date.now() };
    const told = await point.tell(failureReply(error, attempt, referenceOf(job.id)), within);
    // A scheduled digest has no message of its own until it posts: its owner is told instead.
    if (!told && ctx && attempt.last && isKind(ctx, 'digest')) {
      const telling = tellDigestFailure(ctx, referenceOf(job.id));
      await (within ? settlesWithin(telling, within.timeoutMs) : telling);
    }
    throw error;
  } finally {
    // Given up at its limit, the work may still be running (a download, DuckDB): its folder stays until it ends.
    const ended =
      !signal.aborted || (await settlesWithin(work, (deadline.endsAt ?? Date.now()) + windDownMs - Date.now()));
    if (ended) {
      await removeWorkDir();
    } else {
      log.warn('the given-up work is still running; its folder is removed when it ends');
      // Nobody awaits this on purpose: the invocation must report its batch now, and Lambda runs it when it thaws.
      void work.catch(() => undefined).then(removeWorkDir);
    }
  }
}

/** Whether `work` settles within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms), false);
  });
  try {
    return await Promise.race([work.then(settled, settled), late]);
  } finally {
    clearTimeout(timer);
  }
}

const settled = () => true;
