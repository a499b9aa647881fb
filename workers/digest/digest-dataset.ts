import type { ChannelCatalog } from '../catalog/channel-catalog';
import type { DatasetEntry } from '../catalog/dataset-entry';
import type { DigestRecord } from './digest-record';
import { dateTimeWords } from './schedule-words';

/** The version of a channel file a digest run reads, and how many versions the channel has seen. */
export interface DigestDataset {
  entry: DatasetEntry;
  /** Uploads under this name so far, this one included. */
  versions: number;
}

/**
 * The newest upload of the digest's file: every upload is its own catalog entry, so a file
 * re-shared under the same name is a new version and the digest moves to it. `undefined` when the
 * channel no longer has a file of that name.
 */
export async function newestVersion(catalog: ChannelCatalog, name: string): Promise<DigestDataset | undefined> {
  const wanted = name.trim().toLowerCase();
  // An operator's export read for another digest is not a file shared in the channel.
  const versions = (await catalog.list()).filter((entry) => !entry.linked && entry.name.toLowerCase() === wanted);
  const entry = versions[0];
  return entry && { entry, versions: versions.length };
}

/** A run on the version the last run read has nothing new to say. */
export function hasNewData(record: Pick<DigestRecord, 'lastRun'>, dataset: DigestDataset): boolean {
  const last = record.lastRun;
  return !last || last.outcome === 'failed' || last.datasetId !== dataset.entry.id;
}

/**
 * "sales.csv, uploaded Wednesday 2 December 2026 at 9:14 by Maria (version 3)", or for an
 * operator's export "s3://acme-exports/sales/2026-12-01.csv, written Tuesday 1 December 2026 at
 * 2:00", on the subscriber's clock.
 */
export function datasetWords(dataset: DigestDataset, timeZone: string): string {
  const { entry } = dataset;
  if (entry.linked) {
    const { bucket, key, writtenAt } = entry.linked;
    return `s3://${bucket}/${key}, written ${dateTimeWords(new Date(writtenAt), timeZone)}`;
  }
  const by = entry.addedBy.name ? ` by ${entry.addedBy.name}` : '';
  const version = dataset.versions > 1 ? ` (version ${dataset.versions})` : '';
  return `${entry.name}, uploaded ${dateTimeWords(new Date(entry.addedAt), timeZone)}${by}${version}`;
}
