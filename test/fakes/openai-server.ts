import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received, as the client sent it. */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: unknown;
    nvext?: unknown;
    [key: string]: unknown;
  };
}

/** One scripted response. A 200 carries `content` (or `json`, stringified) as the assistant's message. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Wait this long before answering (latency injection). */
  delayMs?: number;
  /** Send the headers and half the body at once, the rest this much later (a body that trickles in). */
  trickleMs?: number;
  content?: string;
  json?: unknown;
  /** A reasoning trace in the message's `reasoning_content` field, as NVIDIA's API and vLLM send it. */
  reasoning?: string;
  /** An error message for a non-200 status. */
  error?: string;
  /** The whole body of a non-200 reply instead, for servers whose errors are not in OpenAI's shape (FastAPI's `detail`). */
  errorBody?: unknown;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

export type Script = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

/**
 * A loopback OpenAI-compatible server (`POST /v1/chat/completions`) for tests:
 * the real `openai` client talks to it over HTTP. Replies are scripted per
 * test, in order (`script`), with an optional reply for when the script runs
 * out (`otherwise`); each can add latency, an error status and headers such
 * as `Retry-After`. Every request is recorded, so tests can read the prompts.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private queue: Script[] = [];
  private fallback: Script | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeOpenAiServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeOpenAiServer(server, `http://127.0.0.1:${port}/v1`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    return fake;
  }

  /** Replies for the next requests, in order. */
  script(...replies: Script[]): void {
    this.queue.push(...replies);
  }

  /** The reply once the script has run out (default: a 500 saying nothing was scripted). */
  otherwise(reply: Script | undefined): void {
    this.fallback = reply;
  }

  /** Forgets the script and the recorded requests, between tests. */
  reset(): void {
    this.queue = [];
    this.fallback = undefined;
    this.requests.length = 0;
  }

  /** The text of every message of every request, for assertions about what the model saw. */
  promptText(): string {
    return this.requests.map((r) => (r.body.messages ?? []).map((m) => m.content).join('\n')).join('\n');
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = { path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : {} };
    this.requests.push(request);
    if (req.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
      return send(res, 404, {}, { error: { message: 'not found', type: 'invalid_request_error' } });
    }
    const script = this.queue.shift() ?? this.fallback;
    const reply =
      typeof script === 'function' ? script(request) : (script ?? { status: 500, error: 'no reply scripted' });
    const respond = () => {
      const status = reply.status ?? 200;
      if (status !== 200) {
        const body = reply.errorBody ?? { error: { message: reply.error ?? 'error', type: 'error' } };
        return send(res, status, reply.headers ?? {}, body);
      }
      const content = reply.content ?? JSON.stringify(reply.json ?? {});
      const usage = reply.usage ?? { prompt_tokens: Math.ceil(text.length / 4), completion_tokens: content.length };
      const body = {
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 0,
        model: request.body.model ?? 'fake',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, ...(reply.reasoning && { reasoning_content: reply.reasoning }) },
            finish_reason: 'stop',
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      };
      if (!reply.trickleMs) return send(res, 200, reply.headers ?? {}, body);
      const json = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
      res.write(json.slice(0, json.length / 2));
      this.later(reply.trickleMs, res, () => res.end(json.slice(json.length / 2)));
    };
    if (!reply.delayMs) return respond();
    this.later(reply.delayMs, res, respond);
  }

  /** Runs `then` after `ms` unless the client has hung up by then; `close` cancels it. */
  private later(ms: number, res: ServerResponse, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) then();
    }, ms);
    this.timers.add(timer);
  }
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
