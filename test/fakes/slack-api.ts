import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for Slack's Web API, speaking its wire format so the real
 * `@slack/web-api` client (and Bolt) talk to it over HTTP: form-encoded or JSON
 * requests to `/api/<method>`, `{ ok, … }` replies, 429 with `Retry-After`,
 * the external upload flow, and private file downloads that check the token.
 * Every call is recorded for assertions.
 */

export interface SlackCall {
  method: string;
  /** Form or JSON parameters, with JSON-encoded values (`blocks`, `files`) decoded. */
  params: Record<string, unknown>;
  token: string | undefined;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  user: string;
  /** Every text this message has had, oldest first; `chat.update` appends. */
  history: string[];
}

export interface UploadedFile {
  id: string;
  filename: string;
  bytes: Buffer;
  /** Set once `files.completeUploadExternal` shares it. */
  channel?: string;
  thread_ts?: string;
  title?: string;
  initialComment?: string;
}

export interface HostedFile {
  id: string;
  name: string;
  bytes: Buffer;
  mimetype?: string;
  /** The channel it was shared in; `files.info` shows it there. */
  channel?: string;
}

/** What the next call(s) to a method should get instead of the normal reply. */
export type Fault =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'error'; error: string }
  | { kind: 'http'; status: number }
  | { kind: 'hang' }
  /** Downloads only: the sign-in page Slack serves when the token may not read files (revoked, or no `files:read`). */
  | { kind: 'sign-in' };

export interface FakeSlackOptions {
  /** Tokens that authenticate; anything else gets `invalid_auth` (and an HTML page for downloads). */
  tokens?: string[];
  /** App-level tokens (`xapp-…`), which only open Socket Mode connections. */
  appTokens?: string[];
  team?: string;
  botUserId?: string;
  botId?: string;
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly messages: SlackMessage[] = [];
  readonly uploads: UploadedFile[] = [];
  /** People's time zones as `users.info` gives them (`tz`); a person not here has none set. */
  readonly timeZones = new Map<string, string>();
  /** Workspace admins and owners, as `users.info` flags them (`is_admin`, `is_owner`); anyone else is neither. */
  readonly roles = new Map<string, 'admin' | 'owner'>();
  /** Where `apps.connections.open` sends a Socket Mode client (see `FakeSocketMode`). */
  socketModeUrl: string | undefined;
  /** Bodies POSTed to response URLs (`respond()` in Bolt), by response URL id. */
  readonly responses: { id: string; body: unknown }[] = [];
  readonly team: string;
  readonly botUserId: string;
  readonly botId: string;
  private readonly tokens: Set<string>;
  private readonly appTokens: Set<string>;
  private readonly files = new Map<string, HostedFile>();
  /** Reaction names by `channel:ts`, in the order they were added. */
  private readonly reactions = new Map<string, string[]>();
  private readonly faults = new Map<string, Fault[]>();
  private server: Server | undefined;
  private latencyMs = 0;
  private clock = 1_700_000_000;
  private sequence = 0;
  private base = '';

