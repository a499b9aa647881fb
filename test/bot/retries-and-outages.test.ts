import { EdgeHarness } from './edge-harness';
import { CHANNEL, eventCallback, fileShareEvent, slashCommand, USER } from './slack-requests';

describe('redeliveries and outages', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  const mention = (ts: string) => ({
    type: 'app_mention',
    channel: CHANNEL,
    user: USER,
    text: '<@U0BOT0001> revenue',
    ts,
  });
  const retry = (num: number, reason: string) => ({ retry: { num, reason } });

  it('acknowledges the immediate retry of a slow file share without queueing it: the first attempt queues the job', async () => {
    const file = edge.slack.hostFile({ name: 'sales.csv', bytes: Buffer.from('a,b\n1,2\n') });
    const event = fileShareEvent([file], { ts: '1700003000.000001' });

    const responses = [
      await edge.send(eventCallback(event, { eventId: 'Ev0RETRY01' })),
      await edge.send(eventCallback(event, { eventId: 'Ev0RETRY01', ...retry(1, 'http_timeout') })),
    ];

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(edge.slack.callsOf('reactions.add')).toHaveLength(1);
    expect(edge.slack.messages).toHaveLength(1);
    expect(edge.sqs.sent).toHaveLength(1);
    expect(edge.jobs()[0]?.placeholder?.ts).toBe(edge.slack.messages[0]?.ts);
  });

  it('keeps the placeholder when the retry of a slow mention arrives while the first attempt is still posting it', async () => {
    // The first attempt's placeholder hangs until the client's 2 s timeout; its own retry then posts it.
    edge.slack.inject('chat.postMessage', { kind: 'hang' });
    const event = mention('1700003050.000001');

    const responses = await Promise.all([
      edge.send(eventCallback(event, { eventId: 'Ev0RETRY03' })),
      edge.send(eventCallback(event, { eventId: 'Ev0RETRY03', ...retry(1, 'http_timeout') })),
    ]);

    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    const [placeholder] = edge.posted();
    expect(placeholder?.text).toBe('Working on it…');
    expect(edge.jobs()).toEqual([expect.objectContaining({ placeholder: { channel: CHANNEL, ts: placeholder?.ts } })]);
  });

  it('queues a file share again after a failed attempt, reacting and posting once', async () => {
    const file = edge.slack.hostFile({ name: 'sales.csv', bytes: Buffer.from('a,b\n1,2\n') });
    const event = fileShareEvent([file], { ts: '1700003000.000002' });

    await edge.send(eventCallback(event, { eventId: 'Ev0RETRY04' }));
    await edge.send(eventCallback(event, { eventId: 'Ev0RETRY04', ...retry(1, 'http_error') }));
    await edge.send(eventCallback(event, { eventId: 'Ev0RETRY04', ...retry(2, 'connection_failed') }));

    expect(edge.slack.callsOf('reactions.add')).toHaveLength(1);
    expect(edge.slack.messages).toHaveLength(1);
    expect(edge.sqs.sent).toHaveLength(3);
    expect(new Set(edge.sqs.sent.map((m) => m.deduplicationId)).size).toBe(1);
    expect(edge.sqs.queued).toHaveLength(1);
  });

  it.each([
    ['http_error', 1],
    ['connection_failed', 1],
    ['unknown_error', 1],
    // Slack's second retry comes a minute later, when the first attempt has ended, maybe before queueing.
    ['http_timeout', 2],
  ])('re-queues a mention retried after %s (retry %i) without a second placeholder', async (reason, num) => {
    const event = mention('1700003100.000001');

    await edge.send(eventCallback(event, { eventId: 'Ev0RETRY02' }));
    await edge.send(eventCallback(event, { eventId: 'Ev0RETRY02', ...retry(num, reason) }));

    expect(edge.slack.messages).toHaveLength(1);
    expect(edge.sqs.sent.map((m) => m.deduplicationId)).toEqual([edge.jobs()[0]?.id, edge.jobs()[0]?.id]);
  });

  it('tells the user in the placeholder, with a reference, when the queue is down', async () => {
    edge.sqs.fail({ kind: 'unavailable' }, 5);

    const response = await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }));

    expect(response.statusCode).toBe(200);
    expect(edge.sqs.queued).toHaveLength(0);
    const placeholder = edge.slack.messages[1];
    expect(placeholder?.history).toEqual([
      'Working on it…',
      expect.stringMatching(/something broke on our side.*\(reference [0-9a-f]{8}\)/),
    ]);
    const reference = /reference ([0-9a-f]{8})/.exec(placeholder?.text ?? '')?.[1];
    expect(edge.output.json()).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'Could not queue the job', reference }),
    );
    expect(edge.leakedSecrets()).toEqual([]);
  });

  it('answers a slash command and says the queue did not answer when SQS hangs behind a slow Slack', async () => {
    // Slack's calls take a realistic 300 ms each from the edge's region; SQS never answers.
    edge.slack.setLatency(300);
    edge.sqs.fail({ kind: 'hang' }, 5);

    const response = await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }));

    expect(response.statusCode).toBe(200);
    expect(edge.sqs.queued).toHaveLength(0);
    const placeholder = edge.slack.messages[1];
    expect(placeholder?.history).toEqual([
      'Working on it…',
      expect.stringMatching(/job queue didn’t answer in time.*try again.*\(reference [0-9a-f]{8}\)/),
    ]);
    const reference = /reference ([0-9a-f]{8})/.exec(placeholder?.text ?? '')?.[1];
    expect(edge.output.json()).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'The job queue did not answer in time', reference }),
    );
  });

  it('tells the person privately when SQS hangs on a thread reply (there is no placeholder)', async () => {
    edge.sqs.fail({ kind: 'hang' }, 5);

    const response = await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'only 2018',
        ts: '1700003200.000009',
        thread_ts: '1700000200.000200',
      }),
    );

    expect(response.statusCode).toBe(200);
    expect(edge.slack.callsOf('chat.postEphemeral')[0]?.params).toMatchObject({
      user: USER,
      text: expect.stringMatching(/didn’t answer in time.*\(reference [0-9a-f]{8}\)/),
    });
  });

  it('tells the user privately when a thread reply cannot be queued (there is no placeholder)', async () => {
    edge.sqs.fail({ kind: 'access-denied' });

    await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'only 2017',
        ts: '1700003200.000001',
        thread_ts: '1700000200.000200',
      }),
    );

    expect(edge.slack.callsOf('chat.postEphemeral')[0]?.params).toMatchObject({
      channel: CHANNEL,
      user: USER,
      thread_ts: '1700000200.000200',
      text: expect.stringContaining('reference'),
    });
  });

  it('still queues the job when Slack rate-limits the placeholder, without waiting out Retry-After', async () => {
    edge.slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 30 });
    const started = Date.now();

    await edge.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: USER,
        text: '<@U0BOT0001> revenue',
        ts: '1700003300.000001',
      }),
    );

    expect(Date.now() - started).toBeLessThan(2000);
    expect(edge.jobs()).toHaveLength(1);
    expect(edge.jobs()[0]?.placeholder).toBeUndefined();
  });
});
