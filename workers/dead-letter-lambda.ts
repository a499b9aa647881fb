import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ConfigError, loadConfig } from '../core/config';
import { S3BlobStore } from '../core/s3-blob-store';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { handleDeadLetter, type DeadLetterDeps, type DeadLetterMessage } from './dead-letters/dead-letter';
import { slackClientFactory } from './slack/slack-client';
import { slackConversations } from './slack/slack-conversation';

export type DeadLetterHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** The dead-letter queue's records, as `handleDeadLetter` reads them. */
export function deadLetterOf(record: SQSRecord): DeadLetterMessage {
  const sent = Number(record.attributes.SentTimestamp);
  return {
    messageId: record.messageId,
    body: record.body,
    receives: Number(record.attributes.ApproximateReceiveCount) || 1,
    sentAt: Number.isFinite(sent) ? new Date(sent).toISOString() : '',
  };
}

/**
 * The dead-letter consumer's SQS entry point, for tests and composition: each
 * record is handled alone, and one whose record could not be stored comes back.
 */
export function createDeadLetterHandler(
  deps: DeadLetterDeps & { metrics?: { publishStoredMetrics(): void } },
): DeadLetterHandler {
  return async (event, context) => {
    try {
      return await processPartialResponse(
        event,
        async (record: SQSRecord) => void (await handleDeadLetter(deadLetterOf(record), deps)),
        new SqsFifoPartialProcessorAsync(),
        { context, throwOnFullBatchFailure: false },
      );
    } finally {
      deps.metrics?.publishStoredMetrics();
    }
  };
}

/** Built once per cold start, on the first invocation, from the environment (through `loadConfig`). */
function compose(): DeadLetterHandler {
  const config = loadConfig();
  if (config.deployment.kind !== 'aws') {
    throw new ConfigError('The dead-letter Lambda needs JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const logger = new Logger({ serviceName: 'dead-letters', logLevel: config.logLevel });
  // The namespace comes from POWERTOOLS_METRICS_NAMESPACE, which the stack sets next to its dashboard.
  const metrics = new Metrics({ serviceName: 'dead-letters' });
  const secrets = new SecretsManagerSource(config.deployment.secrets);
  return createDeadLetterHandler({
    store: new S3BlobStore(config.deployment.bucket),
    // As in the worker: Teams jobs have no adapter yet, so their dead letters are kept and counted, not told.
    conversations: {
      slack: slackConversations({ secrets, client: slackClientFactory({ apiUrl: config.slackApiUrl, logger }) }),
    },
    countDeadLetter: () => metrics.addMetric('DeadLetters', MetricUnit.Count, 1),
    log: logger,
    metrics,
  });
}

let composed: DeadLetterHandler | undefined;

/** The Lambda handler for the job queue's dead-letter queue (see infra/constructs/dead-letter-consumer.ts). */
export const handler: DeadLetterHandler = (event, context) => (composed ??= compose())(event, context);
