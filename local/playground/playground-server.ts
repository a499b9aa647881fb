import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatRoom, RoomError } from '../../workers/playground/chat-room';
import type { PageAssets } from './page-assets';

/** What the page asks of the bot: the playground's edge turns each into a job, as Slack's edge does. */
export interface PlaygroundEdge {
  shareFile(input: { channel: string; thread?: string; name: string; bytes: Buffer }): Promise<void>;
  say(input: { channel: string; thread?: string; text: string }): Promise<void>;
  act(input: { channel: string; thread: string; message: string; action: string }): Promise<void>;
  remove(input: { channel: string; message: string }): Promise<void>;
}

export interface PlaygroundServerOptions {
  room: ChatRoom;
  edge: PlaygroundEdge;
  assets: PageAssets;
  /** Reads a stored file the page links to (a chart, an export), or undefined when there is none. */
  readFile: (path: string) => Promise<{ bytes: Buffer; contentType: string; name?: string } | undefined>;
  maxUploadBytes: number;
  /** Loopback only: the playground has no sign-in, so it must not be reachable from the network. */
  host?: string;
  port?: number;
}

/** Thrown for what the page sent but the bot cannot take; answered 400 with the message, which the page shows. */
export class PlaygroundInputError extends Error {
  readonly code = 'PLAYGROUND_INPUT';
}

/** Thrown for a request the page should not have sent; answered with its status and message. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestError(413, `That file is over the ${Math.round(limit / 1024 / 1024)} MB limit.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse((await readBody(request, 64 * 1024)).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof RequestError) throw error;
  }
  throw new RequestError(400, 'The page sent something that is not a JSON object.');
}

function text(value: unknown, field: string, required: true): string;
function text(value: unknown, field: string, required?: false): string | undefined;
function text(value: unknown, field: string, required = false): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new RequestError(400, `The request needs ${field}.`);
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 4000) throw new RequestError(400, `${field} must be short text.`);
  return value;
}

function send(response: ServerResponse, status: number, body: string | Buffer, type: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/**
 * The playground's HTTP face: the page, its state, an event stream of new and
 * edited messages, and the three things a person does (share a file, say
 * something, click a button). Bound to loopback.
 */
export class PlaygroundServer {
  private server: Server | undefined;
  private readonly streams = new Set<ServerResponse>();

  constructor(private readonly options: PlaygroundServerOptions) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.route(request, response));
    this.server = server;
    const stopListening = this.options.room.listen((message) => {
      const frame = `data: ${JSON.stringify(message)}\n\n`;
      for (const stream of this.streams) stream.write(frame);
    });
    server.once('close', stopListening);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 3000, this.options.host ?? '127.0.0.1', resolve);
    });
    const { address, port } = server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await this.handle(request, response);
    } catch (error) {
      if (error instanceof RequestError) return sendJson(response, error.status, { error: error.message });
      if (error instanceof PlaygroundInputError) return sendJson(response, 400, { error: error.message });
      if (error instanceof RoomError) return sendJson(response, 404, { error: error.message });
      sendJson(response, 500, { error: 'Something went wrong in the local bot; its terminal has the details.' });
      console.error(error);
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://playground');
    const path = url.pathname;
    const { room, edge, assets } = this.options;
    if (request.method === 'GET') {
      const asset = assets.get(path);
      if (asset) return send(response, 200, asset.body, asset.contentType);
      if (path === '/api/state') return sendJson(response, 200, { channels: room.channels, messages: room.all() });
      if (path === '/api/events') return this.stream(response);
      if (path.startsWith('/files/')) return this.serveFile(path.slice('/files/'.length), response);
      throw new RequestError(404, 'Nothing is served at that address.');
    }
    const removed = /^\/api\/channels\/([a-z0-9-]{1,40})\/messages\/([0-9a-f-]{36})$/.exec(path);
    if (request.method === 'DELETE' && removed) {
      await edge.remove({ channel: room.channel(removed[1] ?? '').id, message: removed[2] ?? '' });
      return sendJson(response, 202, { ok: true });
    }
    const posted = /^\/api\/channels\/([a-z0-9-]{1,40})\/(files|messages|actions)$/.exec(path);
    if (request.method !== 'POST' || !posted) throw new RequestError(404, 'Nothing is served at that address.');
    const channel = room.channel(posted[1] ?? '').id;
    if (posted[2] === 'files') {
      const name = text(url.searchParams.get('name'), 'a file name', true);
      const bytes = await readBody(request, this.options.maxUploadBytes);
      await edge.shareFile({ channel, thread: text(url.searchParams.get('thread'), 'thread'), name, bytes });
    } else if (posted[2] === 'messages') {
      const body = await readJson(request);
      await edge.say({ channel, thread: text(body.thread, 'thread'), text: text(body.text, 'text', true) });
    } else {
      const body = await readJson(request);
      await edge.act({
        channel,
        thread: text(body.thread, 'thread', true),
        message: text(body.message, 'message', true),
        action: text(body.action, 'action', true),
      });
    }
    sendJson(response, 202, { ok: true });
  }

  private stream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    response.write(': connected\n\n');
    this.streams.add(response);
    response.once('close', () => this.streams.delete(response));
  }

  private async serveFile(path: string, response: ServerResponse): Promise<void> {
    const file = await this.options.readFile(decodeURIComponent(path));
    if (!file) throw new RequestError(404, 'That file is gone.');
    response.writeHead(200, {
      'content-type': file.contentType,
      'cache-control': 'no-store',
      ...(file.name ? { 'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"` } : {}),
      ...SECURITY_HEADERS,
    });
    response.end(file.bytes);
  }
}
