import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent, as the connector received it. */
export interface ConnectorActivity {
  /** The conversation id exactly as it appeared in the path (`…;messageid=…` unencoded). */
  conversationId: string;
  id: string;
  text?: string;
  attachments?: unknown[];
  /** Every text this activity has had, oldest first; a PUT appends. */
  history: (string | undefined)[];
  body: Record<string, unknown>;
}

export interface ConnectorCall {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** What the next calls get instead of the normal answer. */
export type ConnectorFault = { status: number; retryAfter?: string };

/**
 * A loopback stand-in for the Bot Connector service (a Teams `serviceUrl`), speaking its REST wire
 * format: `POST /v3/conversations/{id}/activities` answers `{ id }`, `PUT …/activities/{activityId}`
 * replaces one, `POST …/activities/{activityId}` replies to one. It checks the bearer token and
 * records every activity; queued faults (429 with Retry-After, 502, …) answer the next calls.
 */
export class FakeBotConnector {
  readonly activities: ConnectorActivity[] = [];
  readonly calls: ConnectorCall[] = [];
  readonly faults: ConnectorFault[] = [];
  /** 1:1 chats the bot created (`POST /v3/conversations`): their id and the person in them. */
  readonly chats: { id: string; person: string; tenantId: string }[] = [];
  serviceUrl = '';
  private server: Server | undefined;
  private next = 1;

  constructor(private readonly token: string) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/amer/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A person's message in a conversation, as Teams would hold it; its id. */
  personSays(conversationId: string, text: string): string {
    const id = `1600000${String(this.next++).padStart(6, '0')}`;
    this.activities.push({ conversationId, id, text, history: [text], body: { type: 'message', text } });
    return id;
  }

  /** Deletes a message, as its author could; edits of it then get 404. */
  remove(id: string): void {
    const index = this.activities.findIndex((activity) => activity.id === id);
    if (index >= 0) this.activities.splice(index, 1);
  }

  /** Activities sent to a conversation id (as in the path), oldest first. */
  in(conversationId: string): ConnectorActivity[] {
    return this.activities.filter((activity) => activity.conversationId === conversationId);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    this.calls.push({ method: request.method ?? '', path, authorization: request.headers.authorization });
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return reply(401, { message: 'Authorization has been denied for this request.' });
    const fault = this.faults.shift();
    if (fault)
      return reply(
        fault.status,
        { error: { code: 'Throttled' } },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    if (request.method === 'POST' && path === '/amer/v3/conversations') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        members?: { id: string }[];
        tenantId?: string;
      };
      const person = body.members?.[0]?.id;
      if (!person || !body.tenantId) return reply(400, { error: { code: 'BadArgument' } });
      const existing = this.chats.find((chat) => chat.person === person && chat.tenantId === body.tenantId);
      const chat = existing ?? { id: `a:1chat${this.chats.length + 1}`, person, tenantId: body.tenantId };
      if (!existing) this.chats.push(chat);
      return reply(existing ? 200 : 201, { id: chat.id });
    }
    const match = /^\/amer\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match?.[1]) return reply(404, { error: { code: 'NotFound' } });
    const conversationId = match[1];
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const text = typeof body.text === 'string' ? body.text : undefined;
    const attachments = Array.isArray(body.attachments) ? body.attachments : undefined;
    if (request.method === 'PUT' && activityId) {
      const existing = this.activities.find((a) => a.id === activityId);
      if (!existing) return reply(404, { error: { code: 'ActivityNotFoundInConversation' } });
      Object.assign(existing, { text, attachments, body });
      existing.history.push(text);
      return reply(200, { id: activityId });
    }
    if (request.method !== 'POST') return reply(405, {});
    const id = `1700000${String(this.next++).padStart(6, '0')}`;
    this.activities.push({ conversationId, id, text, attachments, history: [text], body });
    return reply(201, { id });
  }
}
