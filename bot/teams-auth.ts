import { importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';

/** Why a request was refused; logged, never sent back (the caller only gets 401). */
export class TeamsAuthError extends Error {
  readonly code = 'TEAMS_AUTH_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TeamsAuthError';
  }
}

/** The one issuer of the tokens the Bot Framework sends with channel activities. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface TeamsTokenCheckOptions {
  /** The bot's Microsoft app id: the only audience accepted. */
  appId: string;
  /** Bot Framework's OpenID metadata; its `jwks_uri` holds the signing keys. */
  openIdMetadataUrl: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** What the checked activity says about itself, to compare with the token. */
export interface ActivityClaims {
  serviceUrl: string;
  channelId: string;
}

const Metadata = z.object({ jwks_uri: z.url() });
const KeySet = z.object({
  keys: z.array(z.object({ kid: z.string(), kty: z.string(), endorsements: z.array(z.string()).optional() }).loose()),
});
type Key = z.infer<typeof KeySet>['keys'][number];

/** Bot Framework rotates keys rarely; a day, as Microsoft recommends, and a refetch for a key not seen yet. */
const KEYS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** An unknown key id refetches at most this often, so forged tokens cannot make the edge hammer the key host. */
const REFETCH_AT_MOST_EVERY_MS = 5 * 60 * 1000;
const CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Checks the Bot Framework JWT on a Teams request, as the Bot Framework's authentication spec asks:
 * signed (RS256) by a key from the OpenID metadata's key set that is endorsed for the activity's
 * channel, issued by Bot Framework, for this app, not expired (5 minutes of skew), and with a
 * `serviceurl` claim equal to the activity's `serviceUrl`, so a token for one connector cannot send
 * the bot's replies, and its token, to another.
 */
export class TeamsTokenCheck {
  private keys: Promise<Map<string, Key>> | undefined;
  private fetchedAt = -Infinity;
  private readonly doFetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: TeamsTokenCheckOptions) {
    this.doFetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** Resolves with the token's claims, or throws `TeamsAuthError` saying what was wrong. */
  async verify(authorization: string | undefined, activity: ActivityClaims): Promise<JWTPayload> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new TeamsAuthError('No bearer token.');
    let endorsements: string[] | undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.keyFor(header.kid);
          endorsements = key.endorsements;
          return importJWK(key as JWK, 'RS256');
        },
        {
          issuer: BOT_FRAMEWORK_ISSUER,
          audience: this.options.appId,
          algorithms: ['RS256'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          currentDate: new Date(this.now()),
          requiredClaims: ['exp'],
        },
      ));
    } catch (error) {
      if (error instanceof TeamsAuthError) throw error;
      throw new TeamsAuthError(`The token did not verify (${(error as { code?: string }).code ?? 'invalid'}).`, {
        cause: error,
      });
    }
    if (endorsements && !endorsements.includes(activity.channelId)) {
      throw new TeamsAuthError(`The signing key is not endorsed for channel ${activity.channelId}.`);
    }
    if (normalized(payload.serviceurl) !== normalized(activity.serviceUrl)) {
      throw new TeamsAuthError('The token was issued for another service URL.');
    }
    return payload;
  }

  private async keyFor(kid: string | undefined): Promise<Key> {
    if (!kid) throw new TeamsAuthError('The token names no signing key.');
    const stale = this.now() - this.fetchedAt > KEYS_MAX_AGE_MS;
    let key = stale ? undefined : (await this.keySet()).get(kid);
    if (!key && this.now() - this.fetchedAt > REFETCH_AT_MOST_EVERY_MS) {
      this.keys = undefined;
      key = (await this.keySet()).get(kid);
    }
    if (!key) throw new TeamsAuthError('The token is signed with a key Bot Framework does not publish.');
    return key;
  }

  private keySet(): Promise<Map<string, Key>> {
    this.keys ??= this.fetchKeys().catch((error: unknown) => {
      this.keys = undefined;
      throw new TeamsAuthError('The Bot Framework signing keys could not be fetched.', { cause: error });
    });
    return this.keys;
  }

  private async fetchKeys(): Promise<Map<string, Key>> {
    const metadata = Metadata.parse(await this.json(this.options.openIdMetadataUrl));
    const set = KeySet.parse(await this.json(metadata.jwks_uri));
    this.fetchedAt = this.now();
    return new Map(set.keys.map((key) => [key.kid, key]));
  }

  private async json(url: string): Promise<unknown> {
    const response = await this.doFetch(url, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.json();
  }
}

/** Service URLs compare without case and trailing slashes: Teams sends `…/emea/` in one place and `…/emea` in another. */
function normalized(url: unknown): string | undefined {
  return typeof url === 'string' ? url.toLowerCase().replace(/\/+$/, '') : undefined;
}
