import { clientCredentialsToken, TeamsTokenError } from '../../core/teams-token';
import { FakeEntraToken } from '../fakes/entra-token';

const APP_ID = '00000000-0000-4000-8000-00000000b07a';
const PASSWORD = 'app-password-n3ver-sent-elsewhere';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('the bot token (client credentials against Microsoft Entra)', () => {
  let entra: FakeEntraToken;
  let clock: number;
  const provider = (appPassword = PASSWORD) =>
    clientCredentialsToken({ appId: APP_ID, appPassword, tenantId: TENANT, loginUrl: entra.baseUrl, now: () => clock });

  beforeEach(async () => {
    entra = await new FakeEntraToken(APP_ID, PASSWORD).start();
    clock = 1_000_000;
  });
  afterEach(() => entra.stop());

  it("asks the bot's tenant for a Bot Framework token with the app's credentials", async () => {
    await expect(provider()()).resolves.toBe('entra-token-1');

    expect(entra.requests).toEqual([
      {
        tenant: TENANT,
        form: {
          grant_type: 'client_credentials',
          client_id: APP_ID,
          client_secret: PASSWORD,
          scope: 'https://api.botframework.com/.default',
        },
      },
    ]);
  });

  it('keeps the token until five minutes before it expires, then fetches a new one', async () => {
    entra.expiresIn = 3600;
    const token = provider();

    expect(await token()).toBe('entra-token-1');
    clock += 54 * 60 * 1000;
    expect(await token()).toBe('entra-token-1');
    expect(entra.requests).toHaveLength(1);

    clock += 2 * 60 * 1000;
    expect(await token()).toBe('entra-token-2');
    expect(entra.requests).toHaveLength(2);
  });

  it('sends one request for many callers at once, and all of them get its token', async () => {
    const token = provider();
    entra.hold();
    const callers = Array.from({ length: 5 }, () => token());
    await waitFor(() => entra.requests.length > 0);
    entra.release();

    expect(await Promise.all(callers)).toEqual(Array(5).fill('entra-token-1'));
    expect(entra.requests).toHaveLength(1);
  });

  it("names Entra's refusal of a wrong secret without repeating the secret, and tries again on the next call", async () => {
    const token = provider('wrong-secret-value');

    const refusal = await token().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TeamsTokenError);
    expect((refusal as TeamsTokenError).code).toBe('TEAMS_TOKEN_FAILED');
    expect((refusal as Error).message).toMatch(/refused the bot's credentials \(HTTP 401\).*AADSTS7000215/);
    expect((refusal as Error).message).not.toContain('wrong-secret-value');

    await expect(token()).rejects.toThrow(TeamsTokenError);
    expect(entra.requests).toHaveLength(2);
  });

  it('says so when Entra cannot be reached', async () => {
    await entra.stop();
    await expect(provider()()).rejects.toThrow('Microsoft Entra could not be reached for a bot token.');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
