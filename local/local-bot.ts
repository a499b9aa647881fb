import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type App from '@slack/bolt/dist/App';
import { ConfigError, loadConfig, LOCAL_SECRET_VARIABLES, type Config, type Environment } from '../core/config';
import { digestJobOf } from '../core/digest-scheduler';
import { EnvSecretSource } from '../core/env-secret-source';
import type { JobHandler } from '../core/job-queue';
import { LocalDigestScheduler } from '../core/local-digest-scheduler';
import { MemoryJobQueue } from '../core/memory-job-queue';
import type { ChatRoom } from '../workers/playground/chat-room';
import { roomWithHistory } from './playground/room-history';
import { startPlayground, type Playground } from './playground/start-playground';
import { startLocalTeams, type LocalTeams } from './teams-server';

/** Thrown when the local runner cannot start; the message says what to set and where to get it. */
export class LocalSetupError extends Error {
  readonly code = 'LOCAL_SETUP';
}

export interface LocalBot {
  /** The Slack app, when its tokens are set. */
  app: App | undefined;
  playground: Playground;
  /** The Teams edge on a local port, when the Teams variables are set. */
  teams: LocalTeams | undefined;
  queue: MemoryJobQueue;
  /** What the runner prints once it is up. */
  summary: string;
  stop(): Promise<void>;
}

const WHERE_TO_GET = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) under OAuth & Permissions',
  SLACK_APP_TOKEN: 'an App-Level Token (xapp-…) with the connections:write scope under Basic Information',
} as const;

type TeamsCredentials = { appId: string; appPassword: string; tenantId: string } | undefined;

/** All three Teams variables, none (Teams stays off), or an error naming the ones missing. */
async function teamsCredentials(secrets: EnvSecretSource): Promise<TeamsCredentials> {
  const [appId, appPassword, tenantId] = await Promise.all([
    secrets.get('teamsAppId'),
    secrets.get('teamsAppPassword'),
    secrets.get('teamsTenantId'),
  ]);
  if (appId && appPassword && tenantId) return { appId, appPassword, tenantId };
  if (!appId && !appPassword && !tenantId) return undefined;
  const missing = [
    [appId, LOCAL_SECRET_VARIABLES.teamsAppId],
    [appPassword, LOCAL_SECRET_VARIABLES.teamsAppPassword],
    [tenantId, LOCAL_SECRET_VARIABLES.teamsTenantId],
  ]
    .filter(([value]) => !value)
    .map(([, name]) => name);
  throw new LocalSetupError(
    [
      `Missing ${missing.join(' and ')}. Set it in the environment or in .env:`,
      "  the Azure Bot's Microsoft App ID, a client secret of that app and its Directory (tenant) ID.",
      'The README\'s "Install in Microsoft Teams" section walks through registering the bot.',
    ].join('\n'),
  );
}

type SlackTokens = { botToken: string; appToken: string } | undefined;

/** Both Slack tokens, neither (Slack stays off), or an error naming the one that is missing. */
async function slackTokens(secrets: EnvSecretSource): Promise<SlackTokens> {
  const [botToken, appToken] = await Promise.all([secrets.get('slackBotToken'), secrets.get('slackAppToken')]);
  if (botToken && appToken) return { botToken, appToken };
  if (!botToken && !appToken) return undefined;
  const missing = botToken ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
  throw new LocalSetupError(
    [
      `Missing ${missing}. Set it in the environment or in .env:`,
      `  ${missing}: ${WHERE_TO_GET[missing]} of your Slack app (api.slack.com/apps).`,
      'The README\'s "Install in a workspace" section walks through creating the app from manifest.yml.',
    ].join('\n'),
  );
}

/** Bolt loads only when Slack is on: the playground alone starts without it. */
async function startSlack(config: Config, tokens: NonNullable<SlackTokens>, queue: MemoryJobQueue, logger: Logger) {
  const [{ SocketModeReceiver }, { boltLogger }, { createSlackApp }] = await Promise.all([
    import('@slack/bolt'),
    import('../bot/bolt-logger'),
    import('../bot/slack-app'),
  ]);
  const receiver = new SocketModeReceiver({
    appToken: tokens.appToken,
    logger: boltLogger(logger),
    installerOptions: { clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {} },
  });
  const app = await createSlackApp({
    receiver,
    botToken: tokens.botToken,
    queue,
    logger,
    maxUploadBytes: config.maxUploadBytes,
    slackApiUrl: config.slackApiUrl,
  });
  await app.start();
  return app;
}

/**
 * The whole bot on one machine: the same job handler as the worker Lambda,
 * behind the in-process queue, with a folder instead of S3 and the
 * environment (and `.env`) instead of Secrets Manager. The playground (a chat
 * in the browser) always runs; Slack joins in Socket Mode, through the same
 * Bolt app as the Lambda edge, when its tokens are set. This is the one place
 * that joins the edges and the worker, which never import each other.
 */
