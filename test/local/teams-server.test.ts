import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Job } from '../../core/job';
import { MemoryJobQueue } from '../../core/memory-job-queue';
import { startLocalBot } from '../../local/local-bot';
import { startLocalTeams, type LocalTeams } from '../../local/teams-server';
import { APP_ID, messageActivity, PERSONAL, TENANT } from '../bot/teams-harness';
import { FakeBotConnector } from '../fakes/bot-connector';
import { FakeBotFrameworkKeys } from '../fakes/bot-framework-keys';
import { FakeEntraToken } from '../fakes/entra-token';

const PASSWORD = 'local-app-password';

// Integration: `npm start`'s Teams edge over HTTP, against loopback Bot Framework keys, Entra and Bot Connector.
describe('the local Teams edge', () => {
  const keys = new FakeBotFrameworkKeys();
  const entra = new FakeEntraToken(APP_ID, PASSWORD);
  // The Entra fake's first token is what the connector fake accepts.
  const connector = new FakeBotConnector('entra-token-1');
  const jobs: Job[] = [];
  let teams: LocalTeams;

  beforeAll(async () => {
    await Promise.all([keys.start(), entra.start(), connector.start()]);
    teams = await startLocalTeams({
      credentials: { appId: APP_ID, appPassword: PASSWORD, tenantId: TENANT },
      openIdMetadataUrl: keys.metadataUrl,
      loginUrl: entra.baseUrl,
      queue: new MemoryJobQueue(async (job) => void jobs.push(job)),
      logger: new Logger({ serviceName: 'teams-local', logLevel: 'SILENT' }),
      maxUploadBytes: 10 * 1024 * 1024,
      port: 0,
      serviceUrlAllowed: (url) => url.hostname === '127.0.0.1',
    });
  });
  afterAll(async () => {
    await teams.stop();
    await Promise.all([keys.stop(), entra.stop(), connector.stop()]);
  });

  const post = async (activity: unknown, authorization?: string) =>
    fetch(teams.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });

  it('takes a personal-chat question with a good token: placeholder posted with the bot token, job on the in-process queue', async () => {
    const activity = messageActivity({ connector }, { scope: 'personal', text: 'revenue by region' });
    const token = await keys.token({ audience: APP_ID, serviceUrl: connector.serviceUrl });

    const response = await post(activity, `Bearer ${token}`);

    expect(response.status).toBe(200);
    await waitFor(() => jobs.length > 0);
    expect(jobs[0]).toMatchObject({ kind: 'question', text: 'revenue by region' });
    expect(connector.in(PERSONAL).map((a) => a.text)).toEqual(['Working on “revenue by region”…']);
    expect(entra.requests.map((r) => r.tenant)).toEqual([TENANT]);
  });

  it('answers 401 to a request without a Bot Framework token, queuing and posting nothing', async () => {
    const before = { jobs: jobs.length, posted: connector.activities.length };
    const response = await post(messageActivity({ connector }, { scope: 'personal', text: 'sneaky' }));

    expect(response.status).toBe(401);
    expect({ jobs: jobs.length, posted: connector.activities.length }).toEqual(before);
  });

  it('serves nothing but POST /api/messages', async () => {
    expect((await fetch(teams.url)).status).toBe(404);
    expect((await fetch(teams.url.replace('/api/messages', '/other'), { method: 'POST' })).status).toBe(404);
  });
});

describe('npm start with the Teams variables', () => {
  it('serves the Teams edge beside the playground and says where', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-teams-'));
    const bot = await startLocalBot({
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: PASSWORD,
      TEAMS_TENANT_ID: TENANT,
      TEAMS_PORT: '0',
      DATA_DIR: dataDir,
      PLAYGROUND_PORT: '0',
      LOG_LEVEL: 'ERROR',
    });
    try {
      expect(bot.teams?.url).toMatch(/^http:\/\/localhost:\d+\/api\/messages$/);
      expect(bot.summary).toContain(`Teams: listening on ${bot.teams?.url};`);
      const unsigned = await fetch(bot.teams?.url ?? '', { method: 'POST', body: '{}' });
      expect(unsigned.status).toBe(401);
    } finally {
      await bot.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('names the Teams variables that are missing when only some are set', async () => {
    await expect(startLocalBot({ TEAMS_APP_ID: APP_ID })).rejects.toThrow(
      /^Missing TEAMS_APP_PASSWORD and TEAMS_TENANT_ID\. Set it in the environment or in \.env:/,
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
