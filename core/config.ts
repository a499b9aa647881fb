import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseLinkedUri, type LinkedPrefix } from './linked-exports';

/** Thrown when the environment holds a value the bot cannot use; names the variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

const MB = 1024 * 1024;

export type Environment = Record<string, string | undefined>;

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const Env = z.object({
  MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  MAX_UNZIPPED_MB: z.coerce.number().positive().default(1024),
  JOB_QUEUE_URL: z.url().optional(),
  BUCKET_NAME: z.string().min(3).optional(),
  SLACK_SECRET_ARN: z.string().min(1).optional(),
  NVIDIA_SECRET_ARN: z.string().min(1).optional(),
  TEAMS_SECRET_ARN: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: z.url().optional(),
  LLM_BASE_URL: z.url().default('https://integrate.api.nvidia.com/v1'),
  LLM_MODEL: z.string().min(1).default('nvidia/nemotron-3-super-120b-a12b'),
  LLM_REASONING: z.enum(['off', 'low']).default('off'),
  LLM_PLAN_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  LLM_NARRATIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  LLM_SHARE_SAMPLE_ROWS: flag.default(false),
  TEAMS_OPENID_METADATA_URL: z.url().default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
  TEAMS_LOGIN_URL: z.url().default('https://login.microsoftonline.com'),
  TEAMS_PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  TEAMS_GRAPH_URL: z.url().default('https://graph.microsoft.com'),
  TEAMS_FILES_URL: z.url().optional(),
  JOB_MAX_RECEIVES: z.coerce.number().int().min(1).default(5),
  JOB_QUEUE_ARN: z.string().startsWith('arn:').optional(),
  DIGEST_SCHEDULE_GROUP: z.string().min(1).max(64).optional(),
  DIGEST_SCHEDULER_ROLE_ARN: z.string().startsWith('arn:').optional(),
  DIGEST_DEAD_LETTER_QUEUE_ARN: z.string().startsWith('arn:').optional(),
  DIGEST_RETRY_POLICY: z.string().optional(),
  DIGEST_LINKED_PREFIXES: z.string().default(''),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});

/** Where the bot keeps its jobs, files and secrets: AWS services, or a folder and the environment. */
export type Deployment =
  | {
      kind: 'aws';
      queueUrl: string;
      bucket: string;
      /** Secrets Manager ids; a missing one means the feature it unlocks is off. */
      secrets: { slack?: string; nvidia?: string; teams?: string };
    }
  | { kind: 'local'; dataDir: string };

export interface LlmConfig {
  /** Any OpenAI-compatible base URL: NVIDIA's API, a self-hosted NIM, a loopback fake. */
  baseUrl: string;
  /** Nemotron 3 Super on NVIDIA's API by default; the model id decides how reasoning is switched. */
  model: string;
  /** `off` (the default: a plan needs no reasoning, which costs seconds) or `low` (Nemotron 3's low-effort mode). */
  reasoning?: 'off' | 'low';
  planTimeoutMs: number;
  narrativeTimeoutMs: number;
  /** Off unless an operator turns it on: the model then sees a few raw rows besides the profile. */
  shareSampleRows: boolean;
}

/** Where the worker keeps digest schedules in AWS: the stack's group, the queue they send to, and what Scheduler sends with. */
export interface DigestSchedulingConfig {
  groupName: string;
  queueArn: string;
  roleArn: string;
  deadLetterQueueArn: string;
  retryPolicy: { maximumEventAgeInSeconds: number; maximumRetryAttempts: number };
}

const RetryPolicy = z.object({
  maximumEventAgeInSeconds: z.number().int().min(60).max(86_400),
  maximumRetryAttempts: z.number().int().min(0).max(185),
});

export interface TeamsConfig {
  /** Bot Framework's OpenID metadata, whose `jwks_uri` holds the keys incoming tokens are signed with. */
  openIdMetadataUrl: string;
  /** Microsoft Entra's login host, for the bot's client-credentials token. */
  loginUrl: string;
  /** `npm start` serves Teams on this port when the Teams variables are set (for a dev tunnel). */
  localPort: number;
  /** Microsoft Graph's base, for files shared in channels and group chats. */
  graphUrl: string;
  /** The bot API's public base that serves signed file links (`GET /teams/files/…`): big charts, CSV downloads. */
  filesUrl: string | undefined;
}

