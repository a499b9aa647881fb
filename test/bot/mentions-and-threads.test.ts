import { EdgeHarness } from './edge-harness';
import { CHANNEL, eventCallback, TEAM, USER } from './slack-requests';

describe('mentions, thread replies and DMs', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  const bot = () => edge.slack.botUserId;

  it('turns a mention into a question in a new thread on the mention, with a placeholder', async () => {
    await edge.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: USER,
        text: `<@${bot()}> top 5 products by profit`,
        ts: '1700000200.000200',
      }),
    );

    const [placeholder] = edge.posted();
    expect(placeholder).toMatchObject({ thread_ts: '1700000200.000200', text: 'Working on it…' });
    expect(edge.jobs()).toEqual([
      expect.objectContaining({
        kind: 'question',
        via: 'mention',
        text: 'top 5 products by profit',
        conversation: { platform: 'slack', team: TEAM, channel: CHANNEL, thread: '1700000200.000200' },
        placeholder: { channel: CHANNEL, ts: placeholder?.ts },
      }),
    ]);
  });

  it('answers a mention inside a thread in that thread', async () => {
    await edge.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: USER,
        text: `now by region <@${bot()}>`,
        ts: '1700000300.000300',
        thread_ts: '1700000200.000200',
      }),
    );

    expect(edge.jobs()[0]).toMatchObject({ text: 'now by region', conversation: { thread: '1700000200.000200' } });
  });

  it('gives the help for a bare mention', async () => {
    await edge.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: USER,
        text: `<@${bot()}>`,
        ts: '1700000200.000201',
      }),
    );

    expect(edge.jobs()).toEqual([expect.objectContaining({ kind: 'command', command: 'help' })]);
  });

  it('queues one job when a mention arrives both as app_mention and as a message event', async () => {
    const message = { channel: CHANNEL, user: USER, text: `<@${bot()}> revenue`, ts: '1700000400.000400' };

    await edge.send(eventCallback({ type: 'app_mention', ...message }));
    await edge.send(eventCallback({ type: 'message', channel_type: 'channel', ...message }));
    await edge.send(
      eventCallback({ type: 'message', channel_type: 'channel', ...message, thread_ts: '1700000100.000100' }),
    );

    expect(edge.jobs()).toHaveLength(1);
    expect(edge.posted()).toHaveLength(1);
  });

  it('queues a thread reply as a follow-up question without a placeholder', async () => {
    await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'only 2017',
        ts: '1700000500.000500',
        thread_ts: '1700000200.000200',
      }),
    );

    expect(edge.slack.messages).toHaveLength(0);
    const [job] = edge.jobs();
    expect(job).toMatchObject({
      kind: 'question',
      via: 'thread',
      text: 'only 2017',
      conversation: { thread: '1700000200.000200' },
    });
    expect(job?.placeholder).toBeUndefined();
  });

  describe('a thread reply too long to be a question', () => {
    const longReply = (ts: string, thread: string) =>
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'x'.repeat(2001),
        ts,
        thread_ts: thread,
      });

    it('is answered privately in a thread the bot has posted in', async () => {
      await edge.send(
        eventCallback({
          type: 'app_mention',
          channel: CHANNEL,
          user: USER,
          text: `<@${bot()}> hi`,
          ts: '1700001000.000001',
        }),
      );

      await edge.send(longReply('1700001000.000002', '1700001000.000001'));

      expect(edge.jobs()).toHaveLength(1);
      expect(edge.slack.callsOf('chat.postEphemeral').map((call) => call.params)).toEqual([
        expect.objectContaining({
          channel: CHANNEL,
          user: USER,
          thread_ts: '1700001000.000001',
          text: 'That question is 2,001 characters long; please keep it under 2,000.',
        }),
      ]);
    });

    it('is left alone in a thread the bot has not posted in, where it is someone else’s conversation', async () => {
      await edge.send(longReply('1700001100.000002', '1700001100.000001'));

      expect(edge.jobs()).toHaveLength(0);
      expect(edge.slack.callsOf('chat.postEphemeral')).toHaveLength(0);
    });
  });

  it('leaves top-level channel chatter alone', async () => {
    await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'lunch?',
        ts: '1700000600.000600',
      }),
    );

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.messages).toHaveLength(0);
  });

  it('treats a DM to the bot as a question, answered in its thread', async () => {
    await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        channel: 'D0DIRECT01',
        user: USER,
        text: 'sales by month',
        ts: '1700000700.000700',
      }),
    );

    expect(edge.posted()[0]).toMatchObject({ channel: 'D0DIRECT01', thread_ts: '1700000700.000700' });
    expect(edge.jobs()[0]).toMatchObject({ kind: 'question', via: 'mention', text: 'sales by month' });
  });

  it.each([
    ['its own message', { user: 'U0BOT0001', bot_id: 'B0BOT0001' }],
    ['another bot', { subtype: 'bot_message', bot_id: 'B0OTHER01', username: 'deploys' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
  ])('ignores %s', async (_what, extra) => {
    await edge.send(
      eventCallback({
        type: 'message',
        channel_type: 'channel',
        channel: CHANNEL,
        user: USER,
        text: 'revenue by region',
        ts: '1700000800.000800',
        thread_ts: '1700000200.000200',
        ...extra,
      }),
    );

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.messages).toHaveLength(0);
  });

  it('ignores a mention posted by another bot', async () => {
    await edge.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: 'U0OTHERBOT',
        bot_id: 'B0OTHER01',
        text: `<@${bot()}> hi`,
        ts: '1700000900.000900',
      }),
    );

    expect(edge.jobs()).toHaveLength(0);
  });
});
