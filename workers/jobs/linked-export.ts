import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  isAllowed,
  LinkedExportError,
  linkedUri,
  parseLinkedUri,
  type LinkedObject,
  type LinkedPrefix,
} from '../../core/linked-exports';
import type { DatasetEntry } from '../catalog/dataset-entry';
import { openDatabase } from '../engine/duckdb';
import { describeBytes, WorkerError } from '../errors';
import { ingestFile } from '../ingest/ingest-file';
import { suggestQuestions } from '../planner/suggestions';
import { loadVocabulary } from '../planner/vocabulary';
import { DATASET_TABLE, usingDatabase, writeParquet } from './dataset-table';
import type { JobContext } from './job-context';
import { JobError } from './job-errors';

/** What the ingest reads; other objects under an export prefix (a `_SUCCESS` marker, a manifest) are passed over. */
const READABLE = /\.(csv|tsv|txt|xlsx)$/i;

function isReadableExport(key: string): boolean {
  return READABLE.test(key);
}

/**
 * An operator's export as a dataset of the channel: the object read through the same ingest as a
 * shared file and kept in the catalog (so replies under the digest can ask about it), under an id
 * made from the object's key and write time, so the same object is read once and a retried run
 * finds it instead of reading it again.
 */
async function linkedDataset(
  ctx: JobContext,
  object: LinkedObject,
  owner: DatasetEntry['addedBy'],
): Promise<DatasetEntry> {
  const id = linkedDatasetId(object);
  const known = await ctx.catalog.get(id);
  if (known) return known;
  const name = posix.basename(object.key);
  if (object.size > ctx.config.maxUploadBytes) {
    throw new WorkerError(
      'FILE_TOO_LARGE',
      `${linkedUri(object)} is ${describeBytes(object.size)}; the limit is ${describeBytes(ctx.config.maxUploadBytes)}.`,
    );
  }
  const exports = ctx.linkedExports;
  if (!exports) throw new Error('A linked digest ran in a worker without linked exports.');
  const path = join(ctx.workDir, `linked${extname(name).slice(0, 10)}`);
  await pipeline(await exports.open(object, ctx.signal), createWriteStream(path), { signal: ctx.signal });
  return usingDatabase(await openDatabase(), ctx.signal, async (connection) => {
    const { meta } = await ingestFile(path, {
      connection,
      table: DATASET_TABLE,
      name,
      maxUploadBytes: ctx.config.maxUploadBytes,
      maxUnzippedBytes: ctx.config.maxUnzippedBytes,
    });
    const vocabulary = await loadVocabulary(connection, meta, DATASET_TABLE);
    const entry: DatasetEntry = {
      ...meta,
      id,
      addedBy: owner,
      addedAt: object.lastModified.toISOString(),
      suggestions: suggestQuestions(meta, vocabulary),
      linked: { bucket: object.bucket, key: object.key, writtenAt: object.lastModified.toISOString() },
    };
    const parquet = join(ctx.workDir, `${id}.parquet`);
    await writeParquet(connection, parquet);
    await ctx.catalog.save(entry, parquet);
    return entry;
  });
}

/** The newest readable object under a digest's linked prefix, or `undefined` when it holds none. */
async function newestExport(ctx: JobContext, where: LinkedPrefix): Promise<LinkedObject | undefined> {
  if (!ctx.linkedExports) return undefined;
  return ctx.linkedExports.newest(where, isReadableExport);
}

function linkedDatasetId(object: LinkedObject): string {
  const digest = createHash('sha256')
    .update(`${object.bucket}\n${object.key}\n${object.lastModified.toISOString()}\n${object.size}`)
    .digest('hex');
  return `x${digest.slice(0, 24)}`;
}

/** The allowed prefixes in words, for a refusal: which ones may be used, or that there are none. */
export function allowedWords(allowed: readonly LinkedPrefix[]): string {
  if (allowed.length === 0) {
    return 'this installation links no S3 location; an operator adds them with the deploy setting linkedDataPrefixes';
  }
  return `the linked ones are ${allowed.map((prefix) => linkedUri(prefix)).join(', ')}`;
}

/**
 * The data of a digest linked to an S3 prefix: the newest readable object there, read into the
 * catalog, or what stopped it in words for the owner (a prefix no longer allowed, an empty
 * prefix, S3 refusing, a file that is not a table). S3 out of reach is ours and thrown, to retry.
 */
export async function linkedDigestData(
  ctx: JobContext,
  where: LinkedPrefix,
  owner: DatasetEntry['addedBy'],
): Promise<{ entry: DatasetEntry } | { failure: string }> {
  const allowed = ctx.linkedExports?.allowed ?? [];
  if (!isAllowed(where, allowed)) {
    return { failure: `${linkedUri(where)} is no longer an S3 location I may read: ${allowedWords(allowed)}.` };
  }
  let object: LinkedObject | undefined;
  try {
    object = await newestExport(ctx, where);
    if (!object) return { failure: `There is no CSV or Excel file under ${linkedUri(where)}.` };
    return { entry: await linkedDataset(ctx, object, owner) };
  } catch (error) {
    if (error instanceof LinkedExportError && error.code !== 'LINKED_UNREACHABLE') return { failure: error.message };
    if (error instanceof WorkerError && object) {
      return { failure: `I couldn’t read ${linkedUri(object)}: ${error.message}` };
    }
    throw error;
  }
}

/**
 * `digest … from s3://bucket/prefix`: the location checked against the allowed ones (a refusal names
 * them) and its newest file read now, so the question is planned on the export's own columns.
 */
export async function linkedSubscription(
  ctx: JobContext,
  typed: string,
  owner: DatasetEntry['addedBy'],
): Promise<{ where: LinkedPrefix; entry: DatasetEntry }> {
  const where = parseLinkedUri(typed);
  if (!where) {
    throw new JobError(
      'DIGEST_REFUSED',
      `“${typed}” is not an S3 location I can read; write it as s3://bucket/prefix/.`,
    );
  }
  const allowed = ctx.linkedExports?.allowed ?? [];
  if (!isAllowed(where, allowed)) {
    throw new JobError('DIGEST_REFUSED', `I may not read ${linkedUri(where)}: ${allowedWords(allowed)}.`);
  }
  const found = await linkedDigestData(ctx, where, owner);
  if ('failure' in found) throw new JobError('DIGEST_REFUSED', found.failure);
  return { where, entry: found.entry };
}
