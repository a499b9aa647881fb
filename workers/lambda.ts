import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ConfigError, loadConfig } from '../core/config';
import { jobOfMessage } from '../core/digest-scheduler';
import { EventBridgeDigestScheduler } from '../core/eventbridge-digest-scheduler';
import { Job } from '../core/job';
import { S3LinkedExports } from '../core/linked-exports';
import { S3BlobStore } from '../core/s3-blob-store';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { NotStartedError, PoisonMessageError } from './errors';
import type { WorkerJobHandler } from './jobs/job-context';
import { createJobHandler } from './jobs/job-handler';
import { errorFields, type LogSink } from './jobs/job-log';
import { retryDelaySeconds, sqsRetryDelay, type RetryDelay } from './jobs/retry-visibility';
import { languageModelSource } from './llm/language-model-source';
import { slackClientFactory } from './slack/slack-client';
import { slackConversations } from './slack/slack-conversation';
import { teamsClients } from './teams/teams-clients';
import { teamsConversations } from './teams/teams-conversation';

export interface SqsHandlerDeps {
  handleJob: WorkerJobHandler;
  /** The queue's maxReceiveCount: the delivery that reaches it is the job's last before the DLQ. */
  maxReceives: number;
  logger: LogSink;
  /** Flushed once per invocation (Powertools writes them as EMF log lines). */
  metrics?: { publishStoredMetrics(): void };
  /** Called with each invocation's context, e.g. Powertools' `logger.addContext`. */
  onInvoke?: (context: Context) => void;
  /**
   * Kept back from the invocation's remaining time when a job starts, so a job
   * given up at its limit can still tell the person and the batch be reported
   * before Lambda stops the invocation: half of it is the job's to wind down
   * (see `JobLimits.windDownMs`), then failed records are brought back until a
   * quarter is left. A record that would start with no more than this left is
   * not started. Defaults to 20 s.
   */
  safetyMarginMs?: number;
  /**
   * Brings failed records back soon (see `retryDelaySeconds`); without it they
   * wait out the queue's visibility timeout, six times the function's.
   */
  retryDelay?: RetryDelay;
}

const DEFAULT_SAFETY_MARGIN_MS = 20_000;

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

function parseJob(record: SQSRecord): Job {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new PoisonMessageError('The message body is not JSON.', { cause: error });
  }
  // A digest schedule's trigger carries its due time, not a job id; it becomes its digest job here.
  const parsed = Job.safeParse(jobOfMessage(body));
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.') || '(root)');
    throw new PoisonMessageError(`The message is not a valid job (at ${where.join(', ')}).`);
  }
  return parsed.data;
}

/**
 * The worker's SQS entry point, for tests and composition: each record is
 * parsed as a `Job` and handled one after another (the FIFO order of a
 * conversation holds within a batch), and the failed ones are reported as
 * partial batch failures, so the rest of the batch is not redelivered. Each
 * job gets the invocation's remaining time less a margin, and failed records
 * are made visible again within a minute rather than the queue's half hour;
 * one there was no time left to start comes back at once.
 */
