import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ConfigError, loadConfig } from '../core/config';
import { Job } from '../core/job';
import type { JobHandler } from '../core/job-queue';
import { S3BlobStore } from '../core/s3-blob-store';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { createJobHandler } from './jobs/job-handler';
import { languageModelSource } from './llm/language-model-source';
import type { LogSink } from './jobs/job-log';
import { slackClientFactory } from './slack/slack-client';

export interface SqsHandlerDeps {
  handleJob: JobHandler;
  /** The queue's maxReceiveCount: the delivery that reaches it is the job's last before the DLQ. */
  maxReceives: number;
  logger: LogSink;
  /** Flushed once per invocation (Powertools writes them as EMF log lines). */
  metrics?: { publishStoredMetrics(): void };
  /** Called with each invocation's context, e.g. Powertools' `logger.addContext`. */
  onInvoke?: (context: Context) => void;
}

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** A message that is not a job: it fails alone, goes round to the DLQ, and never reaches a handler. */
class PoisonMessageError extends Error {
  readonly code = 'POISON_MESSAGE';
}

function parseJob(record: SQSRecord): Job {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch (error) {
    throw new PoisonMessageError('The message body is not JSON.', { cause: error });
  }
  const parsed = Job.safeParse(body);
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
 * partial batch failures, so the rest of the batch is not redelivered.
 */
export function createSqsHandler(deps: SqsHandlerDeps): SqsHandler {
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    let job: Job;
    try {
      job = parseJob(record);
    } catch (error) {
      deps.logger.error('poison message', { messageId: record.messageId, reason: (error as Error).message });
      throw error;
    }
    const receives = Number(record.attributes.ApproximateReceiveCount) || 1;
    await deps.handleJob(job, { number: receives, last: receives >= deps.maxReceives });
  };
  return async (event, context) => {
    deps.onInvoke?.(context);
    try {
      // FIFO: after a failure, the rest of that conversation's records go back to the queue unprocessed,
      // so its jobs never run out of order; other conversations in the batch carry on.
      return await processPartialResponse(event, handleRecord, new SqsFifoPartialProcessorAsync(), {
        context,
        skipGroupOnError: true,
        throwOnFullBatchFailure: false,
      });
    } finally {
      deps.metrics?.publishStoredMetrics();
    }
  };
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
  const handleJob = createJobHandler({
    store: new S3BlobStore(config.deployment.bucket),
    secrets,
    languageModel: languageModelSource(secrets, config.llm, { logger, metrics }),
    slackClient: slackClientFactory({ apiUrl: config.slackApiUrl, logger }),
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
  });
}

let composed: SqsHandler | undefined;

/** The Lambda handler for the job queue's SQS events. */
export const handler: SqsHandler = (event, context) => (composed ??= compose())(event, context);
