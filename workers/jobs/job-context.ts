import type { WebClient } from '@slack/web-api';
import type { BlobStore } from '../../core/blob-store';
import type { Config } from '../../core/config';
import type { Job, SlackConversation } from '../../core/job';
import type { JobAttempt } from '../../core/job-queue';
import type { SecretSource } from '../../core/secret-source';
import type { ChannelCatalog } from '../catalog/channel-catalog';
import type { LanguageModelSource } from '../llm/language-model-source';
import type { QuickCall } from '../slack/slack-client';
import type { SlackReplies } from '../slack/slack-replies';
import type { JobLedger } from './job-ledger';
import type { JobLogger, JobMetrics, LogSink } from './job-log';
import type { ReplyPoint } from './reply-point';

/** What the job handlers are built from; the entry points (Lambda, the local runner) compose it. */
export interface JobDeps {
  store: BlobStore;
  secrets: SecretSource;
  /**
   * A Slack Web API client for a bot token, with the API URL and retry settings
   * of the deployment; with `quick`, one for a call that must end within
   * `timeoutMs` (see `slackClientFactory`).
   */
  slackClient: (token: string, quick?: QuickCall) => WebClient;
  config: Pick<Config, 'maxUploadBytes' | 'maxUnzippedBytes'>;
  logger: LogSink;
  metrics: JobMetrics;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** Where jobs download and convert files; defaults to the system's temp folder (`/tmp` on Lambda). */
  tmpDir?: string;
  /** How long a file download from Slack may take; defaults to 2 minutes, and never past the job's time limit. */
  downloadTimeoutMs?: number;
  /** Nemotron (or any OpenAI-compatible model) for planning and narratives; absent means offline only. */
  languageModel?: LanguageModelSource;
}

/** Everything one job works with, scoped to its conversation's channel. */
export interface JobContext<J extends Job = Job> {
  job: J;
  attempt: JobAttempt;
  /** Shown under progress on a last try that follows a failed one (see `lastTryCaveat`). */
  caveat: string | undefined;
  conversation: SlackConversation;
  catalog: ChannelCatalog;
  ledger: JobLedger;
  replies: SlackReplies;
  /** The message this job edits; failures are reported there. */
  point: ReplyPoint;
  token: string;
  /** Where the token may be sent to download a file: Slack's hosts (see `slackFileOrigins`). */
  fileOrigins: readonly string[];
  /** Aborted when the job's time is up; long I/O stops with it. */
  signal: AbortSignal;
  /** A folder of this job's own, removed when it ends. */
  workDir: string;
  log: JobLogger;
  config: JobDeps['config'];
  clock: () => Date;
  downloadTimeoutMs: number;
  languageModel: LanguageModelSource;
}

/** What became of a job: it did its work, or it saw it was not meant for the bot. */
export type JobOutcome = 'done' | 'ignored';

/** How long one delivery may run (what the Lambda has left, less a margin); absent means no limit. */
export interface JobLimits {
  timeLimitMs?: number;
  /**
   * After the time limit, how long telling the person and letting go of the
   * given-up work may take together; defaults to 10 s.
   */
  windDownMs?: number;
}

/**
 * The worker's job handler: a `JobHandler` (the local queue calls it so) that
 * the SQS Lambda also gives each delivery's time limit.
 */
export type WorkerJobHandler = (job: Job, attempt: JobAttempt, limits?: JobLimits) => Promise<void>;
