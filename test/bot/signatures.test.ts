import { EdgeHarness } from './edge-harness';
import { apiGatewayEvent, eventCallback, slashCommand, type SigningOptions } from './slack-requests';

describe('request verification', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  const command = (signing: SigningOptions = {}) =>
    slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }, signing);

  it('rejects a request signed with another secret: 401, nothing posted or queued', async () => {
    const response = await edge.send(
      slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }, { secret: 'not-ours' }),
    );

    expect(response.statusCode).toBe(401);
    expect(edge.sqs.sent).toHaveLength(0);
    expect(edge.slack.messages).toHaveLength(0);
  });

  it('rejects a correctly signed request older than five minutes (a replay)', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    const response = await edge.send(
      slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }, { timestamp: sixMinutesAgo }),
    );

    expect(response.statusCode).toBe(401);
    expect(edge.sqs.sent).toHaveLength(0);
  });

  it('rejects a correctly signed request timestamped an hour ahead (Bolt checks only the past)', async () => {
    const anHourAhead = Math.floor(Date.now() / 1000) + 60 * 60;

    const response = await edge.send(command({ timestamp: anHourAhead }));

    expect(response.statusCode).toBe(401);
    expect(edge.sqs.sent).toHaveLength(0);
    expect(edge.slack.messages).toHaveLength(0);
    expect(edge.output.json()).toContainEqual(expect.objectContaining({ level: 'WARN', reason: 'from-the-future' }));
  });

  it('accepts a request whose clock is a few minutes ahead of ours, as Slack’s can be', async () => {
    const fourMinutesAhead = Math.floor(Date.now() / 1000) + 4 * 60;

    const response = await edge.send(command({ timestamp: fourMinutesAhead }));

    expect(response.statusCode).toBe(200);
    expect(edge.jobs()).toHaveLength(1);
  });

  it.each(['null', '[]', '42', '"text"'])(
    'answers a signed JSON body of %s with 400, queueing nothing',
    async (body) => {
      const response = await edge.send(apiGatewayEvent('events', body, 'application/json'));

      expect(response.statusCode).toBe(400);
      expect(edge.sqs.sent).toHaveLength(0);
      expect(edge.slack.messages).toHaveLength(0);
    },
  );

  it('answers an unsigned body that does not parse with 401, before reading it', async () => {
    const garbage = apiGatewayEvent('events', '{"type":', 'application/json', { secret: 'not-ours' });

    expect((await edge.send(garbage)).statusCode).toBe(401);
  });

  it('reads a slash command sent as application/x-www-form-urlencoded; charset=utf-8', async () => {
    const original = command();
    const headers = { ...original.headers, 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' };

    const response = await edge.send({ ...original, headers });

    expect(response.statusCode).toBe(200);
    expect(edge.jobs()).toEqual([expect.objectContaining({ kind: 'question', text: 'revenue' })]);
  });

  it('rejects a body changed after signing', async () => {
    const original = command();
    const tampered = { ...original, body: (original.body ?? '').replace('text=revenue', 'text=list') };
    const signedOriginal = { ...tampered, headers: original.headers };

    const response = await edge.send(signedOriginal);

    expect(response.statusCode).toBe(401);
    expect(edge.sqs.sent).toHaveLength(0);
  });

  it('rejects a request with no signature headers', async () => {
    const unsigned = command();
    delete unsigned.headers['X-Slack-Signature'];

    expect((await edge.send(unsigned)).statusCode).toBe(401);
    expect(edge.sqs.sent).toHaveLength(0);
  });

  it('answers a body that does not parse with 400, queueing nothing', async () => {
    const garbage = apiGatewayEvent('events', '{"type":', 'application/json');

    expect((await edge.send(garbage)).statusCode).toBe(400);
    expect(edge.sqs.sent).toHaveLength(0);
  });

  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({
      token: 'verification-token-never-logged',
      challenge: 'c-123',
      type: 'url_verification',
    });

    const response = await edge.send(apiGatewayEvent('events', body, 'application/json'));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: 'c-123' });
  });

  it('verifies a base64-encoded body with non-ASCII text (API Gateway with binary media types)', async () => {
    const event = eventCallback({
      type: 'app_mention',
      channel: 'C0CHANNEL1',
      user: 'U0PERSON01',
      text: '<@U0BOT0001> café revenue – 2024',
      ts: '1700002000.000001',
    });

    const response = await edge.send({
      ...event,
      body: Buffer.from(event.body ?? '', 'utf8').toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.statusCode).toBe(200);
    expect(edge.jobs()[0]).toMatchObject({ text: 'café revenue – 2024' });
  });

  it('never logs the signing secret, the bot token or the verification token', async () => {
    await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }, { secret: 'not-ours' }));
    await edge.send(command());

    expect(edge.output.lines.length).toBeGreaterThan(0);
    expect(edge.leakedSecrets()).toEqual([]);
  });
});
