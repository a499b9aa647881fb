import type { BlobStore } from '../../core/blob-store';
import type { Scope } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';
import { DatasetEntry } from './dataset-entry';
import { ThreadState } from './thread-state';
import { compareText } from '../../core/text-order';

/**
 * One channel's datasets, threads, charts and job ledgers. The scope is fixed when the catalog is
 * made and every key is built from it, so code holding a channel's catalog can
 * never reach another channel's (or tenant's) data: there is no other way in.
 *
 * @example
 * const catalog = channelCatalog(store, scopeOf(job.conversation));
 * const dataset = (await catalog.findByName('sales_q3.xlsx')) ?? (await catalog.latest());
 */
export interface ChannelCatalog {
  readonly scope: Scope;
  /** The channel's datasets, newest first. */
  list(): Promise<DatasetEntry[]>;
  latest(): Promise<DatasetEntry | undefined>;
  /** By file name, case-insensitively; the newest when the same name was shared twice. */
  findByName(name: string): Promise<DatasetEntry | undefined>;
  get(id: string): Promise<DatasetEntry | undefined>;
  /** Stores the Parquet file, then the entry: a dataset is listed only once its data is there. */
  save(entry: DatasetEntry, parquetPath: string): Promise<void>;
  /** Copies the dataset's Parquet file to `path`; false when it is gone. */
  fetchData(id: string, path: string): Promise<boolean>;
  /** Keeps an answer's chart, by the job that drew it. */
  saveChart(jobId: string, png: Uint8Array): Promise<void>;
  thread(ts: string): Promise<ThreadState | undefined>;
  saveThread(ts: string, state: ThreadState): Promise<void>;
  /** A job's ledger as stored (its schema belongs to the jobs); `undefined` before the job first saves it. */
  jobRecord(jobId: string): Promise<unknown>;
  saveJobRecord(jobId: string, record: unknown): Promise<void>;
}

export function channelCatalog(store: BlobStore, scope: Scope): ChannelCatalog {
  const frozen: Scope = Object.freeze({ tenant: scope.tenant, channel: scope.channel });

  const readJson = async (key: string): Promise<unknown> => {
    const bytes = await store.get(key);
    return bytes && JSON.parse(Buffer.from(bytes).toString('utf8'));
  };

  const get = async (id: string): Promise<DatasetEntry | undefined> => {
    const json = await readJson(storageKeys.datasetMeta(frozen, id));
    return json === undefined ? undefined : DatasetEntry.parse(json);
  };

  const list = async (): Promise<DatasetEntry[]> => {
    const objects = await store.list(storageKeys.datasets(frozen));
    const ids = objects.flatMap(({ key }) => key.match(/\/([^/]+)\/meta\.json$/)?.[1] ?? []);
    const entries = (await Promise.all(ids.map(get))).filter((entry) => entry !== undefined);
    return entries.sort((a, b) => compareText(b.addedAt, a.addedAt));
  };

  return {
    scope: frozen,
    list,
    get,
    latest: async () => (await list())[0],
    findByName: async (name) => {
      const wanted = name.trim().toLowerCase();
      return (await list()).find((entry) => entry.name.toLowerCase() === wanted);
    },
    save: async (entry, parquetPath) => {
      await store.putFile(storageKeys.datasetData(frozen, entry.id), parquetPath, 'application/vnd.apache.parquet');
      await store.put(storageKeys.datasetMeta(frozen, entry.id), JSON.stringify(entry), 'application/json');
    },
    fetchData: (id, path) => store.getFile(storageKeys.datasetData(frozen, id), path),
    saveChart: (jobId, png) => store.put(storageKeys.chart(frozen, jobId), png, 'image/png'),
    thread: async (ts) => {
      const json = await readJson(storageKeys.thread(frozen, ts));
      return json === undefined ? undefined : ThreadState.parse(json);
    },
    saveThread: (ts, state) =>
      store.put(storageKeys.thread(frozen, ts), JSON.stringify(ThreadState.parse(state)), 'application/json'),
    jobRecord: (jobId) => readJson(storageKeys.jobLedger(frozen, jobId)),
    saveJobRecord: (jobId, record) =>
      store.put(storageKeys.jobLedger(frozen, jobId), JSON.stringify(record), 'application/json'),
  };
}