  constructor(options: FakeSlackOptions = {}) {
    this.tokens = new Set(options.tokens ?? ['xoxb-test-token']);
    this.appTokens = new Set(options.appTokens ?? ['xapp-test-token']);
    this.team = options.team ?? 'T00000001';
    this.botUserId = options.botUserId ?? 'U0BOT0001';
    this.botId = options.botId ?? 'B0BOT0001';
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Give this to `WebClient`'s `slackApiUrl` (or `SLACK_API_URL`). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response URL as Slack puts in slash commands and interactions. */
  responseUrl(id = 'r1'): string {
    return `${this.base}/response/${id}`;
  }

  /** Hosts a file as if a user had uploaded it; returns what a `message` event's `files[]` entry holds. */
  hostFile(file: Omit<HostedFile, 'id'> & { id?: string }): {
    id: string;
    name: string;
    size: number;
    mimetype: string;
    url_private_download: string;
  } {
    const id = file.id ?? `F${String(++this.sequence).padStart(8, '0')}`;
    this.files.set(id, { ...file, id });
    return {
      id,
      name: file.name,
      size: file.bytes.length,
      mimetype: file.mimetype ?? 'text/csv',
      url_private_download: `${this.base}/files-pri/${this.team}-${id}/download/${encodeURIComponent(file.name)}`,
    };
  }

  /** The next `times` calls of `method` (`'upload'` for the upload POST, `'download'` for file downloads) fail. */
  inject(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  /** Every Web API call waits this long before it is answered, as Slack's do from a Lambda region far away. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Drops faults injected but not yet used, so they cannot leak into the next test. */
  clearFaults(): void {
    this.faults.clear();
  }

  /** The reactions on a message now (any user's), oldest first. */
  reactionsOn(channel: string, ts: string): string[] {
    return [...(this.reactions.get(`${channel}:${ts}`) ?? [])];
  }

  /** The bot's direct-message channel with a person, as `conversations.open` names it. */
  directChannelOf(user: string): string {
    return `D${user.replace(/^U/, '')}`;
  }

  /** Deletes a message, as its author or an admin can; editing it then fails with `message_not_found`. */
  deleteMessage(channel: string, ts: string): void {
    const at = this.messages.findIndex((m) => m.channel === channel && m.ts === ts);
    if (at >= 0) this.messages.splice(at, 1);
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages in a channel's thread (the parent included), oldest first. */
  thread(channel: string, ts: string): SlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.base);
    const body = await readBody(request);
    const token = bearer(request.headers.authorization);

    if (url.pathname.startsWith('/files-pri/')) return this.download(url, token, response);
    if (url.pathname.startsWith('/upload/')) return this.receiveUpload(url, request, body, response);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(body.toString('utf8')) });
      return json(response, 200, { ok: true });
    }
    const method = url.pathname.match(/^\/api\/([\w.]+)$/)?.[1];
    if (!method) return json(response, 404, { ok: false, error: 'unknown_method' });

    const params = parseParams(request.headers['content-type'], body);
    const callToken = token ?? (typeof params.token === 'string' ? params.token : undefined);
    delete params.token;
    this.calls.push({ method, params, token: callToken });

    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (await this.applyFault(method, response)) return;
    if (method === 'apps.connections.open') return json(response, 200, this.openConnection(callToken));
    if (!callToken || !this.tokens.has(callToken)) return json(response, 200, { ok: false, error: 'invalid_auth' });
    const handler = this.methods[method];
    if (!handler) return json(response, 200, { ok: false, error: 'unknown_method' });
    return json(response, 200, handler(params));
  }

  private readonly methods: Record<string, (params: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.com/',
      team: 'Fake',
      team_id: this.team,
      user: 'analytics',
      user_id: this.botUserId,
      bot_id: this.botId,
    }),
    'chat.postMessage': (params) => {
      const channel = String(params.channel ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const message: SlackMessage = {
        channel,
        ts: this.nextTs(),
        thread_ts: optionalString(params.thread_ts),
        text: optionalString(params.text),
        blocks: params.blocks as unknown[] | undefined,
        user: this.botUserId,
        history: [String(params.text ?? '')],
      };
      this.messages.push(message);
      return { ok: true, channel, ts: message.ts, message: { ...message, history: undefined } };
    },
    'chat.update': (params) => {
      const message = this.messages.find((m) => m.channel === params.channel && m.ts === params.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      message.text = optionalString(params.text) ?? message.text;
      message.blocks = (params.blocks as unknown[] | undefined) ?? message.blocks;
      message.history.push(String(params.text ?? ''));
      return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
    },
    'chat.postEphemeral': (params) =>
      params.channel && params.user
        ? { ok: true, message_ts: this.nextTs() }
        : { ok: false, error: 'channel_not_found' },
    // Only the messages the bot posted (the fake never sees people's messages), oldest first, as Slack lists them.
    'conversations.replies': (params) => ({
      ok: true,
      messages: this.thread(String(params.channel), String(params.ts)).map(
        ({ history: _history, ...message }) => message,
      ),
      has_more: false,
    }),
    'reactions.add': (params) => {
      if (!params.name || !params.timestamp) return { ok: false, error: 'no_item_specified' };
      const key = `${String(params.channel)}:${String(params.timestamp)}`;
      const names = this.reactions.get(key) ?? [];
      if (names.includes(String(params.name))) return { ok: false, error: 'already_reacted' };
      this.reactions.set(key, [...names, String(params.name)]);
      return { ok: true };
    },
    'reactions.remove': (params) => {
      const key = `${String(params.channel)}:${String(params.timestamp)}`;
      const names = this.reactions.get(key) ?? [];
      if (!names.includes(String(params.name))) return { ok: false, error: 'no_reaction' };
      this.reactions.set(
        key,
        names.filter((name) => name !== params.name),
      );
      return { ok: true };
    },
    // The bot's DM with one person; group DMs (several users) are not needed by the worker.
    'conversations.open': (params) => {
      const users = String(params.users ?? '');
      if (!/^U[A-Z0-9]+$/.test(users)) return { ok: false, error: 'user_not_found' };
      return { ok: true, channel: { id: this.directChannelOf(users) } };
    },
    'users.info': (params) => {
      const user = String(params.user ?? '');
      if (!/^U[A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
      const tz = this.timeZones.get(user);
      const role = this.roles.get(user);
      // Slack flags an owner as an admin too.
      return {
        ok: true,
        user: { id: user, ...(tz ? { tz } : {}), is_admin: role !== undefined, is_owner: role === 'owner' },
      };
    },
    'files.info': (params) => {
      const file = this.files.get(String(params.file));
      if (!file) return { ok: false, error: 'file_not_found' };
      return {
        ok: true,
        file: {
          id: file.id,
          name: file.name,
          size: file.bytes.length,
          mimetype: file.mimetype ?? 'text/csv',
          channels: file.channel ? [file.channel] : [],
          url_private_download: `${this.base}/files-pri/${this.team}-${file.id}/download/${encodeURIComponent(file.name)}`,
        },
      };
    },
    'files.getUploadURLExternal': (params) => {
      const length = Number(params.length);
      if (!params.filename || !Number.isInteger(length) || length <= 0)
        return { ok: false, error: 'invalid_arguments' };
      const id = `F${String(++this.sequence).padStart(8, '0')}`;
      this.uploads.push({ id, filename: String(params.filename), bytes: Buffer.alloc(0) });
      return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (params) => {
      const entries = (params.files as { id: string; title?: string }[] | undefined) ?? [];
      const shared = [];
      for (const entry of entries) {
        const upload = this.uploads.find((u) => u.id === entry.id);
        if (!upload || upload.bytes.length === 0) return { ok: false, error: 'file_not_found' };
        upload.channel = optionalString(params.channel_id);
        upload.thread_ts = optionalString(params.thread_ts);
        upload.title = entry.title;
        upload.initialComment = optionalString(params.initial_comment);
        shared.push({ id: upload.id, title: entry.title ?? upload.filename });
      }
      return { ok: true, files: shared };
    },
  };

  private openConnection(token: string | undefined): Record<string, unknown> {
    if (!token || !this.appTokens.has(token)) return { ok: false, error: 'not_allowed_token_type' };
    if (!this.socketModeUrl) return { ok: false, error: 'socket_mode_not_enabled' };
    return { ok: true, url: this.socketModeUrl };
  }

  private download(url: URL, token: string | undefined, response: ServerResponse): void {
    this.calls.push({ method: 'download', params: { path: url.pathname }, token });
    const fault = this.takeFault('download');
    // A hang is left open until the client gives up or the server stops.
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'http') return void json(response, fault.status, { ok: false });
    if (!token || !this.tokens.has(token) || fault?.kind === 'sign-in') {
      // What Slack does for a bad or missing token: a 200 with its sign-in page.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in</body></html>');
    }
    const id = url.pathname.split('/')[2]?.split('-').pop() ?? '';
    const file = this.files.get(id);
    if (!file) return void json(response, 404, { ok: false, error: 'file_not_found' });
    response.writeHead(200, {
      'content-type': file.mimetype ?? 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    response.end(file.bytes);
  }

  private async receiveUpload(url: URL, request: IncomingMessage, body: Buffer, response: ServerResponse) {
    const id = url.pathname.slice('/upload/'.length);
    this.calls.push({
      method: 'upload',
      params: { id, bytes: body.length },
      token: bearer(request.headers.authorization),
    });
    if (await this.applyFault('upload', response)) return;
    const upload = this.uploads.find((u) => u.id === id);
    if (!upload) return json(response, 404, { ok: false });
    upload.bytes = await uploadedBytes(request.headers['content-type'], body);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`OK - ${upload.bytes.length}`);
  }

  private async applyFault(method: string, response: ServerResponse): Promise<boolean> {
    const fault = this.takeFault(method);
    if (!fault) return false;
    if (fault.kind === 'rate-limited') {
      response.writeHead(429, { 'retry-after': String(fault.retryAfterSeconds), 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else if (fault.kind === 'error') json(response, 200, { ok: false, error: fault.error });
    else if (fault.kind === 'http') json(response, fault.status, { ok: false });
    // A hang is left open until the client gives up or the server stops.
    return true;
  }

  private takeFault(method: string): Fault | undefined {
    return this.faults.get(method)?.shift();
  }

  private nextTs(): string {
    return `${this.clock++}.${String(++this.sequence).padStart(6, '0')}`;
  }
}

function parseParams(contentType: string | undefined, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (!text) return {};
  if (contentType?.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) params[key] = decodeJsonValue(value);
  return params;
}

/** The client JSON-encodes arrays and objects inside form bodies (`blocks`, `files`). */
function decodeJsonValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The client posts upload bytes as multipart form data; a raw body is accepted too. */
async function uploadedBytes(contentType: string | undefined, body: Buffer): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
