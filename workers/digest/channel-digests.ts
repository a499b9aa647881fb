import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../../core/blob-store';
import type { DigestScheduler } from '../../core/digest-scheduler';
import type { Scope } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';
import { DigestRecord } from './digest-record';
import { compareText } from '../../core/text-order';

/**
 * One channel's digests. Like the channel catalog, the scope is fixed when it is made, so a
 * command in one channel can neither list nor change another channel's digests.
 */
export interface ChannelDigests {
  readonly scope: Scope;
  /** Oldest first, the order they were set up in. */
  list(): Promise<DigestRecord[]>;
  get(id: string): Promise<DigestRecord | undefined>;
  save(record: DigestRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A fresh digest id, which is also its schedule's name. */
export function newDigestId(): string {
  return `d${randomBytes(8).toString('hex')}`;
}

export function channelDigests(store: BlobStore, scope: Scope): ChannelDigests {
  const frozen: Scope = Object.freeze({ tenant: scope.tenant, channel: scope.channel });

  const get = async (id: string): Promise<DigestRecord | undefined> => {
    const bytes = await store.get(storageKeys.digest(frozen, id));
    return bytes && DigestRecord.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  };

  return {
    scope: frozen,
    get,
    list: async () => {
      const objects = await store.list(storageKeys.digests(frozen));
      const ids = objects.flatMap(({ key }) => key.match(/\/(d[0-9a-f]{16})\.json$/)?.[1] ?? []);
      const records = (await Promise.all(ids.map(get))).filter((record) => record !== undefined);
      return records.sort((a, b) => compareText(a.createdAt, b.createdAt));
    },
    save: async (record) =>
      store.put(storageKeys.digest(frozen, record.id), JSON.stringify(DigestRecord.parse(record)), 'application/json'),
    delete: (id) => store.delete(storageKeys.digest(frozen, id)),
  };
}

/**
 * Puts every stored digest's schedule back into a scheduler that lives in the process (`npm
 * start`'s croner), paused ones paused: its schedules end with the process, the records do not.
 */
export async function restoreSchedules(store: BlobStore, scheduler: DigestScheduler): Promise<number> {
  const objects = await store.list('digests/');
  const keys = objects.map(({ key }) => key).filter((key) => /\/d[0-9a-f]{16}\.json$/.test(key));
  for (const key of keys) {
    const bytes = await store.get(key);
    if (!bytes) continue;
    const record = DigestRecord.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    await scheduler.put({
      digest: record.id,
      timing: record.timing,
      conversation: record.conversation,
      owner: record.owner,
    });
    if (record.paused) await scheduler.pause(record.id);
  }
  return keys.length;
}
