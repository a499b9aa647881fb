import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback Secrets Manager speaking the SDK's AWS JSON 1.1 protocol
 * (`X-Amz-Target: secretsmanager.GetSecretValue`), so the real client and
 * Powertools' provider run unchanged. Counts reads, to check caching.
 */
export class FakeSecretsManager {
  readonly reads: string[] = [];
  private server: Server | undefined;
  private unavailable = false;

  constructor(private readonly secrets: Record<string, string>) {}

  async start(): Promise<this> {
    this.server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const target = String(request.headers['x-amz-target'] ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      };
      if (this.unavailable) return reply(503, { __type: 'ServiceUnavailable', message: 'unavailable' });
      if (target !== 'secretsmanager.GetSecretValue') return reply(400, { __type: 'UnknownOperationException' });
      const id = body.SecretId ?? '';
      this.reads.push(id);
      const value = this.secrets[id];
      if (value === undefined) {
        return reply(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the secret." });
      }
      reply(200, { ARN: id, Name: id, SecretString: value, VersionId: 'v1', CreatedDate: 1_700_000_000 });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  setUnavailable(unavailable: boolean): void {
    this.unavailable = unavailable;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
