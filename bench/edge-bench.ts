import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build, type BuildOptions } from 'esbuild';
import { bundle, edgeBuildOptions } from '../infra/bundles';
import { FakeSecretsManager } from '../test/fakes/secrets-manager-api';
import { FakeSlack } from '../test/fakes/slack-api';
import { FakeSqs } from '../test/fakes/sqs-api';
import { SIGNING_SECRET } from '../test/bot/slack-requests';

export interface EdgeFigures {
  /** A fresh `node` process: spawn → bundle loaded → first signed slash command answered. */
  coldStartMs: number;
  /** The same, for `node -e 0`: what any Node process costs before our code runs. */
  nodeBootMs: number;
  loadMs: number;
  firstRequestMs: number;
  warmP50Ms: number;
  warmP99Ms: number;
  warmRequests: number;
  bundleBytes: number;
  /** Every warm request answered 200. */
  allOk: boolean;
}

const WARM_REQUESTS = 1000;
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:analytics/slack-Bench1';
const BOT_TOKEN = 'xoxb-bench-token';

/**
 * The Slack edge as deployed: the bundle from `edgeBuildOptions`, in a fresh Node process, in AWS
 * mode (Secrets Manager and SQS on loopback fakes through the SDK's endpoint variables) with
 * Slack's Web API on the loopback fake.
 */
export async function edgeFigures(): Promise<EdgeFigures> {
  const slack = await new FakeSlack({ tokens: [BOT_TOKEN] }).start();
  const sqs = await new FakeSqs().start();
  const secrets = await new FakeSecretsManager({
    [SECRET_ARN]: JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }),
  }).start();
  try {
    return await measureEdge({
      buildOptions: edgeBuildOptions,
      childEntry: join(__dirname, 'edge-child.ts'),
      childArgs: [slack.responseUrl()],
      sqs,
      env: {
        SLACK_SECRET_ARN: SECRET_ARN,
        SLACK_API_URL: slack.apiUrl,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      },
    });
  } finally {
    await Promise.all([slack.stop(), sqs.stop(), secrets.stop()]);
  }
}

/** What differs between the edges' measurements; the rest (bundling, the child, the figures) is shared. */
export interface EdgeMeasurement {
  buildOptions: (outdir: string) => BuildOptions;
  /** The bench child that loads the bundle and sends the requests (`edge-child.ts`, `teams-edge-child.ts`). */
  childEntry: string;
  /** The child's arguments after the bundle path and the request count. */
  childArgs: string[];
  sqs: FakeSqs;
  /** The edge's own variables; the queue, the region and the log level are added here. */
  env: NodeJS.ProcessEnv;
}

/**
 * Bundles the edge, builds the child, boots a fresh Node process, and reads its figures: every
 * warm request must be answered 200 and queued exactly once.
 */
export async function measureEdge(m: EdgeMeasurement): Promise<EdgeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-bench-'));
  try {
    const metafile = await bundle(m.buildOptions(join(dir, 'edge')));
    const bundlePath = Object.keys(metafile.outputs).find((output) => output.endsWith('.js')) ?? '';
    const childPath = join(dir, 'edge-child.js');
    await build({
      entryPoints: [m.childEntry],
      outfile: childPath,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    const env = {
      PATH: process.env.PATH,
      JOB_QUEUE_URL: m.sqs.queueUrl(),
      BUCKET_NAME: 'analytics-bench',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL_SQS: m.sqs.endpoint,
      // Lambda's own log level switch; the bench reads results, not logs.
      POWERTOOLS_LOG_LEVEL: 'WARN',
      POWERTOOLS_METRICS_NAMESPACE: 'AnalyticsBot',
      ...m.env,
    };
    const nodeBootMs = median([0, 1, 2, 3, 4].map(() => timedSpawn()));
    const run = await runChild(
      childPath,
      [join(process.cwd(), bundlePath), String(WARM_REQUESTS), ...m.childArgs],
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
      allOk: run.statuses.length === 1 && run.statuses[0] === 200 && m.sqs.queued.length === WARM_REQUESTS + 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ChildRun {
  coldMs: number;
  loadMs: number;
  firstMs: number;
  latencies: number[];
  statuses: number[];
}

/** Spawns a bench child (`node child.js …args`) and reads its `EDGE-COLD` and `EDGE-RESULT` lines. */
export function runChild(childPath: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [childPath, ...args], { env });
    let coldMs = NaN;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('EDGE-COLD ')) coldMs = performance.now() - started;
      if (line.startsWith('EDGE-RESULT '))
        resolve({ coldMs, ...(JSON.parse(line.slice('EDGE-RESULT '.length)) as Omit<ChildRun, 'coldMs'>) });
    });
    child.on('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`edge bench child exited ${code}: ${stderr}`)),
    );
  });
}

export function timedSpawn(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - started;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** An edge's bars (issues 4 and 13), as a table for the bench report. */
export function edgeTable(f: EdgeFigures, labels: { edge: string; request: string; requests: string }): string {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const mb = f.bundleBytes / (1024 * 1024);
  return [
    `| ${labels.edge} | measured | bar |`,
    '| --- | --- | --- |',
    `| cold start: fresh node → bundle loaded → ${labels.request} | ${f.coldStartMs.toFixed(0)} ms (node boot ${f.nodeBootMs.toFixed(0)}, load ${f.loadMs.toFixed(0)}, first request ${f.firstRequestMs.toFixed(0)}) | < 1000 ms ${verdict(f.coldStartMs < 1000)} |`,
    `| warm p50 / p99 over ${f.warmRequests} ${labels.requests} | ${f.warmP50Ms.toFixed(1)} / ${f.warmP99Ms.toFixed(1)} ms${f.allOk ? '' : ' (NOT ALL 200/QUEUED)'} | p99 < 50 ms ${verdict(f.warmP99Ms < 50 && f.allOk)} |`,
    `| bundle size | ${mb.toFixed(2)} MB | ≤ 1.5 MB ${verdict(mb <= 1.5)} |`,
  ].join('\n');
}
