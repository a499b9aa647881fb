import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { loadConfig } from '../core/config';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { SqsJobQueue } from '../core/sqs-job-queue';
import { TeamsConnector } from '../core/teams-connector';
import { clientCredentialsToken } from '../core/teams-token';
import { EdgeError } from './errors';
import { edgeSqsClient } from './edge-sqs';
import { TeamsTokenCheck } from './teams-auth';
import { createTeamsEdge, type TeamsEdge, type TeamsEdgeDeps } from './teams-edge';

export interface TeamsLambdaOptions {
  logger: Logger;
  metrics: Metrics;
  /** Called once per cold start; if it fails, the next request tries again. */
  compose: () => Promise<TeamsEdgeDeps>;
}

export type TeamsEdgeHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The Teams edge as a Lambda handler for API Gateway (REST proxy) events on `/teams/messages`. The
 * placeholder is posted and the job queued before the response, so an acknowledged activity is in
 * the queue; Teams waits up to 15 seconds, the edge's 10-second timeout ends well before.
 */
export function createTeamsLambda(options: TeamsLambdaOptions): TeamsEdgeHandler {
  const { logger, metrics } = options;
  let starting: Promise<TeamsEdge> | undefined;
  const edge = () =>
    (starting ??= options
      .compose()
      .then(createTeamsEdge)
      .catch((error: unknown) => {
        starting = undefined;
        throw error;
      }));
  return async (event, context) => {
    const started = performance.now();
    logger.addContext(context);
    try {
      const body =
        event.body === null
          ? ''
          : event.isBase64Encoded
            ? Buffer.from(event.body, 'base64').toString('utf8')
            : event.body;
      const result = await (await edge())({ headers: event.headers ?? {}, body });
      return result.body === undefined
        ? { statusCode: result.status, body: '' }
        : {
            statusCode: result.status,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(result.body),
          };
    } catch (error) {
      logger.error('The Teams edge could not handle a request', { error });
      return { statusCode: 500, body: '' };
    } finally {
      metrics.addMetric('AckLatency', MetricUnit.Milliseconds, performance.now() - started);
      metrics.publishStoredMetrics();
    }
  };
}

/** The deployed composition: configuration from the environment, the Teams secret, SQS and the Bot Connector. */
async function depsFromEnvironment(logger: Logger): Promise<TeamsEdgeDeps> {
  const config = loadConfig();
  logger.setLogLevel(config.logLevel);
  if (config.deployment.kind !== 'aws') {
    throw new EdgeError('EDGE_MISCONFIGURED', 'The Teams edge Lambda needs JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const secrets = new SecretsManagerSource(config.deployment.secrets);
  // One after the other: all three live in one secret, and the later reads are served from the cache.
  const appId = await secrets.get('teamsAppId');
  const appPassword = await secrets.get('teamsAppPassword');
  const tenantId = await secrets.get('teamsTenantId');
  if (!appId || !appPassword || !tenantId) {
    throw new EdgeError(
      'EDGE_MISCONFIGURED',
      'TEAMS_SECRET_ARN must name a Secrets Manager secret holding {"appId", "appPassword", "tenantId"}.',
    );
  }
  return {
    tokens: new TeamsTokenCheck({ appId, openIdMetadataUrl: config.teams.openIdMetadataUrl }),
    connector: new TeamsConnector({
      token: clientCredentialsToken({ appId, appPassword, tenantId, loginUrl: config.teams.loginUrl }),
      // The edge answers within the request: two quick tries, and a long Retry-After gives up at once.
      retry: { attempts: 2, baseDelayMs: 200, maxDelayMs: 1000 },
      timeoutMs: 3000,
    }),
    queue: new SqsJobQueue(config.deployment.queueUrl, edgeSqsClient()),
    logger,
    maxUploadBytes: config.maxUploadBytes,
    tenantId,
  };
}

const logger = new Logger({ serviceName: 'teams-edge' });
const metrics = new Metrics({ serviceName: 'teams-edge' });

/** The Lambda entry point (see infra/bundles.ts). */
export const handler = createTeamsLambda({ logger, metrics, compose: () => depsFromEnvironment(logger) });
