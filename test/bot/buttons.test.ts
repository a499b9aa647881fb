import { jobIdFor } from '../../core/job';
import {
  askActionId,
  AskButtonValue,
  DOWNLOAD_CSV_ACTION,
  encodeButtonValue,
  ExportButtonValue,
  SHOW_SQL_ACTION,
  digestActionId,
  DigestButtonValue,
  SUBSCRIBE_ACTION,
} from '../../core/slack-actions';
import { EdgeHarness } from './edge-harness';
import { buttonClick, CHANNEL, USER } from './slack-requests';

describe('buttons on the worker’s replies', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  const answer = jobIdFor('slack', 'command:T00000001:earlier');

  it('asks a suggested question against the dataset it was suggested for, in the same thread', async () => {
    const value = encodeButtonValue(AskButtonValue, { dataset: 'd-sales-q3', question: 'Revenue by region' });

    const response = await edge.send(
      buttonClick({
        actionId: askActionId(2),
        value,
        messageTs: '1700001000.000001',
        threadTs: '1700000100.000100',
        responseUrl: edge.slack.responseUrl(),
      }),
    );

    expect(response.statusCode).toBe(200);
    const [placeholder] = edge.posted();
    expect(placeholder).toMatchObject({
      channel: CHANNEL,
      thread_ts: '1700000100.000100',
      text: 'Working on “Revenue by region”…',
    });
    expect(edge.jobs()).toEqual([
      expect.objectContaining({
        kind: 'question',
        via: 'button',
        text: 'Revenue by region',
        dataset: 'd-sales-q3',
        requestedBy: { id: USER },
        conversation: expect.objectContaining({ thread: '1700000100.000100' }),
      }),
    ]);
  });

  it.each([
    [SHOW_SQL_ACTION, 'sql'],
    [DOWNLOAD_CSV_ACTION, 'csv'],
  ])('turns %s into an export job naming the answer', async (actionId, format) => {
    const value = encodeButtonValue(ExportButtonValue, { answer });

    await edge.send(
      buttonClick({ actionId, value, messageTs: '1700001000.000001', responseUrl: edge.slack.responseUrl() }),
    );

    expect(edge.jobs()).toEqual([expect.objectContaining({ kind: 'export', format, answer })]);
    expect(edge.posted()[0]).toMatchObject({ thread_ts: '1700001000.000001' });
  });

  it('turns “Send this every week” and a digest’s buttons into digest commands for the worker', async () => {
    const digest = 'd0123456789abcdef';
    // The clicker's Slack time zone, from users.info: the weekly digest runs on their clock, not UTC.
    edge.slack.timeZones.set(USER, 'America/Los_Angeles');
    await edge.send(
      buttonClick({
        actionId: SUBSCRIBE_ACTION,
        value: encodeButtonValue(ExportButtonValue, { answer }),
        messageTs: '1700001000.000001',
        responseUrl: edge.slack.responseUrl(),
      }),
    );
    await edge.send(
      buttonClick({
        actionId: digestActionId('send-now', digest),
        value: encodeButtonValue(DigestButtonValue, { digest, do: 'send-now' }),
        messageTs: '1700001000.000002',
        responseUrl: edge.slack.responseUrl(),
      }),
    );

    expect(edge.jobs()).toEqual([
      expect.objectContaining({
        kind: 'digest-command',
        command: { do: 'subscribe', text: 'weekly', answer, timeZone: 'America/Los_Angeles' },
      }),
      expect.objectContaining({ kind: 'digest-command', command: { do: 'send-now', digest } }),
    ]);
  });

  it('tells the clicker privately when a button’s value is unreadable, and queues nothing', async () => {
    await edge.send(
      buttonClick({
        actionId: SHOW_SQL_ACTION,
        value: '{"answer":"../../etc"}',
        messageTs: '1700001000.000001',
        responseUrl: edge.slack.responseUrl(),
      }),
    );

    expect(edge.jobs()).toHaveLength(0);
    expect(edge.slack.callsOf('chat.postEphemeral')[0]?.params).toMatchObject({
      user: USER,
      text: expect.stringContaining('no longer works'),
    });
  });
});
