import { join } from 'node:path';
import { teamsEdgeBuildOptions } from '../infra/bundles';
import { FakeBotFrameworkKeys } from '../test/fakes/bot-framework-keys';
import { FakeSecretsManager } from '../test/fakes/secrets-manager-api';
import { FakeSqs } from '../test/fakes/sqs-api';
import { measureEdge, type EdgeFigures } from './edge-bench';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:analytics/teams-Bench1';
const APP_ID = '00000000-0000-4000-8000-0000000be4c0';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Never called: a follow-up in a channel thread is queued without a placeholder. */
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/**
 * The Teams edge as deployed: the bundle from `teamsEdgeBuildOptions`, in a fresh Node process, in
 * AWS mode (Secrets Manager and SQS on loopback fakes), Bot Framework's keys on the loopback fake.
 * Every request's token is checked for real (RS256 against the fetched keys, issuer, audience,
 * expiry, endorsement, serviceurl). The requests are channel-thread follow-ups, which the edge
 * queues without posting, because the deployed edge only posts to Bot Connector hosts.
 */
export async function teamsEdgeFigures(): Promise<EdgeFigures> {
  const keys = await new FakeBotFrameworkKeys().start();
  const sqs = await new FakeSqs().start();
  const secrets = await new FakeSecretsManager({
    [SECRET_ARN]: JSON.stringify({ appId: APP_ID, appPassword: 'bench-password', tenantId: TENANT }),
  }).start();
  try {
    const token = await keys.token({ audience: APP_ID, serviceUrl: SERVICE_URL });
    return await measureEdge({
      buildOptions: teamsEdgeBuildOptions,
      childEntry: join(__dirname, 'teams-edge-child.ts'),
      childArgs: [SERVICE_URL, token, TENANT],
      sqs,
      env: {
        TEAMS_SECRET_ARN: SECRET_ARN,
        TEAMS_OPENID_METADATA_URL: keys.metadataUrl,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      },
    });
  } finally {
    await Promise.all([keys.stop(), sqs.stop(), secrets.stop()]);
  }
}
