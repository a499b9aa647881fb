import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';

/**
 * SQS as the edge calls it. SendMessage answers in tens of milliseconds; one
 * that hangs must fail while there is still time to tell the person inside
 * Slack's 3 seconds, so two tries of at most a second each. The SDK only
 * warns about a request past `requestTimeout` unless told to throw.
 */
export function edgeSqsClient(config: SQSClientConfig = {}): SQSClient {
  return new SQSClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 500, requestTimeout: 1000, throwOnRequestTimeout: true },
    ...config,
  });
}
