import { readFileSync } from 'node:fs';
import { formatNumber } from '../../../charts';
import { digestJobOf } from '../../../core/digest-scheduler';
import { referenceOf, scopeOf, type DigestCommandJob, type DigestJob, type SlackConversation } from '../../../core/job';
import { storageKeys } from '../../../core/storage-keys';
import { channelCatalog } from '../../../workers/catalog/channel-catalog';
import { chartUnit } from '../../../workers/answer/chart-unit';
import { channelDigests, newDigestId } from '../../../workers/digest/channel-digests';
import type { DigestRecord } from '../../../workers/digest/digest-record';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { ALICE, blockText, LAST, TEAM, WorkerHarness } from '../../support/worker-harness';
import { allRows } from '../plan/plan-runner';

const PLAN = AnalysisPlan.parse({
  version: 2,
  kind: 'aggregate',
  chart: 'bar',
  title: 'Sales by Region',
  measures: [{ column: 'Sales', aggregation: 'sum' }],
  dimensions: [{ column: 'Region' }],
  filters: [],
});

// Integration: FakeSlack and s3rver on loopback, real DuckDB and charts; numbers from hand-written SQL.
describe('a digest falling due', () => {
  let harness: WorkerHarness;
  let superstore: Loaded;

  beforeAll(async () => {
    [harness, superstore] = await Promise.all([WorkerHarness.start(), load(SUPERSTORE_CSV)]);
  });
  afterAll(async () => {
    superstore.connection.closeSync();
    await harness.stop();
  });
  afterEach(() => harness.slack.clearFaults());

  const conversationOf = (channel: string): SlackConversation => ({ platform: 'slack', team: TEAM, channel });

  async function subscribe(
    channel: string,
    file: string,
    { question = 'sales by region', plan = PLAN } = {},
  ): Promise<DigestRecord> {
    const record: DigestRecord = {
      version: 1,
      id: newDigestId(),
      conversation: conversationOf(channel),
      question,
      plan,
      source: { kind: 'channel-file', name: file },
      timing: { cadence: { every: 'month', day: 1 }, time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' },
      owner: { id: ALICE, name: 'Alice' },
      createdAt: new Date().toISOString(),
      paused: false,
      failures: 0,
    };
    await channelDigests(harness.store, { tenant: TEAM, channel }).save(record);
    return record;
  }

  const due = (record: DigestRecord, dueAt: string): DigestJob =>
    digestJobOf({
      trigger: 'digest',
      version: 1,
      digest: record.id,
      conversation: record.conversation,
      owner: record.owner,
      dueAt,
    });

  const topLevel = (channel: string) =>
    harness.slack.messages.filter((m) => m.channel === channel && m.thread_ts === undefined && m.user !== ALICE);
  const stored = (record: DigestRecord) => channelDigests(harness.store, scopeOf(record.conversation)).get(record.id);

  it('posts once at the top of the channel with the latest complete month’s sales from SQL (Dec 2017: the data ends on the 30th), charts and follow-ups in its thread', async () => {
    const channel = 'C0DIGEST01';
    await harness.run(await harness.shareFile(channel, 'superstore.csv', readFileSync(SUPERSTORE_CSV)));
    const record = await subscribe(channel, 'superstore.csv');
    const before = topLevel(channel).length;
    const job = due(record, '2026-12-01T08:00:00Z');

    await harness.run(job);
    // The schedule's retry, or SQS delivering again: the ledger keeps it to one post.
    await harness.run(job, LAST);

    const posts = topLevel(channel).slice(before);
    expect(posts).toHaveLength(1);
    const [row] = await allRows(
      superstore,
      `SELECT sum(Sales) FILTER (WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01') AS dec
       FROM read_csv('${SUPERSTORE_CSV}')`,
    );
    const money = formatNumber(Number(row!.dec), chartUnit(superstore.column('Sales').unit), { compact: true });
    const text = blockText(posts[0]!);
    expect(text).toContain('Digest: sales by region');
    expect(text).toContain(`Sales was ${money} in Dec 2017`);
    expect(text).toContain('on Nov 2017');
    expect(text).toContain('Drivers by Region:');
    expect(text).toMatch(/superstore\.csv, uploaded \w+day \d+ \w+ \d{4} at \d{1,2}:\d{2}/);
    const charts = harness.uploadsIn(channel, posts[0]!.ts);
    expect(charts.map((upload) => upload.filename)).toEqual([
      'total-sales-by-month.png',
      'what-moved-total-sales-by-region.png',
    ]);
    expect((await stored(record))?.lastRun).toMatchObject({ outcome: 'posted', dueAt: '2026-12-01T08:00:00.000Z' });

    const followUp = await harness.reply(channel, posts[0]!.ts, 'now by category');
    await harness.run(followUp);
    // The follow-up is about the digest's month, not every row.
    const byCategory = await allRows(
      superstore,
      `SELECT Category, sum(Sales) AS sales FROM read_csv('${SUPERSTORE_CSV}')
       WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01'
       GROUP BY Category ORDER BY sales DESC`,
    );
    const top = byCategory[0]!;
    const topMoney = formatNumber(Number(top.sales), chartUnit(superstore.column('Sales').unit), { compact: true });
    const answer = blockText(harness.thread(channel, posts[0]!.ts).at(-1)!);
    expect(answer).toContain(`${String(top.Category)} had the highest Sales in Dec 2017: ${topMoney}`);
    expect(answer).toContain('Filtered to Dec 2017.');

    // A whole new question in the thread is about the digest's month too, and says so.
    const bySegment = await allRows(
      superstore,
      `SELECT Segment, sum(Sales) AS sales FROM read_csv('${SUPERSTORE_CSV}')
       WHERE "Order Date" >= DATE '2017-12-01' AND "Order Date" < DATE '2018-01-01'
       GROUP BY Segment ORDER BY sales DESC`,
    );
    const segmentMoney = formatNumber(Number(bySegment[0]!.sales), chartUnit(superstore.column('Sales').unit), {
      compact: true,
    });
    await harness.run(await harness.reply(channel, posts[0]!.ts, 'which segment had the most sales'));
    const full = blockText(harness.thread(channel, posts[0]!.ts).at(-1)!);
    expect(full).toContain(`${String(bySegment[0]!.Segment)}`);
    expect(full).toContain(segmentMoney);
    expect(full).toContain('Filtered to Dec 2017.');
    // Held to the digest's month, it could never be a digest of its own: no button that would be refused.
    expect(full).not.toContain('Send this every week');
    // A question naming its own time keeps it.
    const [year] = await allRows(
      superstore,
      `SELECT count(*) AS n FROM read_csv('${SUPERSTORE_CSV}') WHERE year("Order Date") = 2016`,
    );
    await harness.run(await harness.reply(channel, posts[0]!.ts, 'total sales in 2016'));
    const own = blockText(harness.thread(channel, posts[0]!.ts).at(-1)!);
    expect(own).toContain(`${Number(year!.n).toLocaleString('en-US')} rows in 2016`);
    expect(own).not.toContain('Dec 2017');

    await harness.run(due(record, '2027-01-01T08:00:00Z'));
    const quiet = topLevel(channel).slice(before);
    expect(quiet).toHaveLength(2);
    expect(blockText(quiet[1]!)).toContain('No new data since the last digest: superstore.csv has not changed.');
    expect(harness.uploadsIn(channel, quiet[1]!.ts)).toHaveLength(0);
  });

  it('a daily digest at 15:56 in Berlin on data reaching today reports yesterday and leaves today out as not over yet', async () => {
    const channel = 'C0DIGEST09';
    // Ten days of orders up to today (1 December 2026 in Berlin), 10 more each day.
    const days = Array.from({ length: 10 }, (_, i) => `2026-11-${String(22 + i).padStart(2, '0')}`)
      .filter((day) => day <= '2026-11-30')
      .concat(['2026-12-01']);
    const csv = ['Date,Units', ...days.map((day, i) => `${day},${10 * (i + 1)}`)].join('\n');
    await harness.run(await harness.shareFile(channel, 'daily.csv', Buffer.from(csv)));
    const plan = AnalysisPlan.parse({
      version: 2,
      kind: 'aggregate',
      chart: 'line',
      title: 'Units',
      measures: [{ column: 'Units', aggregation: 'sum' }],
      dimensions: [],
      filters: [],
    });
    const record = await subscribe(channel, 'daily.csv', { question: 'total units', plan });
    await channelDigests(harness.store, { tenant: TEAM, channel }).save({
      ...record,
      timing: { ...record.timing, cadence: { every: 'day' } },
    });
    const before = topLevel(channel).length;
    await harness.handler({ clock: () => new Date('2026-12-01T14:56:00Z') })(due(record, '2026-12-01T14:56:00Z'), LAST);
    const text = blockText(topLevel(channel).slice(before)[0]!);
    // Yesterday's units as the file holds them, against the day before.
    const units = new Map(days.map((day, i) => [day, 10 * (i + 1)]));
    expect(text).toContain(`Total Units was ${units.get('2026-11-30')} on Mon, Nov 30, 2026`);
    expect(text).toContain('Tue, Dec 1, 2026 is not complete yet and is left out.');
  });

  it('tells its owner once in a direct message when its file is gone, and pauses after three failed runs', async () => {
    const channel = 'C0DIGEST02';
    const record = await subscribe(channel, 'gone.csv');
    const dm = harness.slack.directChannelOf(ALICE);
    const told = () => harness.slack.messages.filter((m) => m.channel === dm && (m.text ?? '').includes('gone.csv'));

    for (const day of ['01', '02', '03', '04']) await harness.run(due(record, `2026-12-${day}T08:00:00Z`));

    expect(told()).toHaveLength(1);
    expect(told()[0]!.text).toContain('gone.csv is no longer in the channel');
    expect(topLevel(channel)).toHaveLength(0);
    expect(await stored(record)).toMatchObject({ paused: true, failures: 3, lastRun: { outcome: 'failed' } });
  });

  it('counts a channel that removed the bot as a failed run and tells the owner', async () => {
    const channel = 'C0DIGEST03';
    await harness.run(await harness.shareFile(channel, 'small.csv', Buffer.from('Order Date,Sales\n2026-01-05,3\n')));
    const record = await subscribe(channel, 'small.csv');
    harness.slack.inject('chat.postMessage', { kind: 'error', error: 'not_in_channel' });

    await harness.run(due(record, '2026-12-01T08:00:00Z'));

    const dm = harness.slack.directChannelOf(ALICE);
    expect(
      harness.slack.messages
        .filter((m) => m.channel === dm)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('I can no longer post in that channel');
    expect(await stored(record)).toMatchObject({ paused: false, failures: 1, lastRun: { outcome: 'failed' } });
  });

  it('tells its owner once when a run breaks on our side in a way a retry would repeat, and posts nothing in the channel', async () => {
    const channel = 'C0DIGEST04';
    await harness.run(await harness.shareFile(channel, 'orders.csv', Buffer.from('Order Date,Sales\n2026-01-05,3\n')));
    const record = await subscribe(channel, 'orders.csv');
    const before = topLevel(channel).length;
    const scope = { tenant: TEAM, channel };
    const [entry] = await channelCatalog(harness.store, scope).list();
    const data = storageKeys.datasetData(scope, entry!.id);
    const good = await harness.store.get(data);
    // The stored table is unreadable: DuckDB fails, which is ours to fix, not the owner's.
    await harness.store.put(data, 'not parquet', 'application/vnd.apache.parquet');
    const dm = harness.slack.directChannelOf(ALICE);
    const told = () =>
      harness.slack.messages.filter((m) => m.channel === dm && (m.text ?? '').includes('something broke on our side'));

    const broken = due(record, '2026-12-01T08:00:00Z');
    // DuckDB cannot read the stored table: every try would fail the same way, so the first ends it.
    await harness.run(broken);
    // Delivered once more all the same: the failed run is on record, and nothing more is said.
    await harness.run(broken, LAST);

    expect(told()).toHaveLength(1);
    expect(told()[0]!.text).toContain(
      `Your digest “sales by region” due Tuesday 1 December 2026 at 9:00 could not be sent: something broke on our side (reference ${referenceOf(broken.id)}).`,
    );
    expect(topLevel(channel).slice(before)).toHaveLength(0);
    expect(await stored(record)).toMatchObject({ paused: false, failures: 0, lastRun: { outcome: 'failed' } });

    // With the table readable again, the next run posts once.
    await harness.store.put(data, good!, 'application/vnd.apache.parquet');
    await harness.run(due(record, '2027-01-01T08:00:00Z'));
    expect(topLevel(channel).slice(before)).toHaveLength(1);
    expect(told()).toHaveLength(1);
  });

  it('names the digest, what broke and what to do when a re-upload renamed its column; tells the owner once, records the failure and pauses after three', async () => {
    const channel = 'C0DIGEST05';
    const weather = (column: string) =>
      Buffer.from(`date,${column}\n2026-10-05,1.5\n2026-10-12,2.5\n2026-10-19,0.5\n2026-10-26,4\n2026-11-02,3\n`);
    await harness.run(await harness.shareFile(channel, 'weather.csv', weather('precipitation')));
    const plan = AnalysisPlan.parse({
      version: 2,
      kind: 'aggregate',
      chart: 'bar',
      title: 'Precipitation',
      measures: [{ column: 'precipitation', aggregation: 'sum' }],
      dimensions: [],
      filters: [],
    });
    const record = await subscribe(channel, 'weather.csv', { question: 'total precipitation', plan });
    await harness.run(await harness.shareFile(channel, 'weather.csv', weather('rain_mm')));
    const before = topLevel(channel).length;
    const dm = harness.slack.directChannelOf(ALICE);
    const told = () =>
      harness.slack.messages.filter((m) => m.channel === dm && (m.text ?? '').includes('precipitation'));

    await harness.run(due(record, '2026-12-01T08:00:00Z'));

    const [post] = topLevel(channel).slice(before);
    expect(blockText(post!)).toContain('The digest “total precipitation” could not run: weather.csv changed');
    expect(blockText(post!)).toContain('There is no column "precipitation"');
    expect(blockText(post!)).toContain('Set the digest up again with the new column name, or delete it');
    expect(told()).toHaveLength(1);
    expect(told()[0]!.text).toContain('Your digest “total precipitation” could not run');
    expect(await stored(record)).toMatchObject({ paused: false, failures: 1, lastRun: { outcome: 'failed' } });

    await harness.run(due(record, '2026-12-02T08:00:00Z'));
    await harness.run(due(record, '2026-12-03T08:00:00Z'));

    expect(told()).toHaveLength(1);
    const posts = topLevel(channel).slice(before);
    expect(posts).toHaveLength(3);
    expect(blockText(posts[2]!)).toContain('It is paused after 3 failed runs in a row.');
    expect(await stored(record)).toMatchObject({ paused: true, failures: 3, lastRun: { outcome: 'failed' } });

    const { command: _list, ...base } = await harness.listOrHelp(channel, 'list');
    const list: DigestCommandJob = { ...base, kind: 'digest-command', command: { do: 'list' } };
    await harness.run(list);
    expect(blockText(harness.message(channel, list.placeholder!.ts))).toMatch(
      /\*total precipitation\* .* · paused\nReads weather\.csv · set up by Alice · last run .*: failed: weather\.csv changed since it was set up/,
    );
  });
});
