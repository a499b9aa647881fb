import { jobIdFor, type QuestionJob } from '../../../core/job';
import { CHANNEL_A, FIRST, WorkerHarness } from '../../support/worker-harness';

// Integration: which conversation adapter a job gets is the composition's choice, through JobDeps.conversations.
describe('jobs of a platform the worker has no adapter for', () => {
  let harness: WorkerHarness;
  beforeAll(async () => (harness = await WorkerHarness.start()));
  afterAll(() => harness.stop());

  const teamsQuestion = (): QuestionJob => ({
    version: 1,
    id: jobIdFor('teams', `test:${Date.now()}`),
    kind: 'question',
    text: 'total sales by team',
    via: 'mention',
    conversation: {
      platform: 'teams',
      tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      conversationId: '19:abc@thread.tacv2',
      conversationType: 'channel',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      thread: '1700000000000',
    },
    requestedBy: { id: '29:1abc' },
    receivedAt: new Date().toISOString(),
  });

  it('are acknowledged and dropped with a warning, touching no platform', async () => {
    const calls = harness.slack.calls.length;

    await expect(harness.handler()(teamsQuestion(), FIRST)).resolves.toBeUndefined();

    expect(harness.slack.calls).toHaveLength(calls);
    const logged = harness.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'WARN',
        message: 'dropped a job: the worker has no adapter for its platform',
        platform: 'teams',
      }),
    );
    expect(logged).toContainEqual(expect.objectContaining({ message: 'job finished', outcome: 'unsupported' }));
  });

  it('include Slack when the composition gives it none: the adapter, not the job layer, decides', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales');

    await harness.handler({ conversations: {} })(job, FIRST);

    const logged = harness.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ jobId: job.id, outcome: 'unsupported' }));
    expect(harness.message(CHANNEL_A, job.placeholder?.ts ?? '').history).toEqual(['Working on it…']);
  });
});
