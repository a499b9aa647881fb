import { open, type FileHandle } from 'node:fs/promises';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 20;

/** What lies past the rows too long to sniff: the text that follows, and the rows skipped to reach it. */
export interface PastLongRows {
  /** The text from the first row that is not too long, through `bytes` more, cut at a line end; '' if none is. */
  text: string;
  /** The skipped rows: the 1-based line each starts on and its length in bytes. */
  skipped: { line: number; bytes: number }[];
}

/**
 * Reads past data rows longer than the sniffer's window in a UTF-8 CSV: from
 * the physical line `startLine` (0-based, the first data row), skips each row
 * longer than `maxRowBytes`, honouring quotes (a quoted cell may hold
 * newlines), up to a row that fits, and returns the text from there. DuckDB
 * reads the same file and reports the skipped rows as unreadable; without this
 * the sniffer would see a header and no rows, and say the file has none.
 */
export async function readPastLongRows(
  path: string,
  options: { startLine: number; maxRowBytes: number; bytes: number },
): Promise<PastLongRows> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    let offset = await lineOffset(handle, options.startLine);
    let line = options.startLine + 1;
    const skipped: PastLongRows['skipped'] = [];
    while (offset < size) {
      const row = await recordFrom(handle, offset);
      if (row.end - offset <= options.maxRowBytes) {
        const block = await readAt(handle, offset, row.end - offset + options.bytes);
        return { text: completeText(block, offset + block.length < size), skipped };
      }
      skipped.push({ line, bytes: row.end - offset });
      line += row.lines;
      offset = row.end;
    }
    return { text: '', skipped };
  } finally {
    await handle.close();
  }
}

/** The byte offset of physical line `line` (0-based). */
async function lineOffset(handle: FileHandle, line: number): Promise<number> {
  let offset = 0;
  let seen = 0;
  while (seen < line) {
    const chunk = await readAt(handle, offset, CHUNK_BYTES);
    if (chunk.length === 0) return offset;
    let at = chunk.indexOf(NEWLINE);
    while (at >= 0 && seen < line) {
      seen++;
      if (seen === line) return offset + at + 1;
      at = chunk.indexOf(NEWLINE, at + 1);
    }
    offset += chunk.length;
  }
  return offset;
}

/**
 * Where the record starting at `offset` ends (past its newline, or at the
 * file's end) and how many physical lines it spans; read a chunk at a time,
 * jumping from quote to newline, so a long cell is not walked byte by byte.
 */
async function recordFrom(handle: FileHandle, offset: number): Promise<{ end: number; lines: number }> {
  let quoted = false;
  let lines = 1;
  let at = offset;
  for (;;) {
    const chunk = await readAt(handle, at, CHUNK_BYTES);
    if (chunk.length === 0) return { end: at, lines };
    let i = 0;
    while (i < chunk.length) {
      const quote = chunk.indexOf(QUOTE, i);
      if (quoted) {
        const upTo = quote < 0 ? chunk.length : quote;
        for (let n = chunk.indexOf(NEWLINE, i); n >= 0 && n < upTo; n = chunk.indexOf(NEWLINE, n + 1)) lines++;
      } else {
        const newline = chunk.indexOf(NEWLINE, i);
        if (newline >= 0 && (quote < 0 || newline < quote)) return { end: at + newline + 1, lines };
      }
      if (quote < 0) break;
      quoted = !quoted;
      i = quote + 1;
    }
    at += chunk.length;
  }
}

async function readAt(handle: FileHandle, offset: number, bytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(bytes);
  const { bytesRead } = await handle.read(buffer, 0, bytes, offset);
  return buffer.subarray(0, bytesRead);
}

/** The block as text, without a last line cut by its end. */
function completeText(block: Buffer, truncated: boolean): string {
  const text = block.toString('utf8');
  if (!truncated) return text;
  const end = text.lastIndexOf('\n');
  return end > 0 ? text.slice(0, end + 1) : text;
}
