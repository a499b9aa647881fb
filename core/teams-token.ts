import { z } from 'zod';

/** Gives the bearer token for calls to the Bot Connector; it caches and renews as it sees fit. */
export type TokenProvider = () => Promise<string>;

/** Microsoft Entra refused the credentials or could not be reached. */
export class TeamsTokenError extends Error {
  readonly code = 'TEAMS_TOKEN_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TeamsTokenError';
  }
}

export interface ClientCredentials {
  appId: string;
  appPassword: string;
  /** Single-tenant registration: the token comes from this tenant. */
  tenantId: string;
  /** What the token is for: the Bot Connector unless told otherwise (Microsoft Graph: `https://graph.microsoft.com/.default`). */
  scope?: string;
  /** `https://login.microsoftonline.com` unless told otherwise. */
  loginUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

const TokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** Renewed this long before it expires, so a token is never sent in its last minutes. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const SCOPE = 'https://api.botframework.com/.default';

/**
 * The client-credentials flow for a single-tenant bot, cached until five minutes before the token
 * expires and shared by concurrent callers (one request in flight). A plain `fetch` rather than MSAL,
 * which refuses non-HTTPS authorities and so could not be pointed at a loopback server in tests.
 *
 * @example const token = clientCredentialsToken({ appId, appPassword, tenantId }); await token();
 */
export function clientCredentialsToken(credentials: ClientCredentials): TokenProvider {
  const doFetch = credentials.fetch ?? fetch;
  const now = credentials.now ?? Date.now;
  const base = (credentials.loginUrl ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const url = `${base}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
  let cached: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const request = async (): Promise<string> => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.appId,
      client_secret: credentials.appPassword,
      scope: credentials.scope ?? SCOPE,
    });
    let response: Response;
    try {
      response = await doFetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
    } catch (error) {
      throw new TeamsTokenError('Microsoft Entra could not be reached for a bot token.', { cause: error });
    }
    if (!response.ok) {
      // The body names the problem (AADSTS7000215: invalid client secret, …) and holds no secret.
      const detail = (await response.text()).slice(0, 300);
      throw new TeamsTokenError(`Microsoft Entra refused the bot's credentials (HTTP ${response.status}): ${detail}`);
    }
    const parsed = TokenResponse.safeParse(await response.json());
    if (!parsed.success) throw new TeamsTokenError('Microsoft Entra answered without a usable token.');
    cached = { token: parsed.data.access_token, renewAt: now() + parsed.data.expires_in * 1000 - RENEW_BEFORE_MS };
    return cached.token;
  };

  return async () => {
    if (cached && now() < cached.renewAt) return cached.token;
    pending ??= request().finally(() => (pending = undefined));
    return pending;
  };
}
