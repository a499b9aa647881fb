import type { IngestJob, QuestionJob } from '../../../core/job';
import { channelCatalog } from '../../../workers/catalog/channel-catalog';
import { CHANNEL_A, CHANNEL_B, TEAM, threadOf, WorkerHarness } from '../../support/worker-harness';

const OTHER_TEAM = 'T00000002';

// Integration: FakeSlack and s3rver on loopback, real DuckDB.
describe('tenant isolation', () => {
  let harness: WorkerHarness;
  let secret: IngestJob;
  let answer: QuestionJob;

  beforeAll(async () => {
    harness = await WorkerHarness.start();
    secret = await harness.shareFile(CHANNEL_A, 'salaries.csv', Buffer.from('Name,Salary\nAda,100\nBob,90\n'));
    await harness.run(secret);
    answer = await harness.command(CHANNEL_A, 'total salary by name');
    await harness.run(answer);
  });
  afterAll(() => harness.stop());

  const replyTo = (job: QuestionJob) =>
    harness.message(job.conversation.platform === 'slack' ? job.conversation.channel : '', job.placeholder!.ts).text;

  it('does not answer channel B from channel A’s newest dataset', async () => {
    const job = await harness.command(CHANNEL_B, 'total salary by name');
    await harness.run(job);

    expect(replyTo(job)).toContain('No dataset in this channel yet');
  });

  it('does not find channel A’s dataset by name from channel B', async () => {
    const job = await harness.command(CHANNEL_B, 'total salary in salaries.csv');
    await harness.run(job);

    expect(replyTo(job)).toContain('I don’t have a file called salaries.csv in this channel');
  });

  it('does not answer a button carrying channel A’s dataset id in channel B', async () => {
    const parent = await harness.say(CHANNEL_B, 'hi');
    const job = await harness.button(CHANNEL_B, parent, 'total salary', secret.id);
    await harness.run(job);

    expect(replyTo(job)).toContain('That dataset is no longer in this channel');
    expect(replyTo(job)).not.toMatch(/190/);
  });

  it('does not export channel A’s answer from channel B', async () => {
    const parent = await harness.say(CHANNEL_B, 'hi');
    const job = await harness.exportOf(CHANNEL_B, parent, answer.id, 'csv');
    await harness.run(job);

    expect(harness.message(CHANNEL_B, job.placeholder!.ts).text).toContain('I can’t find that answer any more');
    expect(harness.uploadsIn(CHANNEL_B, parent)).toHaveLength(0);
  });

  it('keeps the same channel id in another workspace apart', async () => {
    const job = await harness.command(CHANNEL_A, 'total salary by name');
    job.conversation = { platform: 'slack', team: OTHER_TEAM, channel: CHANNEL_A, thread: threadOf(job) };
    await harness.run(job);

    expect(replyTo(job)).toContain('No dataset in this channel yet');
    expect(await channelCatalog(harness.store, { tenant: OTHER_TEAM, channel: CHANNEL_A }).list()).toEqual([]);
    expect(await channelCatalog(harness.store, { tenant: TEAM, channel: CHANNEL_A }).list()).toHaveLength(1);
  });
});