export function createSqsHandler(deps: SqsHandlerDeps): SqsHandler {
  const margin = deps.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
  /** `notStarted` collects the message groups of records left for the next invocation. */
  const handleRecord = async (record: SQSRecord, context: Context, notStarted: Set<string>): Promise<void> => {
    // Records run one after another, so each job's limit is what is left of the invocation when it starts.
    const remainingMs = context.getRemainingTimeInMillis();
    if (remainingMs <= margin) {
      // A job started now would be given up at once and its person told it was too slow: it waits for a fresh invocation.
      notStarted.add(groupOf(record));
      deps.logger.warn('too little time left to start the job; it goes back on the queue', {
        messageId: record.messageId,
        remainingMs,
      });
      throw new NotStartedError(remainingMs);
    }
    let job: Job;
    try {
      job = parseJob(record);
    } catch (error) {
      deps.logger.error('poison message', { messageId: record.messageId, reason: (error as Error).message });
      throw error;
    }
    const receives = receivesOf(record);
    await deps.handleJob(
      job,
      { number: receives, last: receives >= deps.maxReceives },
      { timeLimitMs: remainingMs - margin, windDownMs: margin / 2 },
    );
  };
  const delayRetries = async (
    event: SQSEvent,
    response: SQSBatchResponse,
    context: Context,
    notStarted: ReadonlySet<string>,
  ): Promise<void> => {
    const retryDelay = deps.retryDelay;
    if (!retryDelay) return;
    // SQS may hang like any service; the batch response must still be returned before Lambda stops the invocation.
    const signal = AbortSignal.timeout(Math.max(0, context.getRemainingTimeInMillis() - margin / 4));
    const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    // Every failed record, held-back ones included: FIFO holds the whole conversation while any is in flight,
    // and a record on its last receive reaches the DLQ as soon as it is visible again. A group that was
    // not started (its first record, and those held back behind it) never ran, so it comes back at once.
    for (const record of event.Records.filter((candidate) => failed.has(candidate.messageId))) {
      const seconds = notStarted.has(groupOf(record)) ? 0 : retryDelaySeconds(receivesOf(record));
      try {
        signal.throwIfAborted();
        await untilAborted(retryDelay(record, seconds, signal), signal);
      } catch (error) {
        deps.logger.warn('could not bring a failed record back sooner; it waits out its visibility timeout', {
          messageId: record.messageId,
          error: errorFields(error),
        });
      }
    }
  };
  return async (event, context) => {
    deps.onInvoke?.(context);
    const notStarted = new Set<string>();
    try {
      // FIFO: after a failure, the rest of that conversation's records go back to the queue unprocessed,
      // so its jobs never run out of order; other conversations in the batch carry on.
      const response = await processPartialResponse(
        event,
        (record: SQSRecord) => handleRecord(record, context, notStarted),
        new SqsFifoPartialProcessorAsync(),
        { context, skipGroupOnError: true, throwOnFullBatchFailure: false },
      );
      await delayRetries(event, response, context, notStarted);
      return response;
    } finally {
      deps.metrics?.publishStoredMetrics();
    }
  };
}

/** `work`, or the signal's reason once it aborts, so a dependency that ignores the signal cannot hold the batch. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function groupOf(record: SQSRecord): string {
  return record.attributes.MessageGroupId ?? record.messageId;
}

function receivesOf(record: SQSRecord): number {
  return Number(record.attributes.ApproximateReceiveCount) || 1;
}

/** Built once per cold start, on the first invocation, from the environment (through `loadConfig`). */
function compose(): SqsHandler {
  const config = loadConfig();
  if (config.deployment.kind !== 'aws') {
    throw new ConfigError('The worker Lambda needs JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const logger = new Logger({ serviceName: 'analytics-worker', logLevel: config.logLevel });
  // The namespace comes from POWERTOOLS_METRICS_NAMESPACE, which the stack sets next to its dashboard.
  const metrics = new Metrics({ serviceName: 'analytics-worker' });
  const secrets = new SecretsManagerSource(config.deployment.secrets);
  const scheduling = config.digestScheduling;
  const store = new S3BlobStore(config.deployment.bucket);
  const handleJob = createJobHandler({
    ...(scheduling
      ? { digestScheduler: new EventBridgeDigestScheduler({ client: new SchedulerClient({}), ...scheduling }) }
      : {}),
    ...(config.linkedPrefixes.length > 0 ? { linkedExports: new S3LinkedExports(config.linkedPrefixes) } : {}),
    store,
    conversations: {
      slack: slackConversations({ secrets, client: slackClientFactory({ apiUrl: config.slackApiUrl, logger }) }),
      teams: teamsConversations({ secrets, clients: teamsClients(config.teams, store) }),
    },
    languageModel: languageModelSource(secrets, config.llm, { logger, metrics }),
    config,
    logger,
    metrics,
  });
  return createSqsHandler({
    handleJob,
    maxReceives: config.jobMaxReceives,
    logger,
    metrics,
    onInvoke: (context) => logger.addContext(context),
    retryDelay: sqsRetryDelay(new SQSClient({}), config.deployment.queueUrl),
  });
}

let composed: SqsHandler | undefined;

/** The Lambda handler for the job queue's SQS events. */
export const handler: SqsHandler = (event, context) => (composed ??= compose())(event, context);
