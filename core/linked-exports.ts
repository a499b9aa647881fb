import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';

/** `s3://bucket/prefix`: where an operator's export lands (a nightly CSV, say). */
export interface LinkedPrefix {
  bucket: string;
  /** A key prefix, or one object's whole key. */
  prefix: string;
}

/** One object under a linked prefix. */
export interface LinkedObject {
  bucket: string;
  key: string;
  lastModified: Date;
  size: number;
}

/** Why a linked prefix could not be read, in words an operator can act on. */
export class LinkedExportError extends Error {
  constructor(
    readonly code: 'LINKED_NOT_ALLOWED' | 'LINKED_DENIED' | 'LINKED_UNREACHABLE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/([^*?\s]+)$/;

/** Reads `s3://bucket/prefix` (a prefix is required: a whole bucket is never linked); `undefined` otherwise. */
export function parseLinkedUri(uri: string): LinkedPrefix | undefined {
  const match = URI.exec(uri.trim());
  return match ? { bucket: match[1]!, prefix: match[2]! } : undefined;
}

export function linkedUri(where: { bucket: string; prefix?: string; key?: string }): string {
  return `s3://${where.bucket}/${where.key ?? where.prefix ?? ''}`;
}

/** Whether `wanted` lies inside one of the `allowed` prefixes (the same bucket, a key starting with it). */
export function isAllowed(wanted: LinkedPrefix, allowed: readonly LinkedPrefix[]): boolean {
  return allowed.some((prefix) => prefix.bucket === wanted.bucket && wanted.prefix.startsWith(prefix.prefix));
}

/**
 * The operators' linked exports, as digests read them: the newest object under a prefix, and its
 * bytes. Only prefixes inside the deployment's allowed list are read (the worker's IAM allows no
 * others either), so a typed prefix can never reach the bot's own bucket.
 */
export interface LinkedExports {
  readonly allowed: readonly LinkedPrefix[];
  /** The most recently written object under `where` whose key `wanted` accepts; `undefined` when there is none. */
  newest(where: LinkedPrefix, wanted: (key: string) => boolean): Promise<LinkedObject | undefined>;
  open(object: LinkedObject, signal?: AbortSignal): Promise<Readable>;
}

/** Pages of a listing read at most: 100,000 objects, far past any export folder, bounds a run. */
const MAX_PAGES = 100;

export class S3LinkedExports implements LinkedExports {
  constructor(
    readonly allowed: readonly LinkedPrefix[],
    private readonly client: S3Client = new S3Client({}),
  ) {}

  async newest(where: LinkedPrefix, wanted: (key: string) => boolean): Promise<LinkedObject | undefined> {
    this.check(where);
    let newest: LinkedObject | undefined;
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const listed = await this.send(where, () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: where.bucket, Prefix: where.prefix, ContinuationToken: token }),
        ),
      );
      for (const object of listed.Contents ?? []) {
        const { Key: key, LastModified: lastModified, Size: size = 0 } = object;
        if (!key || !lastModified || key.endsWith('/') || size === 0 || !wanted(key)) continue;
        // Equal times (one export writing two files in a second) go to the later key, so the choice is stable.
        if (
          !newest ||
          lastModified > newest.lastModified ||
          (+lastModified === +newest.lastModified && key > newest.key)
        ) {
          newest = { bucket: where.bucket, key, lastModified, size };
        }
      }
      token = listed.NextContinuationToken;
      if (!listed.IsTruncated || !token) break;
    }
    return newest;
  }

  async open(object: LinkedObject, signal?: AbortSignal): Promise<Readable> {
    this.check({ bucket: object.bucket, prefix: object.key });
    const got = await this.send(object, () =>
      this.client.send(new GetObjectCommand({ Bucket: object.bucket, Key: object.key }), { abortSignal: signal }),
    );
    if (!got.Body) throw new LinkedExportError('LINKED_UNREACHABLE', `${linkedUri(object)} came back empty.`);
    return got.Body as Readable;
  }

  private check(where: LinkedPrefix): void {
    if (!isAllowed(where, this.allowed)) {
      throw new LinkedExportError('LINKED_NOT_ALLOWED', `${linkedUri(where)} is not among the linked prefixes.`);
    }
  }

  private async send<T>(where: { bucket: string; prefix?: string; key?: string }, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
      if (status === 403 || status === 404) {
        throw new LinkedExportError(
          'LINKED_DENIED',
          `S3 refused to let me read ${linkedUri(where)} (${status === 404 ? 'no such bucket or object' : 'access denied'}).`,
          { cause: error },
        );
      }
      throw new LinkedExportError('LINKED_UNREACHABLE', `S3 could not be reached for ${linkedUri(where)}.`, {
        cause: error,
      });
    }
  }
}
