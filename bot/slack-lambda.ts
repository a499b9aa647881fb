import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
// The receiver from its own file, for the same reason as App in slack-app.ts: the package index loads Express.
import AwsLambdaReceiver, { type AwsHandler } from '@slack/bolt/dist/receivers/AwsLambdaReceiver';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { loadConfig } from '../core/config';
import type { JobQueue } from '../core/job-queue';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { SqsJobQueue } from '../core/sqs-job-queue';
import { boltLogger } from './bolt-logger';
import { ACK_BUDGET_MS } from './ack-budget';
import { edgeSqsClient } from './edge-sqs';
import { EdgeError } from './errors';
import { createSlackApp } from './slack-app';
import { checkSlackRequest, type RequestRejection } from './slack-request';

/** What the edge needs that comes from secrets and configuration, so it is built on the first request. */
export interface SlackEdgeParts {
  signingSecret: string;
  botToken: string;
  queue: JobQueue;
  maxUploadBytes: number;
  slackApiUrl?: string;
}

export interface SlackEdgeOptions {
  logger: Logger;
  metrics: Metrics;
  /** Called once per cold start; if it fails, the next request tries again. */
  compose: () => Promise<SlackEdgeParts>;
  now?: () => Date;
}

export type SlackEdgeHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The edge as a Lambda handler for API Gateway (REST proxy) events on
 * `/slack/events`, `/slack/commands` and `/slack/interactions`. Bolt's
 * `AwsLambdaReceiver` verifies the signature and runs the listeners to the
 * end before it answers, so the job is queued before Slack gets its 200.
 */
export function createSlackEdge(options: SlackEdgeOptions): SlackEdgeHandler {
  const { logger, metrics } = options;
  let receiving: Promise<Receiving> | undefined;
  const receiver = () =>
    (receiving ??= start(options).catch((error: unknown) => {
      receiving = undefined;
      throw error;
    }));
  return async (event, context) => {
    const started = performance.now();
    const answerBy = Date.now() + ACK_BUDGET_MS;
    logger.addContext(context);
    try {
      const { handle, signingSecret } = await receiver();
      const checked = checkSlackRequest(asUtf8(event), signingSecret, Date.now());
      if (!checked.ok) {
        const { status, reason } = checked.rejection;
        logger.warn(REJECTED[reason], { path: event.path, reason });
        return { statusCode: status, body: '' };
      }
      answerByOf.set(checked.event, answerBy);
      return await handle(checked.event, context);
    } catch (error) {
      logger.error('The Slack edge could not handle a request', { path: event.path, error });
      return { statusCode: 500, body: '' };
    } finally {
      metrics.addMetric('AckLatency', MetricUnit.Milliseconds, performance.now() - started);
      metrics.publishStoredMetrics();
    }
  };
}

const REJECTED: Record<RequestRejection['reason'], string> = {
  unsigned: 'Rejected a request without a signature',
  stale: 'Rejected a request with a bad or stale signature',
  'from-the-future': 'Rejected a request timestamped more than five minutes ahead',
  'bad-signature': 'Rejected a request with a bad or stale signature',
  'unparseable-body': 'Rejected a request whose body does not parse',
  'not-an-object': 'Rejected a request whose body is not an object',
};

interface Receiving {
  handle: AwsHandler;
  signingSecret: string;
}

/** When each request must be answered by, handed from the wrapper to the listeners through Bolt's context. */
const answerByOf = new WeakMap<APIGatewayProxyEvent, number>();

async function start({ logger, compose, now }: SlackEdgeOptions): Promise<Receiving> {
  const parts = await compose();
  const receiver = new AwsLambdaReceiver({
    signingSecret: parts.signingSecret,
    // checkSlackRequest has verified the request, with a bound on the future Bolt's own check lacks.
    signatureVerification: false,
    logger: boltLogger(logger),
    customPropertiesExtractor: (event) => ({ answerBy: answerByOf.get(event as APIGatewayProxyEvent) }),
  });
  await createSlackApp({ ...parts, receiver, logger, now });
  return { handle: receiver.toHandler(), signingSecret: parts.signingSecret };
}

/**
 * API Gateway base64-encodes bodies when binary media types are configured,
 * and Bolt decodes them as ASCII, which mangles any non-ASCII character and
 * with it the signature. Decoding here as UTF-8 keeps "café" verifiable.
 */
function asUtf8(event: APIGatewayProxyEvent): APIGatewayProxyEvent {
  const headers = event.headers ?? {};
  if (!event.isBase64Encoded || event.body === null) return { ...event, headers };
  return { ...event, headers, isBase64Encoded: false, body: Buffer.from(event.body, 'base64').toString('utf8') };
}

/** The deployed composition: configuration from the environment, Slack's secrets from Secrets Manager, SQS. */
async function partsFromEnvironment(logger: Logger): Promise<SlackEdgeParts> {
  const config = loadConfig();
  logger.setLogLevel(config.logLevel);
  if (config.deployment.kind !== 'aws') {
    throw new EdgeError('EDGE_MISCONFIGURED', 'The Slack edge Lambda needs JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const secrets = new SecretsManagerSource(config.deployment.secrets);
  // One after the other: both live in one secret, and the second read is then served from the cache.
  const signingSecret = await secrets.get('slackSigningSecret');
  const botToken = await secrets.get('slackBotToken');
  if (!signingSecret || !botToken) {
    throw new EdgeError(
      'EDGE_MISCONFIGURED',
      'SLACK_SECRET_ARN must name a Secrets Manager secret holding {"signingSecret", "botToken"}.',
    );
  }
  return {
    signingSecret,
    botToken,
    queue: new SqsJobQueue(config.deployment.queueUrl, edgeSqsClient()),
    maxUploadBytes: config.maxUploadBytes,
    slackApiUrl: config.slackApiUrl,
  };
}

const logger = new Logger({ serviceName: 'slack-edge' });
// The namespace comes from POWERTOOLS_METRICS_NAMESPACE, which the stack sets next to its dashboard.
const metrics = new Metrics({ serviceName: 'slack-edge' });

export { edgeSqsClient };

/** The Lambda entry point (see infra/bundles.ts). */
export const handler = createSlackEdge({ logger, metrics, compose: () => partsFromEnvironment(logger) });
