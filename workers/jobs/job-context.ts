import type { BlobStore } from '../../core/blob-store';
import type { Config } from '../../core/config';
import type { DigestScheduler } from '../../core/digest-scheduler';
import type { Conversation, Job } from '../../core/job';
import type { LinkedExports } from '../../core/linked-exports';
import type { JobAttempt } from '../../core/job-queue';
import type { ChannelCatalog } from '../catalog/channel-catalog';
import type { ConversationAdapters } from '../conversation/conversation-adapters';
import type { ConversationPort } from '../conversation/conversation-port';
import type { ChannelDigests } from '../digest/channel-digests';
import type { LanguageModelSource } from '../llm/language-model-source';
import type { JobLedger } from './job-ledger';
import type { JobLogger, JobMetrics, LogSink } from './job-log';
import type { ReplyPoint } from './reply-point';

/** What the job handlers are built from; the entry points (Lambda, the local runner) compose it. */
export interface JobDeps {
  store: BlobStore;
  /**
   * The conversation adapters, by platform (`slackConversations`, …): a job's
   * replies, file marks and downloads go through its conversation's port. A
   * platform without an adapter has its jobs acknowledged and dropped.
   */
  conversations: ConversationAdapters;
  config: Pick<Config, 'maxUploadBytes' | 'maxUnzippedBytes'>;
  logger: LogSink;
  metrics: JobMetrics;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** Where jobs download and convert files; defaults to the system's temp folder (`/tmp` on Lambda). */
  tmpDir?: string;
  /** How long downloading a shared file may take; defaults to 2 minutes, and never past the job's time limit. */
  downloadTimeoutMs?: number;
  /** Nemotron (or any OpenAI-compatible model) for planning and narratives; absent means offline only. */
  languageModel?: LanguageModelSource;
  /** Where digest schedules are kept (EventBridge Scheduler, croner locally); absent, digests cannot be set up. */
  digestScheduler?: DigestScheduler;
  /** The operators' linked S3 exports digests may read; absent when the deployment links none. */
  linkedExports?: LinkedExports;
}

/** Everything one job works with, scoped to its conversation's channel. */
export interface JobContext<J extends Job = Job> {
  job: J;
  attempt: JobAttempt;
  /** Shown under progress on a last try that follows a failed one (see `lastTryCaveat`). */
  caveat: string | undefined;
  conversation: Conversation;
  catalog: ChannelCatalog;
  /** The channel's digests, scoped like the catalog. */
  digests: ChannelDigests;
  digestScheduler: DigestScheduler | undefined;
  linkedExports: LinkedExports | undefined;
  ledger: JobLedger;
  /** The job's conversation: replies, files and marks go through it. */
  port: ConversationPort;
  /** The message this job edits; failures are reported there. */
  point: ReplyPoint;
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
