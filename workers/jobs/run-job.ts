import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceOf, scopeOf, type Job, type SlackConversation } from '../../core/job';
import type { JobAttempt } from '../../core/job-queue';
import { channelCatalog } from '../catalog/channel-catalog';
import { slackFileOrigins } from '../slack/file-download';
import type { SlackContent } from '../slack/slack-content';
import { SlackReplies } from '../slack/slack-replies';
import { brokenMessage, problemMessage, retryingMessage, tooSlowMessage } from '../slack/status-messages';
import { handleCommand } from './command-job';
import { handleExport } from './export-job';
import { handleIngest } from './ingest-job';
import type { JobContext, JobDeps, JobLimits, JobOutcome } from './job-context';
import { JobDeadline } from './job-deadline';
import { JobError, JobTimeoutError } from './job-errors';
import { JobLedger } from './job-ledger';
import { errorFields, type JobLogger } from './job-log';
import { handleQuestion } from './question-job';
import { refusalMessage } from './refusal';
import { ReplyPoint } from './reply-point';

/** Besides what the handlers report: a redelivered finished job, a refusal told to the person, a platform not served. */
export type RunOutcome = JobOutcome | 'duplicate' | 'refused' | 'unsupported';

const offlineOnly = async () => undefined;

/** Well inside the worker Lambda's 5 minutes, leaving time to read the file and answer. */
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 2 * 60 * 1000;

function isKind<K extends Job['kind']>(ctx: JobContext, kind: K): ctx is JobContext<Extract<Job, { kind: K }>> {
  return ctx.job.kind === kind;
}

function dispatch(ctx: JobContext): Promise<JobOutcome> {
  if (isKind(ctx, 'ingest')) return handleIngest(ctx);
  if (isKind(ctx, 'question')) return handleQuestion(ctx);
  if (isKind(ctx, 'command')) return handleCommand(ctx);
  if (isKind(ctx, 'export')) return handleExport(ctx);
  throw new Error(`No handler for ${ctx.job.kind} jobs.`);
}

/** The thread a job's replies belong in: the conversation's, or the message that shared the file. */
function threadOf(job: Job, conversation: SlackConversation): string | undefined {
  return conversation.thread ?? (job.kind === 'ingest' ? job.message : undefined);
}

/** A failure on our side: it is being retried, or on the last attempt it is the end; a timeout says so. */
function failureMessage(error: unknown, attempt: JobAttempt, reference: string): SlackContent {
  if (error instanceof JobTimeoutError) return tooSlowMessage(reference, !attempt.last);
  return attempt.last ? brokenMessage(reference) : retryingMessage(reference);
}

/**
 * Runs one delivery of a job: skips it if its ledger says it is done, runs its
 * handler, and makes sure the person hears how it ended. A refusal (a file too
 * large, no dataset) is their answer and the job is done. A failure on our side
 * is rethrown for the queue to retry: meanwhile the message says it is being
 * retried, and on the last delivery it says what broke, with the job id as reference.
 * A job still running at its time limit is given up and counts as such a failure.
 */
export async function runJob(
  job: Job,
  attempt: JobAttempt,
  deps: JobDeps,
  log: JobLogger,
  limits: JobLimits = {},
): Promise<RunOutcome> {
  if (job.conversation.platform !== 'slack') {
    log.warn('dropped a Teams job: replies to Teams are not built yet');
    return 'unsupported';
  }
  const conversation = job.conversation;
  const token = await deps.secrets.get('slackBotToken');
  if (!token) throw new JobError('SLACK_NOT_CONFIGURED', 'The Slack bot token is not configured.');
  const client = deps.slackClient(token);
  const replies = new SlackReplies(client, conversation.channel);
  const catalog = channelCatalog(deps.store, scopeOf(conversation));
  const thread = threadOf(job, conversation);
  const placeholder = job.placeholder?.ts;
  const deadline = new JobDeadline(limits.timeLimitMs);
  const { signal } = deadline;
  // Set once the ledger is open; the failure path below needs its reply point and ledger.
  const started: { ctx?: JobContext } = {};
  const workDir = await mkdtemp(join(deps.tmpDir ?? tmpdir(), 'job-'));
  const run = async (): Promise<RunOutcome> => {
    const ledger = await JobLedger.open(catalog, job.id);
    if (ledger.done) return 'duplicate';
    const ctx: JobContext = {
      job,
      attempt,
      conversation,
      scope: catalog.scope,
      catalog,
      ledger,
      replies,
      point: new ReplyPoint({ replies, thread, placeholder, ledger, step: 'message', signal, log }),
      token,
      fileOrigins: slackFileOrigins(client.slackApiUrl),
      signal,
      workDir,
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
  try {
    return await deadline.race(run());
  } catch (error) {
    const { ctx } = started;
    // Without a ledger (storage is down) the edge's placeholder is still there to be told.
    const point = ctx?.point ?? new ReplyPoint({ replies, thread, placeholder, log });
    const refusal = refusalMessage(error, job);
    if (ctx && refusal !== undefined) {
      await point.finish(problemMessage(refusal));
      await ctx.ledger.finish();
      log.info('job refused', { reason: errorFields(error) });
      return 'refused';
    }
    await point.tell(failureMessage(error, attempt, referenceOf(job.id)));
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
