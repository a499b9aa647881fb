import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startLocalBot, type LocalBot } from '../../local/local-bot';
import { eventually } from '../support/eventually';

/** A raw request, so the Host and Origin headers are exactly what a hostile page's browser would send. */
function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

const ASK = JSON.stringify({ text: 'help' });

// Integration: the playground's HTTP face, on loopback, with the real worker behind it.
describe('the playground server', () => {
  let dataDir: string;
  let bot: LocalBot;
  let url: string;
  let host: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'playground-server-'));
    bot = await startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' });
    url = bot.playground.url;
    host = new URL(url).host;
  });
  afterEach(async () => {
    await bot.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string>) =>
    call(`${url}/api/channels/sales/messages`, { method: 'POST', headers: { host, ...headers }, body: ASK });

  it('takes a message from its own page', async () => {
    const answer = await post({ 'content-type': 'application/json', 'x-playground': '1', origin: `http://${host}` });

    expect(answer.status).toBe(202);
    expect(bot.playground.room.all().map((m) => m.text)).toContain('help');
  });

  it('reads Slack’s `/analyze …` form typed into the composer, and its help names digests', async () => {
    const say = (text: string) =>
      call(`${url}/api/channels/sales/messages`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'x-playground': '1', origin: `http://${host}` },
        body: JSON.stringify({ text }),
      });
    const replies = () => bot.playground.room.all().flatMap((m) => (m.author.bot && m.html ? [m.html] : []));

    await say('/analyze digests');
    await eventually(() => replies().some((html) => html.includes('No digest in this channel yet')), 'the digest list');
    await say('/analyze help');
    await eventually(() => replies().some((html) => html.includes('<code>digests</code> lists')), 'the help');

    expect(replies().join('\n')).not.toContain('There is no column');
  });

  it('refuses posts another site could make: no marker, another origin, a form body', async () => {
    const refused = await Promise.all([
      post({ 'content-type': 'application/json' }),
      post({ 'content-type': 'application/json', 'x-playground': '1', origin: 'http://evil.example' }),
      post({ 'content-type': 'text/plain', 'x-playground': '1' }),
    ]);

    expect(refused.map((r) => r.status)).toEqual([403, 403, 415]);
    expect(bot.playground.room.all()).toEqual([]);
  });

  it('answers no other Host, so a rebound DNS name cannot read the chat', async () => {
    const [page, state] = await Promise.all([
      call(`${url}/`, { headers: { host: 'evil.example' } }),
      call(`${url}/api/state`, { headers: { host: `evil.example:${new URL(url).port}` } }),
    ]);

    expect([page.status, state.status]).toEqual([403, 403]);
    expect(state.body).not.toContain('messages');
  });

  it('keeps the conversation across a restart, in order', async () => {
    for (const text of ['first', 'second', 'third']) {
      await post({ 'content-type': 'application/json', 'x-playground': '1' }).then(() => undefined);
      await call(`${url}/api/channels/sales/messages`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'x-playground': '1' },
        body: JSON.stringify({ text }),
      });
    }
    await bot.queue.idle();
    const before = bot.playground.room.all().sort((a, b) => a.seq - b.seq);
    await bot.stop();

    bot = await startLocalBot({ DATA_DIR: dataDir, PLAYGROUND_PORT: '0', LOG_LEVEL: 'ERROR' });
    const after = bot.playground.room.all().sort((a, b) => a.seq - b.seq);

    expect(after.map((m) => [m.id, m.text, m.html])).toEqual(before.map((m) => [m.id, m.text, m.html]));
    expect(after.filter((m) => m.text && m.text !== 'help').map((m) => m.text)).toEqual(['first', 'second', 'third']);
  });
});
