import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/**
 * Makes a failed record visible on the queue again after `seconds`, instead of
 * after its visibility timeout; gives up when `signal` aborts (the invocation is nearly out of time).
 */
export type RetryDelay = (record: SQSRecord, seconds: number, signal?: AbortSignal) => Promise<void>;

const STEP_SECONDS = 10;
const MAX_SECONDS = 60;

/** The wait before a record's next delivery: 10 s after its first, 20 s after its second…, at most a minute. */
export function retryDelaySeconds(receives: number): number {
  return Math.min(STEP_SECONDS * Math.max(1, receives), MAX_SECONDS);
}

/**
 * A `RetryDelay` through SQS's `ChangeMessageVisibility` on the worker's
 * queue (the worker's role is allowed it; the client honours `AWS_ENDPOINT_URL_SQS`).
 *
 * @example
 * const retryDelay = sqsRetryDelay(new SQSClient({}), config.deployment.queueUrl);
 */
export function sqsRetryDelay(client: SQSClient, queueUrl: string): RetryDelay {
  return async (record, seconds, signal) => {
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: seconds,
      }),
      signal ? { abortSignal: signal } : {},
    );
  };
}
