import { open } from 'node:fs/promises';

const CHUNK = 1024 * 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The 1-based physical line of each byte offset in a file, counting LF, CRLF and a lone CR as one line break.
 * DuckDB numbers the rows it rejects by record, so a quoted cell with a line break above a bad row would put
 * the person on the wrong line; its byte positions are physical. Reads the file up to the last offset.
 */
export async function physicalLines(path: string, offsets: readonly number[]): Promise<number[]> {
  const order = offsets.map((offset, i) => ({ offset, i })).sort((a, b) => a.offset - b.offset);
  const lines: number[] = new Array<number>(offsets.length).fill(1);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let breaks = 0;
    let start = 0;
    // A CR ending the previous chunk: an LF opening this one is part of its break.
    let crBefore = false;
    let next = 0;
    while (next < order.length) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, start);
      if (bytesRead === 0) break;
      const end = start + bytesRead;
      let counted = 0;
      const countTo = (limit: number) => {
        for (let i = counted; i < limit; i++) {
          const byte = buffer[i];
          if (byte === LF) {
            if (!(i === 0 ? crBefore : buffer[i - 1] === CR)) breaks++;
          } else if (byte === CR) breaks++;
        }
        counted = limit;
      };
      for (; next < order.length && (order[next]?.offset ?? 0) < end; next++) {
        const { offset, i } = order[next] as { offset: number; i: number };
        countTo(Math.max(0, offset - start));
        lines[i] = breaks + 1;
      }
      countTo(bytesRead);
      crBefore = buffer[bytesRead - 1] === CR;
      start = end;
    }
    return lines;
  } finally {
    await file.close();
  }
}
