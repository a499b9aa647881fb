import { EdgeHarness } from './edge-harness';
import { CHANNEL, slashCommand, TEAM, USER } from './slack-requests';

describe('/analyze through the edge Lambda', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  it('acks, shows who asked what in the channel, puts a placeholder in its thread and queues one question', async () => {
    const response = await edge.send(
      slashCommand({ text: 'revenue trends in sales_q3.xlsx', responseUrl: edge.slack.responseUrl() }),
    );

    expect(response.statusCode).toBe(200);
    const [announcement, placeholder] = edge.posted();
    expect(announcement).toMatchObject({
      channel: CHANNEL,
      text: `<@${USER}> asked: “revenue trends in sales_q3.xlsx”`,
    });
    expect(announcement?.thread_ts).toBeUndefined();
    expect(placeholder).toMatchObject({ channel: CHANNEL, thread_ts: announcement?.ts, text: 'Working on it…' });
    const jobs = edge.jobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      kind: 'question',
      via: 'command',
      text: 'revenue trends in sales_q3.xlsx',
      conversation: { platform: 'slack', team: TEAM, channel: CHANNEL, thread: announcement?.ts },
      requestedBy: { id: USER },
      placeholder: { channel: CHANNEL, ts: placeholder?.ts },
    });
    expect(edge.sqs.queued[0]).toMatchObject({ groupId: `${TEAM}.${CHANNEL}`, deduplicationId: jobs[0]?.id });
  });

  it('queues `digest …` as a subscription in the person’s Slack time zone, and `digests` as the list', async () => {
    edge.slack.timeZones.set(USER, 'Europe/Berlin');
    await edge.send(slashCommand({ text: 'digest weekly revenue by region', responseUrl: edge.slack.responseUrl() }));
    await edge.send(slashCommand({ text: 'digests', responseUrl: edge.slack.responseUrl() }));

    expect(edge.posted()[0]?.text).toBe(`<@${USER}> set up a digest: “weekly revenue by region”`);
    expect(edge.jobs().map((job) => job.kind === 'digest-command' && job.command)).toEqual([
      { do: 'subscribe', text: 'weekly revenue by region', timeZone: 'Europe/Berlin' },
      { do: 'list' },
    ]);
  });

  it('reads the question as typed and posts it escaped, without unfurls, so it cannot ping the channel', async () => {
    // How Slack delivers `@channel why is P&L > plan? <https://evil.example|click>` followed by a typed "<!here>".
    await edge.send(
      slashCommand({
        text: '<!channel> why is P&amp;L &gt; plan? <https://evil.example|click> &lt;!here&gt;',
        responseUrl: edge.slack.responseUrl(),
      }),
    );

    const announce = edge.slack.callsOf('chat.postMessage')[0];
    expect(announce?.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(announce?.params.text).toBe(`<@${USER}> asked: “why is P&amp;L &gt; plan? click &lt;!here&gt;”`);
    expect(edge.jobs()[0]).toMatchObject({ text: 'why is P&L > plan? click <!here>' });
  });

  it.each([
    ['list', 'list'],
    ['LIST ', 'list'],
    ['help', 'help'],
    ['', 'help'],
  ])('turns "/analyze %s" into a %s command job', async (text, command) => {
    await edge.send(slashCommand({ text, responseUrl: edge.slack.responseUrl() }));

    expect(edge.jobs()).toEqual([expect.objectContaining({ kind: 'command', command })]);
    expect(edge.posted()).toHaveLength(2);
  });

  it('tells the user privately to invite the bot when it is not in the channel, and queues nothing', async () => {
    edge.slack.inject('chat.postMessage', { kind: 'error', error: 'not_in_channel' });

    const response = await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl('r9') }));

    expect(response.statusCode).toBe(200);
    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.responses).toEqual([
      {
        id: 'r9',
        body: expect.objectContaining({ response_type: 'ephemeral', text: expect.stringContaining('/invite') }),
      },
    ]);
  });

  it('refuses a question longer than a job may carry, privately', async () => {
    await edge.send(slashCommand({ text: 'why '.repeat(600), responseUrl: edge.slack.responseUrl('r2') }));

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.responses[0]?.body).toMatchObject({ text: expect.stringContaining('keep it under 2,000') });
  });

  it('logs the queued job id as JSON, emits AckLatency, and logs no token or secret', async () => {
    await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }));

    const logs = edge.output.json();
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'INFO', message: 'Job queued', jobId: edge.jobs()[0]?.id }),
    );
    expect(logs).toContainEqual(expect.objectContaining({ AckLatency: expect.any(Number), service: 'slack-edge' }));
    expect(edge.leakedSecrets()).toEqual([]);
  });
});
