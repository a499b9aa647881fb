import { open } from 'node:fs/promises';

/** The first `bytes` bytes of a file (fewer if it is shorter), for sniffing. */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Enough to sniff a file's kind, its encoding, and a CSV's dialect and sample. */
export const HEAD_BYTES = 1 << 20;
