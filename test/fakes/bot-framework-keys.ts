import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A loopback stand-in for Bot Framework's OpenID metadata and key set
 * (`/v1/.well-known/openidconfiguration` → `jwks_uri` → `/v1/.well-known/keys`), with a signing key
 * of its own so tests send tokens the real check verifies. A second key, never published, signs
 * forgeries. Keys carry `endorsements` as Bot Framework's do.
 */
export class FakeBotFrameworkKeys {
  private server: Server | undefined;
  private signing: { kid: string; privateKey: CryptoKey; jwk: JWK } | undefined;
  private rogue: CryptoKey | undefined;
  /** How many times each path was fetched. */
  readonly fetches: string[] = [];
  baseUrl = '';

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const rogue = await generateKeyPair('RS256');
    this.signing = { kid: 'test-key-1', privateKey: pair.privateKey, jwk: await exportJWK(pair.publicKey) };
    this.rogue = rogue.privateKey;
    this.server = createServer((request, response) => {
      this.fetches.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      if (request.url === '/v1/.well-known/openidconfiguration') {
        response.end(
          JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.baseUrl}/v1/.well-known/keys` }),
        );
      } else if (request.url === '/v1/.well-known/keys') {
        const key = {
          ...this.signing?.jwk,
          kid: this.signing?.kid,
          use: 'sig',
          alg: 'RS256',
          endorsements: ['msteams', 'webchat'],
        };
        response.end(JSON.stringify({ keys: [key] }));
      } else {
        response.statusCode = 404;
        response.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get metadataUrl(): string {
    return `${this.baseUrl}/v1/.well-known/openidconfiguration`;
  }

  /**
   * A Bot Framework token: issuer, audience and service URL as Teams sends them unless overridden;
   * `forged` signs with the unpublished key, `expiresIn` in seconds (negative for expired).
   */
  async token(claims: {
    audience: string;
    serviceUrl: string;
    issuer?: string;
    expiresIn?: number;
    forged?: boolean;
  }): Promise<string> {
    if (!this.signing || !this.rogue) throw new Error('FakeBotFrameworkKeys.start() first');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.signing.kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? 'https://api.botframework.com')
      .setAudience(claims.audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(claims.forged ? this.rogue : this.signing.privateKey);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
