import { TeamsConnector, TeamsConnectorError } from '../../core/teams-connector';
import { FakeBotConnector } from '../fakes/bot-connector';

const TOKEN = 'connector-token';
const THREAD = '19:sales@thread.tacv2;messageid=1800000000001';

describe('TeamsConnector against the loopback Bot Connector', () => {
  let connector: FakeBotConnector;
  let waits: number[];
  const client = (attempts = 3) =>
    new TeamsConnector({
      token: async () => TOKEN,
      serviceUrlAllowed: (url) => url.hostname === '127.0.0.1',
      retry: { attempts, baseDelayMs: 100, maxDelayMs: 5000 },
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });

  beforeEach(async () => {
    waits = [];
    connector = await new FakeBotConnector(TOKEN).start();
  });
  afterEach(() => connector.stop());

  it('posts to a channel thread with ;messageid= unencoded and updates the same activity', async () => {
    const to = { serviceUrl: connector.serviceUrl, conversationId: THREAD };
    const id = await client().send(to, { type: 'message', text: 'Working on it…' });
    await client().update(to, id, { type: 'message', text: 'Revenue is up 12%.' });

    expect(connector.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /amer/v3/conversations/${THREAD}/activities`,
      `PUT /amer/v3/conversations/${THREAD}/activities/${id}`,
    ]);
    expect(connector.in(THREAD)[0]?.history).toEqual(['Working on it…', 'Revenue is up 12%.']);
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    connector.faults.push({ status: 429, retryAfter: '2' });
    const id = await client().send(
      { serviceUrl: connector.serviceUrl, conversationId: THREAD },
      { type: 'message', text: 'hi' },
    );

    expect(id).toBeTruthy();
    expect(waits).toEqual([2000]);
    expect(connector.activities).toHaveLength(1);
  });

  it('backs off with jitter on 502 and 412, and gives up as TEAMS_BUSY after its tries', async () => {
    connector.faults.push({ status: 502 }, { status: 412 }, { status: 504 });
    const sending = client(3).send({ serviceUrl: connector.serviceUrl, conversationId: THREAD }, { type: 'message' });

    await expect(sending).rejects.toMatchObject({ code: 'TEAMS_BUSY', status: 504 });
    expect(waits).toEqual([75, 150]);
    expect(connector.activities).toEqual([]);
  });

  it('does not retry a refusal such as 403', async () => {
    connector.faults.push({ status: 403 });
    const sending = client().send({ serviceUrl: connector.serviceUrl, conversationId: THREAD }, { type: 'message' });
    await expect(sending).rejects.toMatchObject({ code: 'TEAMS_REFUSED', status: 403 });
    expect(connector.calls).toHaveLength(1);
  });

  it('never sends the token to a host that is not a Bot Connector by default', async () => {
    const strict = new TeamsConnector({ token: async () => TOKEN });
    const sending = strict.send({ serviceUrl: connector.serviceUrl, conversationId: THREAD }, { type: 'message' });
    await expect(sending).rejects.toBeInstanceOf(TeamsConnectorError);
    await expect(sending).rejects.toMatchObject({ code: 'TEAMS_SERVICE_URL_REFUSED' });
    expect(connector.calls).toEqual([]);
  });
});
