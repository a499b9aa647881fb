import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalBot, type LocalBot } from '../../local/local-bot';
import { CHANNEL, eventCallback, fileShareEvent, slashCommand } from '../bot/slack-requests';
import { FakeSlack } from '../fakes/slack-api';
import { FakeSocketMode } from '../fakes/slack-socket-mode';
import { eventually } from '../support/eventually';

const BOT_TOKEN = 'xoxb-test-token';
const APP_TOKEN = 'xapp-test-token';

// Integration: `npm start`'s composition against Slack's Socket Mode and Web API on loopback.
describe('the local runner', () => {
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let dataDir: string;
  let bot: LocalBot;

  beforeAll(async () => {
    [slack, socket] = await Promise.all([new FakeSlack().start(), new FakeSocketMode().start()]);
    slack.socketModeUrl = socket.url;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-bot-'));
    bot = await startLocalBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      DATA_DIR: dataDir,
      PLAYGROUND_PORT: '0',
      LOG_LEVEL: 'ERROR',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([socket.stop(), slack.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads a shared file and answers /analyze in Socket Mode, keeping the data in the local folder', async () => {
    const file = slack.hostFile({ name: 'teams.csv', bytes: Buffer.from('Team,Sales\nRed,5\nBlue,7\nRed,11\n') });
    const share = eventCallback(fileShareEvent([file]));
    await socket.send('events_api', JSON.parse(share.body ?? '{}'));
    await eventually(() => slack.messages.some((m) => /teams\.csv · 3 rows/.test(m.text ?? '')), 'the profile');

    const command = slashCommand({ text: 'total sales by team', responseUrl: slack.responseUrl() });
    const ack = await socket.send('slash_commands', Object.fromEntries(new URLSearchParams(command.body ?? '')));
    await eventually(
      () => slack.messages.some((m) => /^Red had the highest Sales: 16\b/.test(m.text ?? '')),
      'the answer',
    );

    expect(ack.envelope_id).toBeDefined();
    const answer = slack.messages.find((m) => /^Red had the highest Sales/.test(m.text ?? ''))!;
    expect(slack.uploads.some((u) => u.channel === CHANNEL && u.thread_ts === answer.thread_ts)).toBe(true);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['datasets', 'charts']));
  });
});

describe('the local runner without its tokens', () => {
  it('says exactly which token is missing and where to find it', async () => {
    await expect(startLocalBot({ SLACK_BOT_TOKEN: BOT_TOKEN })).rejects.toThrow(
      /^Missing SLACK_APP_TOKEN\. Set it in the environment or in \.env:\n {2}SLACK_APP_TOKEN: an App-Level Token \(xapp-…\) with the connections:write scope/,
    );
  });

  it('names the other when only the app token is set', async () => {
    await expect(startLocalBot({ SLACK_APP_TOKEN: APP_TOKEN })).rejects.toThrow(/^Missing SLACK_BOT_TOKEN\. /);
  });

  it('serves the playground alone when neither is set, and says which tokens turn Slack on', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-bot-'));
    const alone = await startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' });
    try {
      expect(alone.app).toBeUndefined();
      expect(alone.summary).toMatch(/^Playground: http:\/\/127\.0\.0\.1:\d+ \(this machine only\)/);
      expect(alone.summary).toMatch(/Slack: off\. Set SLACK_BOT_TOKEN and SLACK_APP_TOKEN/);
      const page = await fetch(alone.playground.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Analytics bot · playground</title>');
    } finally {
      await alone.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('says which setting moves the playground when its port is taken, instead of a stack trace', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-bot-'));
    const first = await startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' });
    try {
      const port = new URL(first.playground.url).port;
      await expect(startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: port, LOG_LEVEL: 'ERROR' })).rejects.toThrow(
        new RegExp(
          `^Port ${port} is already in use \\(is another npm start running\\?\\)\\. .*PLAYGROUND_PORT=${Number(port) + 1} npm start$`,
        ),
      );
    } finally {
      await first.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to run locally against AWS resources', async () => {
    await expect(
      startLocalBot({ JOB_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/jobs.fifo', BUCKET_NAME: 'data' }),
    ).rejects.toThrow(/npm start runs the bot locally/);
  });
});
