import { encodeButtonValue, ExportButtonValue, SHOW_SQL_ACTION } from '../../core/slack-actions';
import { jobIdFor } from '../../core/job';
import { EdgeHarness } from './edge-harness';
import { buttonClick, CHANNEL, eventCallback, fileShareEvent, slashCommand, TEAM, USER } from './slack-requests';

describe('the team a job is scoped to', () => {
  let edge: EdgeHarness;
  beforeEach(async () => (edge = await new EdgeHarness().start()));
  afterEach(() => edge.stop());

  // Datasets are kept per team and channel: a file shared in a Slack Connect channel must land where
  // /analyze, mentions, replies and buttons in that channel look, whichever organisation's event carried it.
  it('is the workspace the app is installed in for events, commands and buttons alike', async () => {
    const fromPartner = { eventTeam: 'T0PARTNER1' };
    const file = edge.slack.hostFile({ name: 'shared.csv', bytes: Buffer.from('a\n1\n') });
    const bot = edge.slack.botUserId;

    await edge.send(eventCallback(fileShareEvent([file], { ts: '1700004000.000001' }), fromPartner));
    await edge.send(
      eventCallback(
        { type: 'app_mention', channel: CHANNEL, user: USER, text: `<@${bot}> total`, ts: '1700004000.000002' },
        fromPartner,
      ),
    );
    await edge.send(
      eventCallback(
        {
          type: 'message',
          channel_type: 'channel',
          channel: CHANNEL,
          user: USER,
          text: 'only 2017',
          ts: '1700004000.000003',
          thread_ts: '1700004000.000001',
        },
        fromPartner,
      ),
    );
    await edge.send(slashCommand({ text: 'revenue', responseUrl: edge.slack.responseUrl() }));
    await edge.send(
      buttonClick({
        actionId: SHOW_SQL_ACTION,
        value: encodeButtonValue(ExportButtonValue, { answer: jobIdFor('slack', 'command:T00000001:earlier') }),
        messageTs: '1700004000.000004',
        threadTs: '1700004000.000001',
        responseUrl: edge.slack.responseUrl(),
      }),
    );

    expect(edge.jobs().map((job) => job.kind)).toEqual(['ingest', 'question', 'question', 'question', 'export']);
    expect(edge.jobs().map((job) => job.conversation.platform === 'slack' && job.conversation.team)).toEqual(
      Array(5).fill(TEAM),
    );
  });
});
