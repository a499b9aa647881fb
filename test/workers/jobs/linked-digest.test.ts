import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { formatNumber } from '../../../charts';
import { digestJobOf } from '../../../core/digest-scheduler';
import type { DigestCommand, DigestCommandJob } from '../../../core/job';
import { S3LinkedExports } from '../../../core/linked-exports';
import { LocalDigestScheduler } from '../../../core/local-digest-scheduler';
import { chartUnit } from '../../../workers/answer/chart-unit';
import { channelDigests } from '../../../workers/digest/channel-digests';
import type { DigestRecord } from '../../../workers/digest/digest-record';
import { dateTimeWords } from '../../../workers/digest/schedule-words';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { ALICE, blockText, FIRST, LAST, s3Client, TEAM, WorkerHarness } from '../../support/worker-harness';
import { allRows } from '../plan/plan-runner';

const NOW = new Date('2026-12-02T10:00:00Z');
const BUCKET = 'acme-exports';
const PREFIX = 'nightly/sales/';
const ZONE = 'Europe/Berlin';

// Integration: an operator's export bucket on s3rver read by the real S3 client, FakeSlack, real DuckDB;
// the numbers a digest states come from hand-written SQL over the same rows.
describe('a digest linked to an operator’s S3 export', () => {
  const channel = 'C0LINKED01';
  let harness: WorkerHarness;
  let superstore: Loaded;
  let throughOctober: string;
  let throughNovember: string;
  const scheduler = new LocalDigestScheduler({
    onDue: async () => undefined,
    clock: { now: () => NOW, setTimer: () => 0, clearTimer: () => undefined },
  });

  /** Superstore cut at a date, as a nightly export that ran then would hold it. */
  async function exportUntil(before: string): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'export-')), `until-${before}.csv`);
    await superstore.connection.run(
      `COPY (SELECT * FROM read_csv('${SUPERSTORE_CSV}') WHERE "Order Date" < DATE '${before}') TO '${path}' (HEADER)`,
    );
    return path;
  }

  async function putExport(key: string, body: Buffer | string, writtenAt: string): Promise<void> {
    await harness.s3.client().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
    await harness.s3.writtenAt(BUCKET, key, new Date(writtenAt));
  }

  beforeAll(async () => {
    [harness, superstore] = await Promise.all([WorkerHarness.start(), load(SUPERSTORE_CSV)]);
    await harness.s3.client().send(new CreateBucketCommand({ Bucket: BUCKET }));
    [throughOctober, throughNovember] = await Promise.all([exportUntil('2017-11-01'), exportUntil('2017-12-01')]);
    // The newest by name is the oldest by time: the digest goes by when an object was written.
    await putExport(`${PREFIX}zz-2017-10.csv`, await readFile(throughOctober), '2026-11-29T02:00:00Z');
    await putExport(`${PREFIX}2017-12.csv`, readFileSync(SUPERSTORE_CSV), '2026-12-01T02:00:00Z');
    // Written after the export, but not a table: passed over.
    await putExport(`${PREFIX}manifest.json`, '{"rows": 9994}', '2026-12-01T02:05:00Z');
    await putExport('private/payroll.csv', 'Name,Salary\nAda,1\n', '2026-12-01T02:00:00Z');
  });
  afterAll(async () => {
    superstore.connection.closeSync();
    await harness.stop();
  });

  const linkedExports = () =>
    new S3LinkedExports([{ bucket: BUCKET, prefix: 'nightly/' }], s3Client(harness.s3.endpoint));
  const handler = () =>
    harness.handler({ digestScheduler: scheduler, linkedExports: linkedExports(), clock: () => NOW });
  const digests = () => channelDigests(harness.store, { tenant: TEAM, channel });
  const topLevel = () => harness.slack.messages.filter((m) => m.channel === channel && m.thread_ts === undefined);
  const money = (value: number) => formatNumber(value, chartUnit(superstore.column('Sales').unit), { compact: true });

  async function command(command: DigestCommand): Promise<string> {
    const { command: _list, ...base } = await harness.listOrHelp(channel, 'list');
    const job: DigestCommandJob = {
      ...base,
      kind: 'digest-command',
      command,
      requestedBy: { id: ALICE, name: 'Alice' },
    };
    await handler()(job, LAST);
    return blockText(harness.message(channel, job.placeholder!.ts));
  }

  async function monthSales(file: string, month: string): Promise<number> {
    const [row] = await allRows(
      superstore,
      `SELECT sum(Sales) AS s FROM read_csv('${file}') WHERE strftime("Order Date", '%Y-%m') = '${month}'`,
    );
    return Number(row!.s);
  }

  const due = (record: DigestRecord, dueAt: string) =>
    digestJobOf({
      trigger: 'digest',
      version: 1,
      digest: record.id,
      conversation: record.conversation,
      owner: record.owner,
      dueAt,
    });

  it('refuses a location outside the linked ones, naming those it may read', async () => {
    for (const outside of ['s3://acme-exports/private/', 's3://other-bucket/nightly/sales/']) {
      const said = await command({ do: 'subscribe', text: `monthly total sales from ${outside}`, timeZone: ZONE });
      expect(said).toContain(`I may not read ${outside}: the linked ones are s3://acme-exports/nightly/.`);
    }
    expect(await digests().list()).toHaveLength(0);
  });

  it('sets up on the newest export under the prefix, saying which object and when it was written', async () => {
    const said = await command({
      do: 'subscribe',
      text: `monthly total sales by region on the 1st at 9:00 from s3://${BUCKET}/${PREFIX}`,
      timeZone: ZONE,
    });

    const written = dateTimeWords(new Date('2026-12-01T02:00:00Z'), ZONE);
    expect(said).toContain('Digest set up: “total sales by region” on the 1st of every month at 9:00');
    expect(said).toContain(
      `It reads the newest CSV or Excel file under s3://${BUCKET}/${PREFIX}; now that is s3://${BUCKET}/${PREFIX}2017-12.csv, written ${written}.`,
    );
    const [record] = await digests().list();
    expect(record?.source).toEqual({ kind: 'linked', bucket: BUCKET, prefix: PREFIX });
    expect(record?.plan.dimensions.map((dimension) => dimension.column)).toEqual(['Region']);
  });

  it('posts on the newest export, says when there is nothing new, and moves to a newer export', async () => {
    const [record] = await digests().list();
    const before = topLevel().length;

    await handler()(due(record!, '2027-01-01T08:00:00Z'), FIRST);
    const [first] = topLevel().slice(before);
    const firstText = blockText(first!);
    const december = await monthSales(SUPERSTORE_CSV, '2017-12');
    expect(firstText).toContain(`Sales was ${money(december)} in Dec 2017`);
    expect(firstText).toContain(
      `s3://${BUCKET}/${PREFIX}2017-12.csv, written ${dateTimeWords(new Date('2026-12-01T02:00:00Z'), ZONE)}`,
    );

    await handler()(due(record!, '2027-02-01T08:00:00Z'), FIRST);
    const quiet = blockText(topLevel().slice(before)[1]!);
    expect(quiet).toContain(`No new data since the last digest: s3://${BUCKET}/${PREFIX} has not changed.`);
    expect(quiet).toContain(`${PREFIX}2017-12.csv, written`);

    // A re-run of the export that holds less (a fix upstream): the newest write wins, whatever it holds.
    await putExport(`${PREFIX}2017-11-rerun.csv`, await readFile(throughNovember), '2026-12-02T02:00:00Z');
    await handler()(due(record!, '2027-03-01T08:00:00Z'), FIRST);
    const moved = blockText(topLevel().slice(before)[2]!);
    const november = await monthSales(throughNovember, '2017-11');
    const october = await monthSales(throughOctober, '2017-10');
    expect(moved).toContain(`Sales was ${money(november)} in Nov 2017`);
    expect(moved).toContain(`${november > october ? 'up' : 'down'} ${money(Math.abs(november - october))}`);
    expect(moved).toContain(`${PREFIX}2017-11-rerun.csv, written`);
    expect(topLevel().slice(before)).toHaveLength(3);
  });

  it('tells the owner when the prefix holds no table, and never reads outside the linked prefixes', async () => {
    const record: DigestRecord = {
      ...(await digests().list())[0]!,
      id: 'd00000000000000aa',
      source: { kind: 'linked', bucket: BUCKET, prefix: 'nightly/empty/' },
    };
    await digests().save(record);
    await handler()(due(record, '2027-01-01T08:00:00Z'), FIRST);
    const dm = harness.slack.directChannelOf(ALICE);
    const told = harness.slack.messages.filter((m) => m.channel === dm).map((m) => m.text ?? '');
    expect(told.join('\n')).toContain(`There is no CSV or Excel file under s3://${BUCKET}/nightly/empty/.`);

    await expect(linkedExports().newest({ bucket: BUCKET, prefix: 'private/' }, () => true)).rejects.toMatchObject({
      code: 'LINKED_NOT_ALLOWED',
    });
  });
});
