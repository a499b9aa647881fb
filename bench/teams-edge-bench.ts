import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundle, teamsEdgeBuildOptions } from '../infra/bundles';
import { FakeBotFrameworkKeys } from '../test/fakes/bot-framework-keys';
import { FakeSecretsManager } from '../test/fakes/secrets-manager-api';
import { FakeSqs } from '../test/fakes/sqs-api';
import { median, percentile, runChild, timedSpawn, type EdgeFigures } from './edge-bench';

const WARM_REQUESTS = 1000;
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
  const dir = mkdtempSync(join(tmpdir(), 'teams-edge-bench-'));
  const keys = await new FakeBotFrameworkKeys().start();
  const sqs = await new FakeSqs().start();
  const secrets = await new FakeSecretsManager({
    [SECRET_ARN]: JSON.stringify({ appId: APP_ID, appPassword: 'bench-password', tenantId: TENANT }),
  }).start();
  try {
    const metafile = await bundle(teamsEdgeBuildOptions(join(dir, 'teams-edge')));
    const bundlePath = Object.keys(metafile.outputs).find((output) => output.endsWith('.js')) ?? '';
    const childPath = join(dir, 'teams-edge-child.js');
    await build({
      entryPoints: [join(__dirname, 'teams-edge-child.ts')],
      outfile: childPath,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    const env = {
      PATH: process.env.PATH,
      JOB_QUEUE_URL: sqs.queueUrl(),
      BUCKET_NAME: 'analytics-bench',
      TEAMS_SECRET_ARN: SECRET_ARN,
      TEAMS_OPENID_METADATA_URL: keys.metadataUrl,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_NAMESPACE: 'AnalyticsBot',
    };
    const token = await keys.token({ audience: APP_ID, serviceUrl: SERVICE_URL });
    const nodeBootMs = median([0, 1, 2, 3, 4].map(() => timedSpawn()));
    const run = await runChild(
      childPath,
      [join(process.cwd(), bundlePath), String(WARM_REQUESTS), SERVICE_URL, token, TENANT],
      env,
    );
    const sorted = [...run.latencies].sort((a, b) => a - b);
    return {
      coldStartMs: run.coldMs,
      nodeBootMs,
      loadMs: run.loadMs,
      firstRequestMs: run.firstMs,
      warmP50Ms: percentile(sorted, 0.5),
      warmP99Ms: percentile(sorted, 0.99),
      warmRequests: sorted.length,
      bundleBytes: statSync(bundlePath).size,
      allOk: run.statuses.length === 1 && run.statuses[0] === 200 && sqs.queued.length === WARM_REQUESTS + 1,
    };
  } finally {
    await Promise.all([keys.stop(), sqs.stop(), secrets.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Teams edge's bars, as a table for the bench report. */
export function teamsEdgeTable(f: EdgeFigures): string {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const mb = f.bundleBytes / (1024 * 1024);
  return [
    '| Teams edge (bundle from teamsEdgeBuildOptions, AWS mode on loopback) | measured | bar |',
    '| --- | --- | --- |',
    `| cold start: fresh node → bundle loaded → JWT-checked thread follow-up queued | ${f.coldStartMs.toFixed(0)} ms (node boot ${f.nodeBootMs.toFixed(0)}, load ${f.loadMs.toFixed(0)}, first request ${f.firstRequestMs.toFixed(0)}) | < 1000 ms ${verdict(f.coldStartMs < 1000)} |`,
    `| warm p50 / p99 over ${f.warmRequests} JWT-checked activities | ${f.warmP50Ms.toFixed(1)} / ${f.warmP99Ms.toFixed(1)} ms${f.allOk ? '' : ' (NOT ALL 200/QUEUED)'} | p99 < 50 ms ${verdict(f.warmP99Ms < 50 && f.allOk)} |`,
    `| bundle size | ${mb.toFixed(2)} MB | ≤ 1.5 MB ${verdict(mb <= 1.5)} |`,
  ].join('\n');
}
