import type { Scope } from './job';

/**
 * Every stored object's key starts with its tenant and channel. Segments are
 * checked, so no id that reaches a key can climb out of its scope.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class StorageKeyError extends Error {
  readonly code = 'STORAGE_KEY_INVALID';
}

function segment(value: string, what: string): string {
  if (!SEGMENT.test(value) || value.includes('..')) throw new StorageKeyError(`Invalid ${what} in a storage key.`);
  return value;
}

function scoped(scope: Scope): string {
  return `${segment(scope.tenant, 'tenant')}/${segment(scope.channel, 'channel')}`;
}

export const storageKeys = {
  /** Every dataset of one channel, for listing. */
  datasets: (scope: Scope) => `datasets/${scoped(scope)}/`,
  datasetData: (scope: Scope, datasetId: string) =>
    `datasets/${scoped(scope)}/${segment(datasetId, 'dataset id')}/data.parquet`,
  datasetMeta: (scope: Scope, datasetId: string) =>
    `datasets/${scoped(scope)}/${segment(datasetId, 'dataset id')}/meta.json`,
  thread: (scope: Scope, thread: string) => `threads/${scoped(scope)}/${segment(thread, 'thread')}.json`,
  chart: (scope: Scope, jobId: string) => `charts/${scoped(scope)}/${segment(jobId, 'job id')}.png`,
  /** The original upload, kept for a short time so a failed ingest can be retried without Slack. */
  upload: (scope: Scope, jobId: string) => `uploads/${scoped(scope)}/${segment(jobId, 'job id')}`,
  /** What a job has already done, so a retried job does not post twice. */
  jobLedger: (scope: Scope, jobId: string) => `jobs/${scoped(scope)}/${segment(jobId, 'job id')}.json`,
  /** Where the bot may post unprompted (a Teams conversation reference), for digests. */
  conversation: (scope: Scope) => `conversations/${scoped(scope)}.json`,
  /** A job the queue gave up on after its last receive, as the dead-letter consumer found it. */
  deadLetter: (scope: Scope, jobId: string) => `dead-letters/${scoped(scope)}/${segment(jobId, 'job id')}.json`,
  digest: (tenant: string, id: string) => `digests/${segment(tenant, 'tenant')}/${segment(id, 'digest id')}.json`,
};
