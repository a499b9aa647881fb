import { Logger } from '@aws-lambda-powertools/logger';
import { SocketModeReceiver } from '@slack/bolt';
import type App from '@slack/bolt/dist/App';
import { boltLogger } from '../bot/bolt-logger';
import { createSlackApp } from '../bot/slack-app';
import { ConfigError, loadConfig, LOCAL_SECRET_VARIABLES, type Environment } from '../core/config';
import { EnvSecretSource } from '../core/env-secret-source';
import { FolderBlobStore } from '../core/folder-blob-store';
import { MemoryJobQueue } from '../core/memory-job-queue';
import { createJobHandler } from '../workers/jobs/job-handler';
import { languageModelSource } from '../workers/llm/language-model-source';
import { slackClientFactory } from '../workers/slack/slack-client';
import { slackConversations } from '../workers/slack/slack-conversation';

/** Thrown when the local runner cannot start; the message says what to set and where to get it. */
export class LocalSetupError extends Error {
  readonly code = 'LOCAL_SETUP';
}

export interface LocalBot {
  app: App;
  queue: MemoryJobQueue;
  /** What the runner prints once connected. */
  summary: string;
  stop(): Promise<void>;
}

const WHERE_TO_GET = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) under OAuth & Permissions',
  SLACK_APP_TOKEN: 'an App-Level Token (xapp-…) with the connections:write scope under Basic Information',
} as const;

/**
 * The whole bot on one machine: the same Bolt app as the Lambda edge, in
 * Socket Mode; the same job handler as the worker Lambda, behind the
 * in-process queue; a folder instead of S3 and the environment (and `.env`)
 * instead of Secrets Manager. This is the one place that joins the edge and
 * the worker, which never import each other.
 */
export async function startLocalBot(env: Environment): Promise<LocalBot> {
  const config = loadConfig(env);
  if (config.deployment.kind !== 'local') {
    throw new ConfigError('npm start runs the bot locally: unset JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const secrets = new EnvSecretSource(env);
  const [botToken, appToken] = await Promise.all([secrets.get('slackBotToken'), secrets.get('slackAppToken')]);
  const missing = Object.entries({ SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken })
    .filter(([, value]) => !value)
    .map(([name]) => name as keyof typeof WHERE_TO_GET);
  if (!botToken || !appToken) {
    throw new LocalSetupError(
      [
        `Missing ${missing.join(' and ')}. Set ${missing.length > 1 ? 'them' : 'it'} in the environment or in .env:`,
        ...missing.map((name) => `  ${name}: ${WHERE_TO_GET[name]} of your Slack app (api.slack.com/apps).`),
        'The README\'s "Install in a workspace" section walks through creating the app from manifest.yml.',
      ].join('\n'),
    );
  }

  const logger = new Logger({ serviceName: 'analytics-bot-local', logLevel: config.logLevel });
  const metrics = {
    addMetric: (name: string, unit: string, value: number) => logger.debug('metric', { name, unit, value }),
  };
  const handleJob = createJobHandler({
    store: new FolderBlobStore(config.deployment.dataDir),
    conversations: {
      slack: slackConversations({ secrets, client: slackClientFactory({ apiUrl: config.slackApiUrl, logger }) }),
    },
    languageModel: languageModelSource(secrets, config.llm, { logger }),
    config,
    logger,
    metrics,
  });
  const queue = new MemoryJobQueue(handleJob, {
    maxReceives: config.jobMaxReceives,
    onDeadLetter: ({ job }) => logger.error('job gave up after its retries', { jobId: job.id, jobKind: job.kind }),
  });
  const receiver = new SocketModeReceiver({
    appToken,
    logger: boltLogger(logger),
    installerOptions: { clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {} },
  });
  const app = await createSlackApp({
    receiver,
    botToken,
    queue,
    logger,
    maxUploadBytes: config.maxUploadBytes,
    slackApiUrl: config.slackApiUrl,
  });
  await app.start();
  const model = (await secrets.get('nvidiaApiKey'))
    ? `${config.llm.model} at ${config.llm.baseUrl}`
    : 'off (no NVIDIA_API_KEY): the offline planner answers';
  return {
    app,
    queue,
    summary: [
      'Connected to Slack in Socket Mode.',
      `Datasets and charts are kept in ${config.deployment.dataDir}/.`,
      `Language model: ${model}.`,
      `Unset variables: ${
        Object.values(LOCAL_SECRET_VARIABLES)
          .filter((name) => !env[name])
          .join(', ') || 'none'
      }.`,
      'Invite the bot to a channel and drop a CSV or Excel file, or type /analyze help. Ctrl-C stops it.',
    ].join('\n'),
    stop: async () => {
      await app.stop();
      await queue.idle();
    },
  };
}
