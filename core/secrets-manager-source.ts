import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretName, SecretSource } from './secret-source';

/** The Secrets Manager secrets the stack creates; each holds a JSON object. */
export interface SecretIds {
  /** `{ "signingSecret": "…", "botToken": "xoxb-…" }` */
  slack?: string;
  /** `{ "apiKey": "nvapi-…" }` */
  nvidia?: string;
  /** `{ "appId": "…", "appPassword": "…", "tenantId": "…" }` */
  teams?: string;
}

const WHERE: Record<SecretName, { secret: keyof SecretIds; field: string } | undefined> = {
  slackSigningSecret: { secret: 'slack', field: 'signingSecret' },
  slackBotToken: { secret: 'slack', field: 'botToken' },
  // Socket Mode is for the local runner; the deployed bot receives HTTP.
  slackAppToken: undefined,
  nvidiaApiKey: { secret: 'nvidia', field: 'apiKey' },
  teamsAppId: { secret: 'teams', field: 'appId' },
  teamsAppPassword: { secret: 'teams', field: 'appPassword' },
  teamsTenantId: { secret: 'teams', field: 'tenantId' },
};

/**
 * Secrets Manager through Powertools' provider, which caches each secret for
 * `maxAgeSeconds`, so a warm Lambda does not call the API on every job and a
 * rotated value is picked up within that time.
 */
export class SecretsManagerSource implements SecretSource {
  constructor(
    private readonly ids: SecretIds,
    private readonly provider: SecretsProvider = new SecretsProvider(),
    private readonly maxAgeSeconds = 300,
  ) {}

  async get(name: SecretName): Promise<string | undefined> {
    const where = WHERE[name];
    const id = where && this.ids[where.secret];
    if (!where || !id) return undefined;
    const secret = await this.provider.get(id, { maxAge: this.maxAgeSeconds, transform: 'json' });
    const value = (secret as Record<string, unknown> | undefined)?.[where.field];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }
}
