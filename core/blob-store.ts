/** One stored object as a listing shows it. */
export interface BlobEntry {
  key: string;
  size: number;
  modified: Date;
}

/**
 * Where datasets, thread state and charts live: S3 in AWS, a folder locally.
 * Keys come from `storageKeys`, which scopes them by tenant and channel.
 */
export interface BlobStore {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** Streams a local file up, for Parquet files and uploads that should not sit in memory. */
  putFile(key: string, path: string, contentType: string): Promise<void>;
  /** `undefined` when there is no such object. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Streams an object down to a local file; false when there is no such object. */
  getFile(key: string, path: string): Promise<boolean>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<BlobEntry[]>;
  delete(key: string): Promise<void>;
}

/** A store that could not be reached or refused a request; the job fails and is retried. */
export class BlobStoreError extends Error {
  readonly code = 'BLOB_STORE_FAILED';
}
