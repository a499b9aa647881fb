import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';

/** The repository root; entry points are named relative to it. */
export const ROOT = path.resolve(__dirname, '..');

const ENTRY_POINTS = {
  /** API Gateway → Bolt: verify, ack, post the placeholder, enqueue. */
  slackEdge: path.join(ROOT, 'bot/slack-lambda.ts'),
  /** API Gateway → Teams edge: verify the JWT, post the placeholder, enqueue. */
  teamsEdge: path.join(ROOT, 'bot/teams-lambda.ts'),
  /** API Gateway → a signed Teams file link: check the signature and expiry, serve the object from S3. */
  teamsFiles: path.join(ROOT, 'bot/teams-files-lambda.ts'),
  /** SQS → job handlers. */
  worker: path.join(ROOT, 'workers/lambda.ts'),
  /** The job queue's dead letters → the failure note, the record in S3, the DeadLetters metric. */
  deadLetters: path.join(ROOT, 'workers/dead-letter-lambda.ts'),
  /** The process model-written SQL runs in, started by the worker (workers/engine/sandbox-program.ts). */
  sqlSandbox: path.join(ROOT, 'workers/engine/sandbox-process.ts'),
} as const;

/** Native packages the worker loads at run time; they ship next to the bundle, never inside it. */
export const WORKER_NATIVE_PACKAGES = ['@duckdb/node-api', '@napi-rs/canvas'] as const;

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: 'external',
  metafile: true,
  legalComments: 'none',
  logLevel: 'silent',
};

/**
 * Bolt loads its Socket Mode and HTTP receivers even when the Lambda receiver
 * is the only one used; their `undici` and `iconv-lite` are about 1 MB of the
 * bundle, so the edge gets an empty module in their place.
 */
const ABSENT_IN_EDGE = path.join(ROOT, 'bot/absent-in-lambda.ts');

/**
 * The edge bundle: one file, small enough for a fast cold start. The edge bench measures this exact
 * build, and infra/assets/lambda-code.ts deploys it.
 */
export function edgeBuildOptions(outdir: string): BuildOptions {
  return {
    ...shared,
    entryPoints: { index: ENTRY_POINTS.slackEdge },
    outdir,
    alias: { undici: ABSENT_IN_EDGE, 'iconv-lite': ABSENT_IN_EDGE },
  };
}

/** The Teams edge bundle: its own file, so the Slack edge does not carry the Agents SDK and jose. */
export function teamsEdgeBuildOptions(outdir: string): BuildOptions {
  return { ...shared, entryPoints: { index: ENTRY_POINTS.teamsEdge }, outdir };
}

/** The Teams files route's bundle: one file with the S3 client, without the Agents SDK the edge carries. */
export function teamsFilesBuildOptions(outdir: string): BuildOptions {
  return { ...shared, entryPoints: { index: ENTRY_POINTS.teamsFiles }, outdir };
}

/**
 * The worker bundle and, next to it, the SQL sandbox's program; the deployed asset adds the native
 * packages and the chart fonts.
 */
export function workerBuildOptions(outdir: string): BuildOptions {
  return {
    ...shared,
    entryPoints: { index: ENTRY_POINTS.worker, 'sandbox-process': ENTRY_POINTS.sqlSandbox },
    outdir,
    // esbuild builds the sandbox's program only when run from source, never in the bundle.
    external: [...WORKER_NATIVE_PACKAGES, 'esbuild'],
  };
}

/** The dead-letter consumer's bundle: one file, without the native canvas it never draws with. */
export function deadLetterBuildOptions(outdir: string): BuildOptions {
  return {
    ...shared,
    entryPoints: { index: ENTRY_POINTS.deadLetters },
    outdir,
    alias: { '@napi-rs/canvas': path.join(ROOT, 'workers/dead-letters/no-canvas.ts') },
  };
}

/** Builds a bundle and returns its metafile, for the size checks and the bench. */
export async function bundle(options: BuildOptions): Promise<Metafile> {
  const result = await build(options);
  if (!result.metafile) throw new Error('esbuild returned no metafile');
  return result.metafile;
}