export interface Config {
  /** Files larger than this are refused before they are read. */
  maxUploadBytes: number;
  /** An xlsx whose parts would inflate past this is refused as a zip bomb. */
  maxUnzippedBytes: number;
  deployment: Deployment;
  /** The local playground's port on 127.0.0.1 (`npm start`); 0 takes any free port. */
  playgroundPort: number;
  /** Slack's Web API base, ending in `/api/`; unset means slack.com. */
  slackApiUrl: string | undefined;
  llm: LlmConfig;
  teams: TeamsConfig;
  /** The queue's maxReceiveCount: on the last delivery the worker tells the user before the job goes to the DLQ. */
  jobMaxReceives: number;
  /** Set in AWS by the stack; absent locally (croner) or when a deployment has no scheduler. */
  digestScheduling: DigestSchedulingConfig | undefined;
  /** Operators' S3 prefixes digests may read (deploy setting `linkedDataPrefixes`); empty when none. */
  linkedPrefixes: LinkedPrefix[];
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/** Reads the environment once; every other module gets its settings from here. */
export function loadConfig(env: Environment = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}`);
  }
  const vars = parsed.data;
  return {
    maxUploadBytes: Math.round(vars.MAX_UPLOAD_MB * MB),
    maxUnzippedBytes: Math.round(vars.MAX_UNZIPPED_MB * MB),
    deployment: deploymentFrom(vars),
    playgroundPort: vars.PLAYGROUND_PORT,
    slackApiUrl:
      vars.SLACK_API_URL && (vars.SLACK_API_URL.endsWith('/') ? vars.SLACK_API_URL : `${vars.SLACK_API_URL}/`),
    llm: {
      baseUrl: vars.LLM_BASE_URL,
      model: vars.LLM_MODEL,
      reasoning: vars.LLM_REASONING,
      planTimeoutMs: vars.LLM_PLAN_TIMEOUT_MS,
      narrativeTimeoutMs: vars.LLM_NARRATIVE_TIMEOUT_MS,
      shareSampleRows: vars.LLM_SHARE_SAMPLE_ROWS,
    },
    teams: {
      openIdMetadataUrl: vars.TEAMS_OPENID_METADATA_URL,
      loginUrl: vars.TEAMS_LOGIN_URL,
      localPort: vars.TEAMS_PORT,
      graphUrl: vars.TEAMS_GRAPH_URL,
      filesUrl: vars.TEAMS_FILES_URL,
    },
    jobMaxReceives: vars.JOB_MAX_RECEIVES,
    digestScheduling: digestSchedulingFrom(vars),
    linkedPrefixes: linkedPrefixesFrom(vars.DIGEST_LINKED_PREFIXES),
    logLevel: vars.LOG_LEVEL,
  };
}

function deploymentFrom(vars: z.infer<typeof Env>): Deployment {
  if (!vars.JOB_QUEUE_URL && !vars.BUCKET_NAME) return { kind: 'local', dataDir: vars.DATA_DIR };
  if (!vars.JOB_QUEUE_URL || !vars.BUCKET_NAME) {
    const missing = vars.JOB_QUEUE_URL ? 'BUCKET_NAME' : 'JOB_QUEUE_URL';
    throw new ConfigError(`Environment variable ${missing} is missing: JOB_QUEUE_URL and BUCKET_NAME go together.`);
  }
  return {
    kind: 'aws',
    queueUrl: vars.JOB_QUEUE_URL,
    bucket: vars.BUCKET_NAME,
    secrets: { slack: vars.SLACK_SECRET_ARN, nvidia: vars.NVIDIA_SECRET_ARN, teams: vars.TEAMS_SECRET_ARN },
  };
}

/** The variables that hold secrets when the bot runs locally; in AWS they live in Secrets Manager. */
export const LOCAL_SECRET_VARIABLES = {
  slackSigningSecret: 'SLACK_SIGNING_SECRET',
  slackBotToken: 'SLACK_BOT_TOKEN',
  slackAppToken: 'SLACK_APP_TOKEN',
  nvidiaApiKey: 'NVIDIA_API_KEY',
  teamsAppId: 'TEAMS_APP_ID',
  teamsAppPassword: 'TEAMS_APP_PASSWORD',
  teamsTenantId: 'TEAMS_TENANT_ID',
} as const;

/**
 * The process environment with a `.env` file under it, for the local runner:
 * a variable set in the shell wins over the file. A missing file is not an error.
 */
export function localEnvironment(dotenvPath: string, env: Environment = process.env): Environment {
  let text: string;
  try {
    text = readFileSync(dotenvPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...env };
    throw new ConfigError(`Could not read ${dotenvPath}: ${(error as Error).message}`);
  }
  return { ...parseEnv(text), ...env };
}

/** All the digest settings or none: a half-configured scheduler would fail on the first subscription. */
function digestSchedulingFrom(vars: z.infer<typeof Env>): DigestSchedulingConfig | undefined {
  const group = vars.DIGEST_SCHEDULE_GROUP;
  const role = vars.DIGEST_SCHEDULER_ROLE_ARN;
  const deadLetters = vars.DIGEST_DEAD_LETTER_QUEUE_ARN;
  const queue = vars.JOB_QUEUE_ARN;
  if (!group && !role && !deadLetters) return undefined;
  if (!group || !role || !deadLetters || !queue || !vars.DIGEST_RETRY_POLICY) {
    throw new ConfigError(
      'Digest scheduling needs DIGEST_SCHEDULE_GROUP, DIGEST_SCHEDULER_ROLE_ARN, DIGEST_DEAD_LETTER_QUEUE_ARN, DIGEST_RETRY_POLICY and JOB_QUEUE_ARN together.',
    );
  }
  let policy: unknown;
  try {
    policy = JSON.parse(vars.DIGEST_RETRY_POLICY);
  } catch {
    throw new ConfigError('Environment variable DIGEST_RETRY_POLICY is invalid: not JSON.');
  }
  const retryPolicy = RetryPolicy.safeParse(policy);
  if (!retryPolicy.success) throw new ConfigError('Environment variable DIGEST_RETRY_POLICY is invalid.');
  return {
    groupName: group,
    queueArn: queue,
    roleArn: role,
    deadLetterQueueArn: deadLetters,
    retryPolicy: retryPolicy.data,
  };
}

/** `s3://bucket/prefix,s3://…` as the stack writes it; one it cannot read is named. */
function linkedPrefixesFrom(list: string): LinkedPrefix[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((uri) => {
      const prefix = parseLinkedUri(uri);
      if (!prefix) {
        throw new ConfigError(
          `Environment variable DIGEST_LINKED_PREFIXES is invalid: ${uri} is not s3://bucket/prefix.`,
        );
      }
      return prefix;
    });
}
