import { WebClient, ErrorCode } from '@slack/web-api';
import { FakeSlack } from './slack-api';

// The fake is only useful if the real client accepts its replies; these pin that down.
describe('FakeSlack with the real @slack/web-api client', () => {
  let slack: FakeSlack;
  let client: WebClient;

  beforeEach(async () => {
    slack = await new FakeSlack().start();
    client = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
    });
  });
  afterEach(() => slack.stop());

  it('posts and updates a threaded message', async () => {
    const posted = await client.chat.postMessage({ channel: 'C1', thread_ts: '1700000000.000001', text: 'Reading…' });
    await client.chat.update({ channel: 'C1', ts: posted.ts!, text: 'Done' });

    expect(slack.messages).toHaveLength(1);
    expect(slack.messages[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000001', text: 'Done' });
    expect(slack.messages[0]?.history).toEqual(['Reading…', 'Done']);
  });

  it('takes a file through the external upload flow into a thread', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await client.filesUploadV2({ channel_id: 'C1', thread_ts: '1700000000.000001', file: png, filename: 'chart.png' });

    expect(slack.callsOf('files.upload')).toHaveLength(0);
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000001', filename: 'chart.png' });
    expect(slack.uploads[0]?.bytes.equals(png)).toBe(true);
  });

  it('answers 429 with Retry-After, which the client waits out and retries', async () => {
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const started = Date.now();

    await client.chat.postMessage({ channel: 'C1', text: 'hi' });

    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refuses an unknown token the way Slack does', async () => {
    const stranger = new WebClient('xoxb-wrong', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'invalid_auth' },
    });
  });

  it('serves a hosted file only with the bot token, and its sign-in page otherwise', async () => {
    const file = slack.hostFile({ name: 'sales.csv', bytes: Buffer.from('a,b\n1,2\n') });

    const good = await fetch(file.url_private_download, { headers: { authorization: 'Bearer xoxb-test-token' } });
    const bad = await fetch(file.url_private_download);

    expect(await good.text()).toBe('a,b\n1,2\n');
    expect(bad.headers.get('content-type')).toContain('text/html');
  });
});
