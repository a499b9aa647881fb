import { mkdtemp, rm, utimes } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export const TEST_BUCKET = 'bot-test-bucket';

export interface LocalS3 {
  endpoint: string;
  /** Sets when an object was last written, as S3 reports it (s3rver reads its file's mtime): an export of a given age. */
  writtenAt(bucket: string, key: string, when: Date): Promise<void>;
  /** A client for the server, path-style as s3rver needs. */
  client(): S3Client;
  stop(): Promise<void>;
}

/**
 * A client for s3rver, path-style as it needs. s3rver does not decode the
 * aws-chunked bodies the SDK sends for streamed uploads with its default CRC
 * checksums; real S3 does, so only test clients turn them off.
 */
export function s3rverClient(endpoint: string, options: { maxAttempts?: number } = {}): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    ...options,
  });
}

/** s3rver on a loopback port with an empty bucket, its files in a fresh temp folder. */
export async function startS3(bucket = TEST_BUCKET): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    writtenAt: async (bucket, key, when) => {
      const parts = key.split('/');
      const file = `${parts.pop()}._S3rver_object`;
      await utimes(path.join(directory, bucket, ...parts, file), when, when);
    },
    client: () => s3rverClient(endpoint),
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