export async function startLocalBot(env: Environment): Promise<LocalBot> {
  const config = loadConfig(env);
  if (config.deployment.kind !== 'local') {
    throw new ConfigError('npm start runs the bot locally: unset JOB_QUEUE_URL and BUCKET_NAME.');
  }
  const secrets = new EnvSecretSource(env);
  const tokens = await slackTokens(secrets);
  const teamsLogin = await teamsCredentials(secrets);

  const logger = new Logger({ serviceName: 'analytics-bot-local', logLevel: config.logLevel });
  const { room, flush } = await roomWithHistory(join(config.deployment.dataDir, 'playground'));
  // Digests fall due in this process (croner), and their jobs go on the same queue as everything else.
  const scheduler = new LocalDigestScheduler({
    onDue: (trigger) => queue.enqueue(digestJobOf(trigger)),
    onError: (error, trigger) =>
      logger.error('a digest could not be queued', { digest: trigger.digest, error: String(error) }),
  });
  // The worker (DuckDB, Chart.js, the planner) loads while the page is already served; jobs wait for it.
  const worker = loadWorker({
    config,
    secrets,
    logger,
    room,
    scheduler,
    dataDir: config.deployment.dataDir,
    slack: !!tokens,
  });
  const handleJob: JobHandler = async (...args) => (await worker)(...args);
  const queue = new MemoryJobQueue(handleJob, {
    maxReceives: config.jobMaxReceives,
    onDeadLetter: ({ job }) => logger.error('job gave up after its retries', { jobId: job.id, jobKind: job.kind }),
  });
  const playground = await onFreePort('PLAYGROUND_PORT', config.playgroundPort, () =>
    startPlayground({ room, queue, port: config.playgroundPort, maxUploadBytes: config.maxUploadBytes }),
  );
  const app = tokens ? await startSlack(config, tokens, queue, logger) : undefined;
  const teams = teamsLogin
    ? await onFreePort('TEAMS_PORT', config.teams.localPort, () =>
        startLocalTeams({
          credentials: teamsLogin,
          openIdMetadataUrl: config.teams.openIdMetadataUrl,
          loginUrl: config.teams.loginUrl,
          queue,
          logger,
          maxUploadBytes: config.maxUploadBytes,
          port: config.teams.localPort,
        }),
      )
    : undefined;

  const model = (await secrets.get('nvidiaApiKey'))
    ? `${config.llm.model} at ${config.llm.baseUrl}`
    : 'off (no NVIDIA_API_KEY): the offline planner answers';
  return {
    app,
    playground,
    teams,
    queue,
    summary: [
      `Playground: ${playground.url} (this machine only). Open it, drop a CSV or Excel file on a channel and ask.`,
      app
        ? 'Slack: connected in Socket Mode. Invite the bot to a channel and drop a file, or type /analyze help.'
        : 'Slack: off. Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see the README, "Install in a workspace") to run it too.',
      teams
        ? `Teams: listening on ${teams.url}; point a dev tunnel there and the Azure Bot's messaging endpoint at the tunnel.`
        : 'Teams: off. Set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see the README, "Install in Microsoft Teams") to run it too.',
      `Datasets and charts are kept in ${config.deployment.dataDir}/.`,
      `Language model: ${model}.`,
      `Unset variables: ${
        Object.values(LOCAL_SECRET_VARIABLES)
          .filter((name) => !env[name])
          .join(', ') || 'none'
      }.`,
      'Ctrl-C stops it.',
    ].join('\n'),
    stop: async () => {
      await app?.stop();
      await teams?.stop();
      await playground.stop();
      await worker;
      await queue.idle();
      await flush();
    },
  };
}

/** Starts a server on `port`, turning "the port is taken" into a line that says which setting moves it. */
async function onFreePort<T>(variable: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new LocalSetupError(
        `Port ${port} is ${code === 'EADDRINUSE' ? 'already in use (is another npm start running?)' : 'not open to this user'}. Stop what holds it, or choose another port: ${variable}=${port + 1} npm start`,
      );
    }
    throw error;
  }
}

interface WorkerParts {
  config: Config;
  secrets: EnvSecretSource;
  logger: Logger;
  room: ChatRoom;
  scheduler: LocalDigestScheduler;
  dataDir: string;
  slack: boolean;
}

/** The worker's job handler, with conversation adapters for the playground, Teams and, when it is on, Slack. */
async function loadWorker(parts: WorkerParts): Promise<JobHandler> {
  const { config, secrets, logger, room, scheduler, dataDir, slack } = parts;
  const [
    { FolderBlobStore },
    { createJobHandler },
    { languageModelSource },
    { restoreSchedules },
    playground,
    slackClient,
    slackPort,
    teamsPort,
    { teamsClients },
  ] = await Promise.all([
    import('../core/folder-blob-store'),
    import('../workers/jobs/job-handler'),
    import('../workers/llm/language-model-source'),
    import('../workers/digest/channel-digests'),
    import('../workers/playground/playground-conversation'),
    import('../workers/slack/slack-client'),
    import('../workers/slack/slack-conversation'),
    import('../workers/teams/teams-conversation'),
    import('../workers/teams/teams-clients'),
  ]);
  const client = slackClient.slackClientFactory({ apiUrl: config.slackApiUrl, logger });
  const store = new FolderBlobStore(dataDir);
  const restored = await restoreSchedules(store, scheduler);
  if (restored > 0) logger.info('digest schedules restored', { digests: restored });
  // Linked exports are read with the SDK's standard credentials and endpoint (`AWS_PROFILE`, `AWS_ENDPOINT_URL_S3`).
  const linked = config.linkedPrefixes.length > 0 ? await import('../core/linked-exports') : undefined;
  return createJobHandler({
    store,
    digestScheduler: scheduler,
    ...(linked ? { linkedExports: new linked.S3LinkedExports(config.linkedPrefixes) } : {}),
    conversations: {
      playground: playground.playgroundConversations(room),
      ...(slack ? { slack: slackPort.slackConversations({ secrets, client }) } : {}),
      // Teams jobs come only from the Teams edge; without the Teams secrets they end as NOT_CONFIGURED.
      teams: teamsPort.teamsConversations({ secrets, clients: teamsClients(config.teams, store) }),
    },
    languageModel: languageModelSource(secrets, config.llm, { logger }),
    config,
    logger,
    metrics: {
      addMetric: (name: string, unit: string, value: number) => logger.debug('metric', { name, unit, value }),
    },
  });
}
