import { Logger } from '@aws-lambda-powertools/logger';
import { S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { loadConfig } from '../core/config';
import { SecretsManagerSource } from '../core/secrets-manager-source';
import { fileLinkKey } from '../core/teams-file-links';
import { EdgeError } from './errors';
import { createTeamsFiles, type TeamsFilesDeps } from './teams-files';

export type TeamsFilesHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * The files route as a Lambda handler for API Gateway (REST proxy) events on
 * `GET /teams/files/{proxy+}`. Bodies go base64; the API lists image/png and text/csv as binary
 * media types, so Teams receives the bytes.
 */
export function createTeamsFilesLambda(options: { logger: Logger; deps: () => TeamsFilesDeps }): TeamsFilesHandler {
  let serve: ReturnType<typeof createTeamsFiles> | undefined;
  return async (event, context) => {
    options.logger.addContext(context);
    try {
      serve ??= createTeamsFiles(options.deps());
      const result = await serve(event.pathParameters?.proxy ?? '');
      // The path is the link's only credential, so it is never logged.
      options.logger.info('Served a Teams file link', { status: result.status, bytes: result.body.length });
      return {
        statusCode: result.status,
        headers: result.headers,
        body: result.body.toString('base64'),
        isBase64Encoded: true,
      };
    } catch (error) {
      serve = undefined;
      options.logger.error('The Teams files route could not serve a link', { error });
      return { statusCode: 500, headers: { 'cache-control': 'no-store' }, body: '' };
    }
  };
}

/** The deployed composition: the bucket from the environment, the link key from the Teams secret. */
function depsFromEnvironment(logger: Logger): TeamsFilesDeps {
  const config = loadConfig();
  logger.setLogLevel(config.logLevel);
  if (config.deployment.kind !== 'aws') {
    throw new EdgeError('EDGE_MISCONFIGURED', 'The Teams files Lambda needs JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const secrets = new SecretsManagerSource(config.deployment.secrets);
  let key: Promise<Buffer> | undefined;
  return {
    key: () =>
      (key ??= secrets.get('teamsAppPassword').then((password) => {
        if (!password) throw new EdgeError('EDGE_MISCONFIGURED', 'TEAMS_SECRET_ARN must hold the Teams appPassword.');
        return fileLinkKey(password);
      })),
    s3: new S3Client({}),
    bucket: config.deployment.bucket,
  };
}

const logger = new Logger({ serviceName: 'teams-files' });

/** The Lambda entry point (see infra/bundles.ts). */
export const handler = createTeamsFilesLambda({ logger, deps: () => depsFromEnvironment(logger) });
