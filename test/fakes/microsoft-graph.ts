import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface HostedFile {
  name: string;
  bytes: Buffer;
}

/** A file attached to a channel or chat message, as Graph lists it. */
export interface GraphFile {
  name: string;
  bytes: Buffer;
}

/**
 * Loopback stand-ins for Microsoft Graph and a Microsoft file host (SharePoint/OneDrive), speaking
 * their wire formats: `GET /v1.0/teams/{group}/channels/{channel}/messages/{id}` (and
 * `…/messages/{root}/replies/{id}`, `/v1.0/chats/{chat}/messages/{id}`) answer a chatMessage with
 * `reference` attachments; `GET /v1.0/shares/u!{base64url(url)}/driveItem/content` answers 302 to the
 * file host, like Graph. The file host serves personal chat `downloadUrl`s by their tempauth path.
 * `denied` makes Graph answer 403 as a tenant without the permission does.
 */
export class FakeMicrosoftGraph {
  graphUrl = '';
  fileHostUrl = '';
  readonly calls: { path: string; authorization: string | undefined }[] = [];
  /** Which Graph reads are refused with 403: a message read or a file download. */
  denied: { messages?: boolean; shares?: boolean } = {};
  private readonly messages = new Map<string, { id: string; files: string[] }>();
  private readonly files = new Map<string, HostedFile>();
  private graph: Server | undefined;
  private host: Server | undefined;

  constructor(private readonly token: string) {}

  async start(): Promise<this> {
    this.graph = await listen((request, response) => this.handleGraph(request, response));
    this.host = await listen((request, response) => this.handleHost(request, response));
    this.graphUrl = `http://127.0.0.1:${(this.graph.address() as AddressInfo).port}`;
    this.fileHostUrl = `http://127.0.0.1:${(this.host.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.graph, this.host].map(close));
  }

  /** A personal chat file: its short-lived `downloadUrl`, fetched without a token. */
  personalFile(name: string, bytes: Buffer): string {
    const id = randomBytes(8).toString('hex');
    this.files.set(id, { name, bytes });
    return `${this.fileHostUrl}/personal/user/_layouts/15/download.aspx/${id}/tempauth-${randomBytes(8).toString('hex')}`;
  }

  /** A channel message (`/teams/{group}/channels/{channel}/messages[/{root}/replies]/{id}`) sharing files. */
  channelMessage(where: { group: string; channel: string; root?: string; id: string }, files: GraphFile[]): void {
    const base = `/v1.0/teams/${where.group}/channels/${encodeURIComponent(where.channel)}/messages`;
    const path =
      where.root && where.root !== where.id ? `${base}/${where.root}/replies/${where.id}` : `${base}/${where.id}`;
    this.messages.set(path, { id: where.id, files: files.map((file) => this.sharePointFile(file)) });
  }

  private sharePointFile(file: GraphFile): string {
    const id = randomBytes(8).toString('hex');
    this.files.set(id, file);
    return `${this.fileHostUrl}/sites/team/Shared%20Documents/General/${id}/${encodeURIComponent(file.name)}`;
  }

  private handleGraph(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '';
    this.calls.push({ path, authorization: request.headers.authorization });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return json(401, { error: { code: 'InvalidAuthenticationToken' } });
    const share = /^\/v1\.0\/shares\/u!([A-Za-z0-9_-]+)\/driveItem\/content$/.exec(path);
    if (share?.[1]) {
      if (this.denied.shares) return json(403, { error: { code: 'accessDenied', message: 'Access denied' } });
      const url = Buffer.from(share[1], 'base64url').toString('utf8');
      const id = new URL(url).pathname.split('/').at(-2) ?? '';
      if (!url.startsWith(this.fileHostUrl) || !this.files.has(id))
        return json(404, { error: { code: 'itemNotFound' } });
      response.writeHead(302, { location: `${this.fileHostUrl}/download/${id}` });
      return void response.end();
    }
    const message = this.messages.get(path);
    // Without the permission Graph refuses every message read, whether or not the message exists.
    if (this.denied.messages && /\/messages\//.test(path)) {
      return json(403, { error: { code: 'Forbidden', message: 'Missing role permissions on the request.' } });
    }
    if (!message) return json(404, { error: { code: 'NotFound' } });
    json(200, {
      id: message.id,
      body: { contentType: 'html', content: '<attachment></attachment>' },
      attachments: message.files.map((contentUrl, i) => ({
        id: `att-${i}`,
        contentType: 'reference',
        contentUrl,
        name: decodeURIComponent(contentUrl.split('/').at(-1) ?? ''),
      })),
    });
  }

  private handleHost(request: IncomingMessage, response: ServerResponse): void {
    const parts = (request.url ?? '').split('/');
    const id = request.url?.startsWith('/download/') ? parts[2] : parts.at(-2);
    const file = id ? this.files.get(id) : undefined;
    if (!file) {
      response.writeHead(404);
      return void response.end();
    }
    // Chunked, without a length: the size limit must hold while streaming.
    response.writeHead(200, { 'content-type': 'application/octet-stream' });
    response.end(file.bytes);
  }
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function close(server: Server | undefined): Promise<void> {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
