import { readFileSync } from 'node:fs';
import { digestJobOf } from '../../../core/digest-scheduler';
import type { DigestCommand, DigestCommandJob } from '../../../core/job';
import { LocalDigestScheduler } from '../../../core/local-digest-scheduler';
import { channelDigests } from '../../../workers/digest/channel-digests';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { ALICE, blockText, TEAM, WorkerHarness } from '../../support/worker-harness';

const NOW = new Date('2026-12-02T10:00:00Z');

// Integration: FakeSlack and s3rver on loopback, real DuckDB, the in-process scheduler on a still clock.
describe('digest commands', () => {
  const channel = 'C0DGSTCMD1';
  let harness: WorkerHarness;
  let scheduler: LocalDigestScheduler;

  beforeAll(async () => {
    harness = await WorkerHarness.start();
    scheduler = new LocalDigestScheduler({
      onDue: async () => undefined,
      clock: { now: () => NOW, setTimer: () => 0, clearTimer: () => undefined },
    });
    await harness.run(await harness.shareFile(channel, 'superstore.csv', readFileSync(SUPERSTORE_CSV)));
  });
  afterAll(() => harness.stop());

  const digests = () => channelDigests(harness.store, { tenant: TEAM, channel });

  async function command(command: DigestCommand, person = { id: ALICE, name: 'Alice' }) {
    const { command: _list, ...base } = await harness.listOrHelp(channel, 'list');
    const job: DigestCommandJob = { ...base, kind: 'digest-command', command, requestedBy: person };
    await harness.handler({ digestScheduler: scheduler, clock: () => NOW })(job, { number: 1, last: true });
    return blockText(harness.message(channel, job.placeholder!.ts));
  }

  it('plans the question, stores it with its plan, schedules it and says when the first one comes, in the person’s zone', async () => {
    const said = await command({
      do: 'subscribe',
      text: 'weekly total sales by region on Monday 9:00',
      timeZone: 'America/New_York',
    });

    expect(said).toContain('Digest set up: “total sales by region” every Monday at 9:00 (America/New_York time).');
    expect(said).toContain('The first one arrives on Monday 7 December 2026 at 9:00.');
    const record = (await digests().list())[0];
    expect(record?.plan.measures[0]).toMatchObject({ column: 'Sales', aggregation: 'sum' });
    expect(record?.plan.dimensions.map((dimension) => dimension.column)).toEqual(['Region']);
    expect(record?.source).toEqual({ kind: 'channel-file', name: 'superstore.csv' });
    expect(scheduler.nextRun(record!.id)?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
  });

  it('says UTC when the platform gave no zone', async () => {
    const said = await command({ do: 'subscribe', text: 'daily total profit 8:00' });
    expect(said).toContain('Your time zone is not known to me, so times are in UTC.');
  });

  it('lets only the creator pause, send or delete; anyone can list', async () => {
    const record = (await digests().list()).find((digest) => digest.question === 'total sales by region');
    const bob = { id: 'U0BOB0002', name: 'Bob' };

    expect(await command({ do: 'pause', digest: record!.id }, bob)).toContain(
      'Only Alice, who set it up, or a workspace admin can change the digest “total sales by region” every Monday at 9:00.',
    );
    expect((await digests().get(record!.id))?.paused).toBe(false);
    const list = await command({ do: 'list' }, bob);
    expect(list).toContain('2 digests in this channel');
    // Which file each reads and when it comes next, on its subscriber's clock (New York; UTC for the other).
    expect(list).toContain('Reads superstore.csv · next Monday 7 December 2026 at 9:00 · set up by Alice');
    expect(list).toContain('Reads superstore.csv · next Thursday 3 December 2026 at 8:00 · set up by Alice');
    expect(await command({ do: 'pause', digest: record!.id })).toContain(
      'Paused “total sales by region” every Monday at 9:00.',
    );
    expect((await digests().get(record!.id))?.paused).toBe(true);
    expect(scheduler.nextRun(record!.id)).toBeUndefined();

    const before = harness.slack.messages.filter((m) => m.channel === channel && !m.thread_ts).length;
    expect(await command({ do: 'send-now', digest: record!.id })).toContain('Sent “total sales by region”');
    const posts = harness.slack.messages.filter((m) => m.channel === channel && !m.thread_ts).slice(before);
    expect(posts.filter((m) => blockText(m).includes('Digest: total sales by region'))).toHaveLength(1);

    // Asked for again on the same file: the whole digest, saying the data has not changed since.
    await command({ do: 'send-now', digest: record!.id });
    const again = harness.slack.messages
      .filter((m) => m.channel === channel && !m.thread_ts)
      .slice(before)
      .filter((m) => blockText(m).includes('Digest: total sales by region'));
    expect(again).toHaveLength(2);
    expect(blockText(again[1]!)).toContain('Total Sales was');
    expect(blockText(again[1]!)).toMatch(
      /No new data since the last digest \(Wednesday 2 December 2026 at 5:00\): superstore\.csv has not changed/,
    );

    // A scheduled run on that same file is the one quiet line, and the list words it.
    expect(await command({ do: 'resume', digest: record!.id })).toContain(
      'Resumed “total sales by region” every Monday at 9:00.',
    );
    const dueAt = '2026-12-07T14:00:00.000Z';
    await harness.run(
      digestJobOf({
        trigger: 'digest',
        version: 1,
        digest: record!.id,
        conversation: record!.conversation,
        owner: record!.owner,
        dueAt,
      }),
    );
    expect(await command({ do: 'list' })).toContain(': no new data since the last one');

    expect(await command({ do: 'delete', digest: record!.id })).toContain(
      'Deleted “total sales by region” every Monday at 9:00.',
    );
    expect(await digests().get(record!.id)).toBeUndefined();
  });

  it('lets a workspace admin or owner (Slack users.info) pause, resume and delete someone else’s digest', async () => {
    const said = await command({ do: 'subscribe', text: 'daily total quantity at 7:00', timeZone: 'Europe/Berlin' });
    expect(said).toContain('Digest set up');
    const record = (await digests().list()).find((digest) => digest.question === 'total quantity');
    const admin = { id: 'U0ADMIN01', name: 'Ada' };
    const owner = { id: 'U0OWNER01', name: 'Olu' };
    harness.slack.roles.set(admin.id, 'admin');
    harness.slack.roles.set(owner.id, 'owner');

    expect(await command({ do: 'pause', digest: record!.id }, admin)).toContain(
      'Paused “total quantity” every day at 7:00.',
    );
    expect((await digests().get(record!.id))?.paused).toBe(true);
    expect(await command({ do: 'resume', digest: record!.id }, owner)).toContain(
      'Resumed “total quantity” every day at 7:00.',
    );
    expect(scheduler.nextRun(record!.id)).toBeDefined();
    expect(await command({ do: 'delete', digest: record!.id }, admin)).toContain(
      'Deleted “total quantity” every day at 7:00.',
    );
    expect(await digests().get(record!.id)).toBeUndefined();
    // The creator's own clicks need no look-up: Slack is asked only about someone else.
    expect(harness.slack.callsOf('users.info').map((call) => call.params.user)).not.toContain(ALICE);
  });

  it('says a Send now failed instead of “Sent”, and does not count it toward pausing the digest', async () => {
    const said = await command({ do: 'subscribe', text: 'monthly total profit on the 3rd', timeZone: 'Europe/Berlin' });
    expect(said).toContain('Digest set up');
    const record = (await digests().list()).find((digest) => digest.question === 'total profit')!;
    // Its file is no longer in the channel (a stored record pointing at a name nobody shared).
    await digests().save({ ...record, source: { kind: 'channel-file', name: 'gone.csv' } });
    for (let run = 0; run < 3; run++) {
      const sent = await command({ do: 'send-now', digest: record.id });
      expect(sent).toContain('Could not send “total profit”');
      expect(sent).toContain('gone.csv');
      expect(sent).not.toContain('Sent “total profit”');
    }
    const after = await digests().get(record.id);
    expect(after).toMatchObject({ failures: 0, paused: false, lastRun: { outcome: 'failed' } });
    expect(scheduler.nextRun(record.id)).toBeDefined();
    await command({ do: 'delete', digest: record.id });
  });

  it('refuses a question it cannot follow in whole sentences, the planner’s reason its own', async () => {
    const said = await command({ do: 'subscribe', text: 'weekly zorblax quuxity', timeZone: 'Europe/Berlin' });
    // The file it read was picked, not named: the refusal says which, and how to name another.
    expect(said).toMatch(
      /I can’t follow “zorblax quuxity” as a digest of superstore\.csv, the newest file here\. [A-Z][^]*\. Name another file in the digest \(`digest weekly … in sales\.csv`\), or try it as a question first\./,
    );
    const named = await command({
      do: 'subscribe',
      text: 'weekly zorblax in superstore.csv',
      timeZone: 'Europe/Berlin',
    });
    expect(named).toMatch(/as a digest of superstore\.csv\. [A-Z][^]*\. Try it as a question first\./);
    expect(said).not.toMatch(/as a digest: [A-Z]/);
  });

  it('makes “Send this every week” under an answer a weekly digest of that answer’s question', async () => {
    const question = await harness.command(channel, 'average discount by segment');
    await harness.run(question);

    // The edge adds the clicker's Slack time zone; the confirmation speaks on that clock.
    const said = await command({
      do: 'subscribe',
      text: 'weekly',
      answer: question.id,
      timeZone: 'America/Los_Angeles',
    });

    expect(said).toContain('“average discount by segment” every Monday at 9:00 (America/Los_Angeles time)');
    expect(said).toContain('The first one arrives on Monday 7 December 2026 at 9:00.');
    expect(said).not.toContain('UTC');
    expect(said).toContain('(You can change it: delete it in `digests` and write `digest weekly average discount');
    expect(said).not.toContain('no time was given');
    expect((await digests().list()).map((record) => record.question)).toContain('average discount by segment');

    const before = (await digests().list()).length;
    expect(
      await command({ do: 'subscribe', text: 'weekly', answer: question.id, timeZone: 'America/Los_Angeles' }),
    ).toContain('This channel already gets “average discount by segment” every Monday at 9:00 (set up by Alice).');
    expect(
      await command({ do: 'subscribe', text: 'weekly average discount by segment', timeZone: 'America/Los_Angeles' }),
    ).toContain('This channel already gets “average discount by segment” every Monday at 9:00');
    expect(await digests().list()).toHaveLength(before);
    expect(await command({ do: 'subscribe', text: 'daily average discount by segment' })).toContain('Digest set up');
  });

  it('“Send this every week” under “monthly sales trend” makes a weekly digest: the question’s grain is no cadence', async () => {
    const question = await harness.command(channel, 'monthly sales trend');
    await harness.run(question);
    const said = await command({ do: 'subscribe', text: 'weekly', answer: question.id, timeZone: 'Europe/Berlin' });
    expect(said).toContain('“monthly sales trend” every Monday at 9:00');
    expect(said).not.toContain('one cadence');
  });

  it('offers “Send this every week” only under answers that could be digests', async () => {
    const fixed = await harness.command(channel, 'total sales in 2016');
    await harness.run(fixed);
    const open = await harness.command(channel, 'total sales by region');
    await harness.run(open);
    const answerOf = (job: { placeholder?: { ts: string } }) =>
      blockText(harness.message(channel, job.placeholder!.ts));
    expect(answerOf(fixed)).toContain('Filtered to 2016.');
    expect(answerOf(fixed)).not.toContain('Send this every week');
    expect(answerOf(open)).toContain('Send this every week');
  });

  it.each([
    [
      'weekly total sales in the West region in 2016',
      'a fixed period of Order Date, but a digest always reports the latest complete week. Leave the date out (`digest weekly total sales in the West region`).',
    ],
    [
      'weekly discount vs profit on Monday',
      'asks about 2 measures together, but a digest follows one measure over time',
    ],
    [
      'monthly top 5 customers by profit on the 2nd',
      'ranks or compares a selection, but a digest follows one measure over time',
    ],
  ])('refuses “%s”, which a digest would answer as a different question, saying why', async (text, why) => {
    const before = (await digests().list()).length;
    const said = await command({ do: 'subscribe', text, timeZone: 'UTC' });
    expect(said).toContain(why);
    expect(await digests().list()).toHaveLength(before);
  });

  it('refuses a file without a date column: a digest compares periods', async () => {
    await harness.run(
      await harness.shareFile(
        channel,
        'scores.csv',
        Buffer.from('team,player,score\nRed,Ann,3\nBlue,Bo,5\nRed,Cy,4\n'),
      ),
    );
    const before = (await digests().list()).length;
    const said = await command({ do: 'subscribe', text: 'weekly total score by team on Monday 9:00' });
    expect(said).toContain('scores.csv has no date column, and a digest compares each week with the one before.');
    expect(await digests().list()).toHaveLength(before);
  });
});
