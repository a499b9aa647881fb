import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';
import { InfraError } from './errors';

// `cdk synth -c key=value` hands every value over as a string, cdk.json as JSON: accept both.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
/** `s3://bucket/prefix`: an S3 prefix an operator controls, which a digest may read its data from. */
const linkedPrefix = z
  .string()
  .trim()
  .regex(
    /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[^*?]+$/,
    'must be s3://bucket/prefix, with a prefix and no wildcards',
  )
  .transform((uri) => {
    const [bucket = '', ...key] = uri.slice('s3://'.length).split('/');
    return { bucket, prefix: key.join('/') };
  });
// A list in cdk.json, or one comma-separated string from `-c`.
const linkedPrefixes = z
  .union([z.array(z.string()), z.string().transform((list) => list.split(',').filter((item) => item.trim()))])
  .pipe(z.array(linkedPrefix).max(20));

const retention = z.coerce
  .number()
  .refine((days) => Object.values(RetentionDays).includes(days), 'must be a CloudWatch Logs retention period')
  .transform((days) => days as RetentionDays);

const Settings = z
  .object({
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,40}$/)
      .default('AnalyticsBot'),
    // Small, but CPU scales with memory and a cold start must still ack within Slack's 3 s.
    edgeMemoryMb: integer(128, 10_240).default(512),
    edgeReservedConcurrency: integer(1, 10_000).optional(),
    edgeProvisionedConcurrency: integer(1, 10_000).optional(),
    // The bench sized the worker: DuckDB, the parsed table and the chart canvas share one process.
    workerMemoryMb: integer(2048, 10_240).default(2048),
    workerEphemeralStorageMb: integer(512, 10_240).default(2048),
    workerReservedConcurrency: integer(1, 10_000).optional(),
    workerMaxConcurrency: integer(2, 1000).default(10),
    workerBatchSize: integer(1, 10).default(1),
    uploadsExpireDays: integer(1, 3650).default(7),
    chartsExpireDays: integer(1, 3650).default(30),
    jobLedgerExpireDays: integer(15, 3650).default(30),
    noncurrentVersionsExpireDays: integer(1, 3650).default(30),
    logRetentionDays: retention.default(RetentionDays.THREE_MONTHS),
    queueAgeAlarmSeconds: integer(60, 86_400).default(300),
    apiRateLimit: integer(1, 10_000).default(50),
    apiBurstLimit: integer(1, 5000).default(100),
    wafRequestsPer5MinutesPerIp: integer(10, 2_000_000_000).default(2000),
    // An environment-agnostic stack sees two AZs (Fn::GetAZs), so two is the most it can use.
    maxAzs: integer(1, 2).default(2),
    natGateways: integer(1, 2).default(1),
    alarmEmail: z.email().optional(),
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
    maxUploadMb: integer(1, 2048).default(200),
    llmBaseUrl: z.url().optional(),
    llmModel: z.string().min(1).optional(),
    llmShareSampleRows: flag.optional(),
    // Unset leaves core/config.ts's defaults. A question can wait on both calls; two minutes each at most, and
    // the job's deadline inside the worker's five-minute timeout tells the person if the whole job runs long.
    llmPlanTimeoutMs: integer(1000, 120_000).optional(),
    llmNarrativeTimeoutMs: integer(1000, 120_000).optional(),
    metricsNamespace: z.string().min(1).default('AnalyticsBot'),
    // Where operators' nightly exports live; the worker may read these prefixes and no others outside its bucket.
    linkedDataPrefixes: linkedPrefixes.default([]),
    retainData: flag.default(true),
  })
  .refine(
    (s) =>
      !s.edgeProvisionedConcurrency ||
      !s.edgeReservedConcurrency ||
      s.edgeProvisionedConcurrency <= s.edgeReservedConcurrency,
    { message: 'cannot exceed edgeReservedConcurrency', path: ['edgeProvisionedConcurrency'] },
  )
  .refine((s) => s.natGateways <= s.maxAzs, { message: 'cannot exceed maxAzs', path: ['natGateways'] })
  // Below the queue's concurrency cap, Lambda throttles the poller's invocations, and throttled
  // messages come back with a higher receive count, on their way to the dead-letter queue.
  .refine((s) => !s.workerReservedConcurrency || s.workerReservedConcurrency >= s.workerMaxConcurrency, {
    message: 'must be at least workerMaxConcurrency',
    path: ['workerReservedConcurrency'],
  });

/** Everything an operator may tune with `-c key=value` or in cdk.json; each has a default. */
export type BotSettings = z.infer<typeof Settings>;

/** The context keys {@link readSettings} understands; a test checks the README names each. */
export const SETTING_KEYS = Object.keys(Settings.shape) as (keyof BotSettings)[];

/**
 * Reads the settings from the CDK context once; constructs get them as props.
 *
 * @example `npx cdk deploy -c workerMemoryMb=3008 -c alarmEmail=ops@example.com`
 */
export function readSettings(node: Node): BotSettings {
  const raw = Object.fromEntries(SETTING_KEYS.map((key) => [key, node.tryGetContext(key) as unknown]));
  const parsed = Settings.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InfraError(
      'INFRA_SETTINGS_INVALID',
      `Context value ${String(issue?.path[0])} is invalid: ${issue?.message}`,
    );
  }
  return parsed.data;
}
