import { EdgeHarness, MAX_UPLOAD_BYTES } from './edge-harness';
import { CHANNEL, eventCallback, fileShareEvent, TEAM, USER } from './slack-requests';

describe('files shared where the bot is', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  function shared(files: unknown[], extra: Record<string, unknown> = {}) {
    return eventCallback(fileShareEvent(files, extra));
  }

  it('reacts, puts "Reading …" in the file’s thread and queues an ingest job with the file and the typed question', async () => {
    const file = edge.slack.hostFile({
      name: 'sales_q3.xlsx',
      bytes: Buffer.from('PK…'),
      mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

    const response = await edge.send(shared([file], { text: `<@${edge.slack.botUserId}> which region grew fastest?` }));

    expect(response.statusCode).toBe(200);
    expect(edge.slack.callsOf('reactions.add')[0]?.params).toMatchObject({
      channel: CHANNEL,
      timestamp: '1700000100.000100',
      name: 'eyes',
    });
    const [placeholder] = edge.posted();
    expect(placeholder).toMatchObject({
      channel: CHANNEL,
      thread_ts: '1700000100.000100',
      text: 'Reading sales_q3.xlsx…',
    });
    expect(edge.jobs()).toEqual([
      expect.objectContaining({
        kind: 'ingest',
        conversation: { platform: 'slack', team: TEAM, channel: CHANNEL, thread: '1700000100.000100' },
        file: {
          id: file.id,
          name: 'sales_q3.xlsx',
          size: file.size,
          downloadUrl: file.url_private_download,
          mimetype: file.mimetype,
        },
        message: '1700000100.000100',
        question: 'which region grew fastest?',
        placeholder: { channel: CHANNEL, ts: placeholder?.ts },
      }),
    ]);
  });

  it('reads a file shared with an over-long question and tells the person the question was left out', async () => {
    const file = edge.slack.hostFile({ name: 'sales.csv', bytes: Buffer.from('a,b\n1,2\n') });

    await edge.send(shared([file], { text: `<@${edge.slack.botUserId}> ${'why '.repeat(600)}` }));

    const [job] = edge.jobs();
    expect(job).toMatchObject({ kind: 'ingest', file: { name: 'sales.csv' } });
    expect(job?.kind === 'ingest' && job.question).toBeUndefined();
    expect(edge.slack.callsOf('chat.postEphemeral').map((call) => call.params)).toEqual([
      expect.objectContaining({
        channel: CHANNEL,
        user: USER,
        thread_ts: '1700000100.000100',
        text: expect.stringMatching(/2,399 characters long.*read the file without it.*under 2,000/),
      }),
    ]);
  });

  it('queues one job per table when several files arrive in one message', async () => {
    const a = edge.slack.hostFile({ name: 'a.csv', bytes: Buffer.from('x\n1\n') });
    const b = edge.slack.hostFile({
      name: 'b.tsv',
      bytes: Buffer.from('x\n1\n'),
      mimetype: 'text/tab-separated-values',
    });

    await edge.send(shared([a, b]));

    expect(edge.jobs().map((job) => job.kind === 'ingest' && job.file?.name)).toEqual(['a.csv', 'b.tsv']);
    expect(new Set(edge.jobs().map((job) => job.id)).size).toBe(2);
    expect(edge.slack.callsOf('reactions.add')).toHaveLength(1);
  });

  it('answers a file that is not a table with a short reply and no job', async () => {
    const photo = edge.slack.hostFile({ name: 'team-photo.png', bytes: Buffer.from('png'), mimetype: 'image/png' });

    await edge.send(shared([photo]));

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.callsOf('reactions.add')).toHaveLength(0);
    expect(edge.posted()).toEqual([
      expect.objectContaining({
        thread_ts: '1700000100.000100',
        text: expect.stringContaining('team-photo.png doesn’t look like a table'),
      }),
    ]);
  });

  it('tells at once that a file is too large, with the limit, and queues nothing', async () => {
    const big = { ...edge.slack.hostFile({ name: 'huge.csv', bytes: Buffer.from('a\n') }), size: MAX_UPLOAD_BYTES + 1 };

    await edge.send(shared([big]));

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.posted()[0]?.text).toMatch(/^huge\.csv is 10\.0 MB, over the 10 MB I can read/);
  });

  it('escapes a file name that tries to ping the channel', async () => {
    const file = edge.slack.hostFile({ name: '<!here> & <@U123>.csv', bytes: Buffer.from('a\n1\n') });

    await edge.send(shared([file]));

    expect(edge.posted()[0]?.text).toBe('Reading &lt;!here&gt; &amp; &lt;@U123&gt;.csv…');
  });

  it('looks up a file Slack only sent as a stub (check_file_info)', async () => {
    const file = edge.slack.hostFile({ name: 'stub.csv', bytes: Buffer.from('a\n1\n'), channel: CHANNEL });

    await edge.send(shared([{ id: file.id, file_access: 'check_file_info' }]));

    expect(edge.slack.callsOf('files.info')).toHaveLength(1);
    expect(edge.jobs()[0]).toMatchObject({ kind: 'ingest', file: { id: file.id, name: 'stub.csv' } });
  });

  it('ignores files the bot itself uploads (its chart PNGs)', async () => {
    const chart = edge.slack.hostFile({ name: 'chart.csv', bytes: Buffer.from('a\n1\n') });

    await edge.send(shared([chart], { user: edge.slack.botUserId, bot_id: edge.slack.botId }));

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.messages).toHaveLength(0);
  });
});
