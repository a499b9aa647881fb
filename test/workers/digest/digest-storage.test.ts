import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FolderBlobStore } from '../../../core/folder-blob-store';
import { channelCatalog } from '../../../workers/catalog/channel-catalog';
import type { DatasetEntry } from '../../../workers/catalog/dataset-entry';
import { channelDigests, newDigestId } from '../../../workers/digest/channel-digests';
import { datasetWords, hasNewData, newestVersion } from '../../../workers/digest/digest-dataset';
import { DigestRecord } from '../../../workers/digest/digest-record';
import { metaOf, planOf } from '../plan/meta-fixture';

let dir: string;
let store: FolderBlobStore;
let parquet: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'digest-storage-'));
  store = new FolderBlobStore(path.join(dir, 'store'));
  parquet = path.join(dir, 'data.parquet');
  await writeFile(parquet, 'PAR1');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const here = { tenant: 'T0001', channel: 'C0001' };

function recordOf(parts: Partial<DigestRecord> = {}): DigestRecord {
  return {
    version: 1,
    id: newDigestId(),
    conversation: { platform: 'slack', team: 'T0001', channel: 'C0001' },
    question: 'sales by region',
    plan: planOf({
      measures: [{ column: 'Revenue', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
    }) as DigestRecord['plan'],
    source: { kind: 'channel-file', name: 'orders.csv' },
    timing: { cadence: { every: 'week', weekday: 'MON' }, time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' },
    owner: { id: 'U0001', name: 'Maria' },
    createdAt: '2026-12-02T09:00:00.000Z',
    paused: false,
    failures: 0,
    ...parts,
  };
}

function entryOf(id: string, addedAt: string, name = 'orders.csv'): DatasetEntry {
  return { ...metaOf([]), name, id, addedAt, addedBy: { id: 'U0002', name: 'Sam' }, suggestions: [] };
}

describe('stored digests', () => {
  it('keeps the plan, cadence and run state under digests/{tenant}/{channel}/{id}.json', async () => {
    const digests = channelDigests(store, here);
    const record = recordOf({
      lastRun: {
        dueAt: '2026-12-07T08:00:00.000Z',
        finishedAt: '2026-12-07T08:00:05.000Z',
        outcome: 'posted',
        datasetId: 'ds1',
      },
    });
    await digests.save(record);
    expect(await store.get(`digests/T0001/C0001/${record.id}.json`)).toBeDefined();
    expect(await digests.get(record.id)).toEqual(DigestRecord.parse(record));
  });

  it('lists one channel’s digests only; another channel of the same team sees none of them', async () => {
    const first = recordOf({ createdAt: '2026-12-01T09:00:00.000Z' });
    const second = recordOf({ createdAt: '2026-12-02T09:00:00.000Z' });
    await channelDigests(store, here).save(second);
    await channelDigests(store, here).save(first);
    await channelDigests(store, { tenant: 'T0001', channel: 'C0002' }).save(recordOf());
    expect((await channelDigests(store, here).list()).map((record) => record.id)).toEqual([first.id, second.id]);
    expect(await channelDigests(store, { tenant: 'T0001', channel: 'C0002' }).get(first.id)).toBeUndefined();
  });

  it('refuses to store a digest whose cadence or time zone is not valid', async () => {
    const digests = channelDigests(store, here);
    await expect(
      digests.save(
        recordOf({
          timing: { cadence: { every: 'month', day: 31 as 28 }, time: { hour: 9, minute: 0 }, timeZone: 'UTC' },
        }),
      ),
    ).rejects.toThrow();
    await expect(
      digests.save(
        recordOf({ timing: { cadence: { every: 'day' }, time: { hour: 9, minute: 0 }, timeZone: 'Europe/Atlantis' } }),
      ),
    ).rejects.toThrow(/time zone/);
    expect(await digests.list()).toEqual([]);
  });

  it('deletes', async () => {
    const digests = channelDigests(store, here);
    const record = recordOf();
    await digests.save(record);
    await digests.delete(record.id);
    expect(await digests.list()).toEqual([]);
  });
});

describe('the dataset a digest reads', () => {
  it('is the newest upload of the file’s name, and says which file, when and which version', async () => {
    const catalog = channelCatalog(store, here);
    await catalog.save(entryOf('ds1', '2026-11-30T08:00:00.000Z'), parquet);
    await catalog.save(entryOf('ds3', '2026-12-01T16:45:00.000Z', 'Orders.CSV'), parquet);
    await catalog.save(entryOf('ds2', '2026-12-02T08:00:00.000Z', 'returns.csv'), parquet);
    const dataset = await newestVersion(catalog, 'orders.csv');
    expect(dataset?.entry.id).toBe('ds3');
    expect(datasetWords(dataset!, 'Europe/Berlin')).toBe(
      'Orders.CSV, uploaded Tuesday 1 December 2026 at 17:45 by Sam (version 2)',
    );
    expect(await newestVersion(catalog, 'gone.csv')).toBeUndefined();
  });

  it('has new data only when the version differs from the last good run’s', async () => {
    const catalog = channelCatalog(store, here);
    await catalog.save(entryOf('ds1', '2026-11-30T08:00:00.000Z'), parquet);
    const dataset = (await newestVersion(catalog, 'orders.csv'))!;
    const run = { dueAt: '2026-12-07T08:00:00.000Z', finishedAt: '2026-12-07T08:00:05.000Z', datasetId: 'ds1' };
    expect(hasNewData({ lastRun: undefined }, dataset)).toBe(true);
    expect(hasNewData({ lastRun: { ...run, outcome: 'posted' } }, dataset)).toBe(false);
    expect(hasNewData({ lastRun: { ...run, outcome: 'failed' } }, dataset)).toBe(true);
    await catalog.save(entryOf('ds4', '2026-12-08T07:00:00.000Z'), parquet);
    expect(hasNewData({ lastRun: { ...run, outcome: 'posted' } }, (await newestVersion(catalog, 'orders.csv'))!)).toBe(
      true,
    );
  });
});
