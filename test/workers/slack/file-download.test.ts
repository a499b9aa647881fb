import { createWriteStream, mkdtempSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openSlackFile } from '../../../workers/slack/file-download';

/**
 * A loopback file host that answers like Slack's can: chunked with no length
 * (so only reading can tell the size), HTML with a misleading type, or errors.
 */
describe('openSlackFile', () => {
  let server: Server;
  let base: string;
  const seen: (string | undefined)[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'download-test-'));

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers.authorization);
      if (request.url === '/endless') {
        response.writeHead(200, { 'content-type': 'text/csv' });
        const chunk = Buffer.alloc(64 * 1024, 'a,b\n');
        const timer = setInterval(() => response.write(chunk), 1);
        response.on('close', () => clearInterval(timer));
        return;
      }
      if (request.url === '/sign-in') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        return void response.end('  <!DOCTYPE html><html><body>Sign in</body></html>');
      }
      if (request.url === '/hang') return;
      if (request.url === '/gone') return void response.writeHead(404).end();
      if (request.url === '/broken') return void response.writeHead(503).end();
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Streams the file to disk, as the ingest job does, and returns its size. */
  const download = async (path: string, maxBytes = 1024 * 1024, more: { signal?: AbortSignal; url?: string } = {}) => {
    const stream = await openSlackFile({
      url: more.url ?? `${base}${path}`,
      token: 'xoxb-t',
      maxBytes,
      timeoutMs: 10_000,
      allowedOrigins: [base],
      ...(more.signal ? { signal: more.signal } : {}),
    });
    const target = join(dir, path.slice(1));
    await pipeline(stream, createWriteStream(target));
    return (await stat(target)).size;
  };

  it('sends the bot token as a bearer token and writes the file', async () => {
    expect(await download('/file.csv')).toBe(8);
    expect(seen.at(-1)).toBe('Bearer xoxb-t');
  });

  it('stops a stream with no length once it passes the limit, before it fills the disk', async () => {
    await expect(download('/endless', 256 * 1024)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'The file is larger than the 256 KB limit.',
    });
    expect((await stat(join(dir, 'endless'))).size).toBeLessThanOrEqual(256 * 1024);
  });

  it('takes an HTML page as Slack refusing the token, whatever its content type says', async () => {
    await expect(download('/sign-in')).rejects.toMatchObject({ code: 'DOWNLOAD_REFUSED', retriable: false });
  });

  it('tells a deleted file from a passing failure', async () => {
    await expect(download('/gone')).rejects.toMatchObject({ code: 'DOWNLOAD_GONE', retriable: false });
    await expect(download('/broken')).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED', retriable: true });
  });

  it('sends the token nowhere but the allowed file hosts', async () => {
    const requests = seen.length;
    const elsewhere = `http://localhost:${new URL(base).port}/file.csv`;

    await expect(download('/file.csv', 1024, { url: elsewhere })).rejects.toMatchObject({
      code: 'DOWNLOAD_FOREIGN_HOST',
      retriable: false,
    });
    expect(seen).toHaveLength(requests);
  });

  it('gives up a hanging download when the job’s time is up', async () => {
    const started = Date.now();
    await expect(download('/hang', 1024, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
      retriable: true,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
