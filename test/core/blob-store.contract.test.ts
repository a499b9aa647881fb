import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStore } from '../../core/blob-store';
import { FolderBlobStore } from '../../core/folder-blob-store';
import { S3BlobStore } from '../../core/s3-blob-store';
import { startS3, TEST_BUCKET, type LocalS3 } from '../support/s3rver';

// One contract, two adapters: what the worker relies on must hold locally and on S3.
describe.each([
  ['a folder on disk', 'folder'],
  ['S3 (s3rver)', 's3'],
] as const)('BlobStore on %s', (_name, kind) => {
  let s3: LocalS3 | undefined;
  let dir: string;
  let store: BlobStore;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'blob-contract-'));
    if (kind === 's3') {
      s3 = await startS3();
      store = new S3BlobStore(TEST_BUCKET, s3.client());
    } else {
      store = new FolderBlobStore(path.join(dir, 'store'));
    }
  });
  afterAll(async () => {
    await s3?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('returns what was put, byte for byte', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    await store.put('charts/T1/C1/j1.png', bytes, 'image/png');

    expect(Buffer.from((await store.get('charts/T1/C1/j1.png'))!)).toEqual(Buffer.from(bytes));
  });

  it('replaces an object put twice', async () => {
    await store.put('threads/T1/C1/1.json', '{"v":1}', 'application/json');
    await store.put('threads/T1/C1/1.json', '{"v":2}', 'application/json');

    expect(Buffer.from((await store.get('threads/T1/C1/1.json'))!).toString()).toBe('{"v":2}');
  });

  it('answers undefined and false for a key that does not exist', async () => {
    expect(await store.get('datasets/T1/C1/none/meta.json')).toBeUndefined();
    expect(await store.getFile('datasets/T1/C1/none/data.parquet', path.join(dir, 'none'))).toBe(false);
  });

  it('streams files up and down', async () => {
    const source = path.join(dir, 'upload.bin');
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    await writeFile(source, bytes);

    await store.putFile('datasets/T1/C2/d1/data.parquet', source, 'application/vnd.apache.parquet');
    const target = path.join(dir, 'download.bin');

    expect(await store.getFile('datasets/T1/C2/d1/data.parquet', target)).toBe(true);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('lists by prefix, in key order, without the neighbours', async () => {
    await store.put('datasets/T9/C1/b/meta.json', '{}', 'application/json');
    await store.put('datasets/T9/C1/a/meta.json', '{}', 'application/json');
    await store.put('datasets/T9/C10/a/meta.json', '{}', 'application/json');

    const keys = (await store.list('datasets/T9/C1/')).map((entry) => entry.key);

    expect(keys).toEqual(['datasets/T9/C1/a/meta.json', 'datasets/T9/C1/b/meta.json']);
  });

  it('lists sizes and modification times', async () => {
    await store.put('charts/T5/C5/j5.png', 'abcd', 'image/png');

    const [entry] = await store.list('charts/T5/C5/');

    expect(entry?.size).toBe(4);
    expect(Math.abs(Date.now() - entry!.modified.getTime())).toBeLessThan(60_000);
  });

  it('deletes, and deleting what is gone is not an error', async () => {
    await store.put('jobs/T1/C1/j2.json', '{}', 'application/json');
    await store.delete('jobs/T1/C1/j2.json');
    await store.delete('jobs/T1/C1/j2.json');

    expect(await store.get('jobs/T1/C1/j2.json')).toBeUndefined();
  });
});

describe('FolderBlobStore', () => {
  it('refuses a key that climbs out of its folder', async () => {
    const store = new FolderBlobStore(path.join(os.tmpdir(), 'blob-escape'));
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/escapes the store/);
  });
});

describe('S3BlobStore', () => {
  it('reports an unreachable S3 as a storage error, not a missing object', async () => {
    const s3 = await startS3();
    const client = s3.client();
    await s3.stop();
    const store = new S3BlobStore(TEST_BUCKET, client);

    await expect(store.get('datasets/T1/C1/d/meta.json')).rejects.toMatchObject({ code: 'BLOB_STORE_FAILED' });
  });
});
