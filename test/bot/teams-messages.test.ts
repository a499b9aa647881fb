import { activityId, CHANNEL, GROUP_CHAT, messageActivity, PERSONAL, TeamsHarness, TENANT } from './teams-harness';

describe('the Teams edge: messages and commands', () => {
  let harness: TeamsHarness;

  beforeEach(async () => {
    harness = await new TeamsHarness().start();
  });
  afterEach(() => harness.stop());

  it('queues a question from a personal chat and posts the placeholder in that chat', async () => {
    const response = await harness.send(messageActivity(harness, { scope: 'personal', text: 'revenue by region' }));

    expect(response.statusCode).toBe(200);
    const [job] = harness.jobs();
    expect(job).toMatchObject({ kind: 'question', text: 'revenue by region', via: 'mention' });
    expect(job?.conversation).toEqual({
      platform: 'teams',
      tenant: TENANT,
      conversationId: PERSONAL,
      conversationType: 'personal',
      serviceUrl: harness.connector.serviceUrl,
    });
    const [placeholder] = harness.connector.in(PERSONAL);
    expect(placeholder?.text).toBe('Working on “revenue by region”…');
    expect(job?.placeholder).toEqual({ channel: PERSONAL, ts: placeholder?.id });
    expect(harness.leakedSecrets()).toEqual([]);
  });

  it('answers a channel mention in the thread the message starts, with the mention stripped', async () => {
    const id = activityId();
    await harness.send(messageActivity(harness, { scope: 'channel', text: 'margin by month', mention: true, id }));

    const [job] = harness.jobs();
    expect(job).toMatchObject({ kind: 'question', text: 'margin by month' });
    expect(job?.conversation).toMatchObject({
      conversationId: CHANNEL,
      channel: CHANNEL,
      thread: id,
      conversationType: 'channel',
    });
    // The placeholder went to the thread, with `;messageid=` unencoded in the path.
    const thread = `${CHANNEL};messageid=${id}`;
    expect(harness.connector.in(thread).map((a) => a.text)).toEqual(['Working on “margin by month”…']);
    expect(job?.placeholder).toEqual({ channel: thread, ts: harness.connector.in(thread)[0]?.id });
  });

  it('takes a reply in a channel thread as a follow-up, and leaves channel talk without a mention alone', async () => {
    const root = activityId();
    await harness.send(messageActivity(harness, { scope: 'channel', text: 'and by region?', root }));
    await harness.send(messageActivity(harness, { scope: 'channel', text: 'lunch anyone?' }));

    expect(harness.jobs()).toHaveLength(1);
    expect(harness.jobs()[0]).toMatchObject({ kind: 'question', text: 'and by region?', via: 'thread' });
    expect(harness.jobs()[0]?.conversation).toMatchObject({ thread: root });
    expect(harness.jobs()[0]?.placeholder).toBeUndefined();
    expect(harness.connector.activities).toEqual([]);
  });

  it('answers a group chat only when mentioned, in the chat itself', async () => {
    await harness.send(messageActivity(harness, { scope: 'groupChat', text: 'see you at 3' }));
    await harness.send(messageActivity(harness, { scope: 'groupChat', text: 'top 5 products', mention: true }));

    expect(harness.jobs().map((job) => job.kind === 'question' && job.text)).toEqual(['top 5 products']);
    expect(harness.connector.in(GROUP_CHAT)).toHaveLength(1);
  });

  it.each([
    ['list', { kind: 'command', command: 'list' }],
    ['help', { kind: 'command', command: 'help' }],
    ['analyze', { kind: 'command', command: 'help' }],
    ['analyze revenue by quarter', { kind: 'question', text: 'revenue by quarter' }],
    ['Revenue &amp; margin', { kind: 'question', text: 'Revenue & margin' }],
  ])('reads %j as the manifest command it is', async (text, expected) => {
    await harness.send(messageActivity(harness, { scope: 'channel', text, mention: true }));
    expect(harness.jobs()).toEqual([expect.objectContaining(expected)]);
  });

  it('turns three deliveries of one activity into one job and one placeholder', async () => {
    const activity = messageActivity(harness, { scope: 'channel', text: 'sales trend', mention: true });
    for (let i = 0; i < 3; i++) expect((await harness.send(activity)).statusCode).toBe(200);

    expect(harness.jobs()).toHaveLength(1);
    expect(harness.connector.activities).toHaveLength(1);
  });

  it('ignores activities from another tenant', async () => {
    const other = '0b2c6b87-2c5c-4f7e-9b5a-3f1f6f7d1e21';
    const response = await harness.send(messageActivity(harness, { scope: 'personal', text: 'hi', tenant: other }));
    expect(response.statusCode).toBe(200);
    expect(harness.jobs()).toEqual([]);
    expect(harness.connector.calls).toEqual([]);
  });

  it('tells the person, with a reference, when the queue is down', async () => {
    harness.sqs.fail({ kind: 'access-denied' }, 10);
    await harness.send(messageActivity(harness, { scope: 'personal', text: 'revenue' }));

    const [placeholder] = harness.connector.in(PERSONAL);
    expect(placeholder?.history.at(-1)).toMatch(/something broke on our side.*reference [0-9a-f]{8}/);
  });
});
