import { ASK_VERB, DIGEST_VERB, SHOW_SQL_VERB, SUBSCRIBE_VERB } from '../../core/teams-card-actions';
import { activityId, BOT, CHANNEL, messageActivity, PERSONAL, TEAM, TeamsHarness, TENANT } from './teams-harness';

const ANSWER = 'j0123456789abcdef01234567';

describe('the Teams edge: tokens, card actions, files and installs', () => {
  let harness: TeamsHarness;

  beforeAll(async () => {
    harness = await new TeamsHarness().start();
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    harness.sqs.queued.length = 0;
    harness.connector.activities.length = 0;
    harness.connector.calls.length = 0;
  });

  it.each([
    ['no token', null],
    ['a wrong audience', { audience: 'another-bot' }],
    ['a wrong issuer', { issuer: 'https://sts.example.com/' }],
    ['an expired token (past the 5 minutes of skew)', { expiresIn: -600 }],
    ['a bad signature', { forged: true }],
    ['a serviceurl claim for another connector', { serviceUrl: 'https://smba.trafficmanager.net/evil/' }],
  ])('answers 401 to %s, queues nothing and posts nothing', async (_, token) => {
    const response = await harness.send(messageActivity(harness, { scope: 'personal', text: 'revenue' }), token);
    expect(response.statusCode).toBe(401);
    expect(harness.sqs.queued).toEqual([]);
    expect(harness.connector.calls).toEqual([]);
  });

  it('accepts a token a few minutes past expiry, inside the skew', async () => {
    const response = await harness.send(messageActivity(harness, { scope: 'personal', text: 'revenue' }), {
      expiresIn: -120,
    });
    expect(response.statusCode).toBe(200);
    expect(harness.jobs()).toHaveLength(1);
  });

  it('answers an Action.Execute suggested question in the HTTP body and queues it against its dataset', async () => {
    const root = activityId();
    const invoke = {
      ...messageActivity(harness, { scope: 'channel', root }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: ASK_VERB, data: { dataset: 'd1a2b3', question: 'Revenue by region' } },
      },
    };
    const response = await harness.send(invoke);

    expect(JSON.parse(response.body)).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Working on “Revenue by region”…',
    });
    expect(harness.jobs()).toEqual([
      expect.objectContaining({ kind: 'question', via: 'button', dataset: 'd1a2b3', text: 'Revenue by region' }),
    ]);
    expect(harness.connector.in(`${CHANNEL};messageid=${root}`)).toHaveLength(1);
  });

  it('queues Show SQL from an Action.Submit in a personal chat', async () => {
    await harness.send(messageActivity(harness, { scope: 'personal', value: { verb: SHOW_SQL_VERB, answer: ANSWER } }));
    expect(harness.jobs()).toEqual([expect.objectContaining({ kind: 'export', format: 'sql', answer: ANSWER })]);
    expect(harness.connector.in(PERSONAL).map((a) => a.text)).toEqual(['Getting the SQL…']);
  });

  it('queues a digest button from an Action.Submit as the clicker’s digest command, for the worker to check the owner', async () => {
    const digest = 'd0123456789abcdef';
    await harness.send(
      messageActivity(harness, { scope: 'personal', value: { verb: DIGEST_VERB, digest, do: 'send-now' } }),
    );
    expect(harness.jobs()).toEqual([
      expect.objectContaining({
        kind: 'digest-command',
        command: { do: 'send-now', digest },
        requestedBy: { id: '6b9f1d3c-0e7a-4b7e-9a3e-aaaaaaaaaaaa', name: 'Alice' },
      }),
    ]);
    expect(harness.connector.in(PERSONAL).map((a) => a.text)).toEqual(['Working on it…']);
  });

  it('makes “Send this every week” a weekly digest of the answer in the clicker’s time zone', async () => {
    const invoke = {
      ...messageActivity(harness, { scope: 'channel', root: activityId() }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      localTimezone: 'Europe/Berlin',
      value: { action: { type: 'Action.Execute', verb: SUBSCRIBE_VERB, data: { answer: ANSWER } } },
    };
    expect(JSON.parse((await harness.send(invoke)).body).value).toBe('Working on it…');
    expect(harness.jobs()).toEqual([
      expect.objectContaining({
        kind: 'digest-command',
        command: { do: 'subscribe', text: 'weekly', answer: ANSWER, timeZone: 'Europe/Berlin' },
      }),
    ]);
  });

  it('refuses a digest button with a verb it does not know', async () => {
    const invoke = {
      ...messageActivity(harness, { scope: 'personal' }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: DIGEST_VERB, data: { digest: 'd0123456789abcdef', do: 'edit' } },
      },
    };
    expect(JSON.parse((await harness.send(invoke)).body).value).toMatch(/no longer works/);
    expect(harness.jobs()).toEqual([]);
  });

  it('says a button is stale instead of queueing data that does not parse', async () => {
    const invoke = {
      ...messageActivity(harness, { scope: 'personal' }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'analytics.show_sql', data: { answer: 'nope' } } },
    };
    const response = await harness.send(invoke);
    expect(JSON.parse(response.body).value).toMatch(/no longer works/);
    expect(harness.jobs()).toEqual([]);
  });

  it('queues a personal-chat CSV with its download URL and answers a PDF at once', async () => {
    const file = (name: string) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name,
      contentUrl: `https://contoso-my.sharepoint.com/personal/alice/Documents/${name}`,
      content: {
        downloadUrl: `https://contoso-my.sharepoint.com/download.aspx?tempauth=abc&n=${name}`,
        uniqueId: `u-${name}`,
        fileType: name.split('.').pop(),
      },
    });
    await harness.send(
      messageActivity(harness, { scope: 'personal', attachments: [file('sales.csv'), file('deck.pdf')] }),
    );

    expect(harness.jobs()).toEqual([
      expect.objectContaining({
        kind: 'ingest',
        file: expect.objectContaining({ name: 'sales.csv', downloadUrl: expect.stringContaining('tempauth=abc') }),
      }),
    ]);
    expect(harness.connector.in(PERSONAL).map((a) => a.text)).toEqual([
      'Reading sales.csv…',
      'deck.pdf doesn’t look like a table, so I’ll leave it. I read CSV, TSV and Excel (.xlsx) files.',
    ]);
  });

  it('queues a channel file message for the worker to read through Graph', async () => {
    const id = activityId();
    const html = {
      contentType: 'text/html',
      content: '<div><at>Analytics</at> <attachment id="3f2a"></attachment></div>',
    };
    await harness.send(
      messageActivity(harness, { scope: 'channel', mention: true, text: '', id, attachments: [html] }),
    );

    expect(harness.jobs()).toEqual([expect.objectContaining({ kind: 'ingest', teamsMessage: { id } })]);
    expect(harness.connector.in(`${CHANNEL};messageid=${id}`).map((a) => a.text)).toEqual(['Reading the file…']);
  });

  it('records an install in a team and a removal, with the team’s group id', async () => {
    const conversation = { id: TEAM, conversationType: 'channel', tenantId: TENANT };
    const common = {
      serviceUrl: harness.connector.serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1alice', aadObjectId: '6b9f1d3c-0e7a-4b7e-9a3e-aaaaaaaaaaaa' },
      recipient: { id: BOT },
      conversation,
      channelData: { tenant: { id: TENANT }, team: { id: TEAM, aadGroupId: 'a1b2c3d4-0000-4000-8000-000000000001' } },
    };
    await harness.send({ ...common, type: 'installationUpdate', id: 'f:install-1', action: 'add' });
    await harness.send({ ...common, type: 'conversationUpdate', id: 'f:update-2', membersRemoved: [{ id: BOT }] });
    await harness.send({ ...common, type: 'conversationUpdate', id: 'f:update-3', membersAdded: [{ id: '29:1bob' }] });

    const jobs = harness.jobs();
    expect(jobs.map((job) => job.kind === 'install' && job.action)).toEqual(['add', 'remove']);
    expect(jobs[0]?.conversation).toMatchObject({
      conversationId: TEAM,
      teamGroupId: 'a1b2c3d4-0000-4000-8000-000000000001',
    });
    expect(harness.connector.calls).toEqual([]);
  });
});
