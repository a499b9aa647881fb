import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One token request as the fake received it (form fields of the client-credentials grant). */
export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
}

/**
 * A loopback stand-in for Microsoft Entra's token endpoint (`POST /{tenant}/oauth2/v2.0/token`,
 * form-encoded client-credentials grant). It hands out numbered tokens for the one app it knows,
 * answers `invalid_client` (HTTP 401, AADSTS7000215) to a wrong secret, and can hold its answers
 * back so a test sees how many requests are in flight.
 */
export class FakeEntraToken {
  private server: Server | undefined;
  private held: (() => void)[] | undefined;
  readonly requests: TokenRequest[] = [];
  /** Lifetime of the tokens handed out, in seconds. */
  expiresIn = 3599;
  baseUrl = '';

  constructor(
    private readonly appId: string,
    private readonly appPassword: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(request.url ?? '');
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        if (match) this.requests.push({ tenant: decodeURIComponent(match[1] ?? ''), form });
        const number = this.requests.length;
        const answer = () => {
          response.setHeader('content-type', 'application/json');
          if (request.method !== 'POST' || !match) {
            response.statusCode = 404;
            response.end('{}');
            return;
          }
          if (form.client_id !== this.appId || form.client_secret !== this.appPassword) {
            response.statusCode = 401;
            response.end(
              JSON.stringify({
                error: 'invalid_client',
                error_description: 'AADSTS7000215: Invalid client secret provided.',
              }),
            );
            return;
          }
          response.end(
            JSON.stringify({
              token_type: 'Bearer',
              expires_in: this.expiresIn,
              access_token: `entra-token-${number}`,
            }),
          );
        };
        if (this.held) this.held.push(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Requests arriving from now on wait until `release()`. */
  hold(): void {
    this.held ??= [];
  }

  /** Answers the requests held back, and answers at once again. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const answer of held) answer();
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
