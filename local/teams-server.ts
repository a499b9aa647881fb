import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EdgeLogger } from '../bot/edge-deps';
import { TeamsTokenCheck } from '../bot/teams-auth';
import { createTeamsEdge } from '../bot/teams-edge';
import type { JobQueue } from '../core/job-queue';
import { TeamsConnector } from '../core/teams-connector';
import { clientCredentialsToken } from '../core/teams-token';

/** The route a dev tunnel forwards to, as the Azure Bot's messaging endpoint (`https://<tunnel>/api/messages`). */
export const TEAMS_LOCAL_PATH = '/api/messages';

/** Bot Framework's activities are small; anything larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface LocalTeamsOptions {
  credentials: { appId: string; appPassword: string; tenantId: string };
  openIdMetadataUrl: string;
  loginUrl: string;
  queue: JobQueue;
  logger: EdgeLogger;
  maxUploadBytes: number;
  /** 0 picks a free port. */
  port: number;
  /** Bot Connector hosts only, unless a test points the bot at a loopback connector. */
  serviceUrlAllowed?: (url: URL) => boolean;
}

export interface LocalTeams {
  /** Where the edge listens on this machine; a dev tunnel forwards `https://…/api/messages` here. */
  url: string;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The Teams edge over plain HTTP for `npm start`: the same edge as the Lambda (every token checked
 * against Bot Framework's keys, the placeholder posted, the job queued), feeding the in-process queue.
 */
export async function startLocalTeams(options: LocalTeamsOptions): Promise<LocalTeams> {
  const { credentials, logger } = options;
  const edge = createTeamsEdge({
    tokens: new TeamsTokenCheck({ appId: credentials.appId, openIdMetadataUrl: options.openIdMetadataUrl }),
    connector: new TeamsConnector({
      token: clientCredentialsToken({ ...credentials, loginUrl: options.loginUrl }),
      serviceUrlAllowed: options.serviceUrlAllowed,
    }),
    queue: options.queue,
    logger,
    maxUploadBytes: options.maxUploadBytes,
    tenantId: credentials.tenantId,
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== TEAMS_LOCAL_PATH) {
      response.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        const result = await edge({
          headers: request.headers as Record<string, string>,
          body: await readBody(request),
        });
        if (result.body === undefined) response.writeHead(result.status).end();
        else response.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          response.writeHead(413).end();
          return;
        }
        logger.error('The Teams edge could not handle a request', { error });
        response.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // This machine only, like the playground: a dev tunnel reaches it on localhost.
    server.listen(options.port, 'localhost', () => resolve());
  });
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}${TEAMS_LOCAL_PATH}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
