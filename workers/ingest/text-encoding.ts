import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';
import { utf16Order } from './file-sniff';

/**
 * iconv-lite and chardet, loaded only for a file that is not plain UTF-8: iconv's code tables take
 * tens of milliseconds to load, and nearly every file is UTF-8.
 */
async function legacyCodecs() {
  const [{ default: iconv }, { default: chardet }] = await Promise.all([import('iconv-lite'), import('chardet')]);
  return { iconv, chardet };
}

/** `utf-8-mixed`: UTF-8 with some lines in Windows-1252, decoded byte by byte (see `repairUtf8`). */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-8-mixed' | 'utf-16le' | 'utf-16be' | string;

/**
 * Decides a text file's encoding from its first megabyte: a byte-order mark,
 * UTF-16's zero bytes, or valid UTF-8 (a multi-byte character cut by the end of
 * the block is allowed). Anything else is given to chardet; the Latin-1 family
 * is read as Windows-1252, its superset, so 0x80 is €. A file that is UTF-8 at
 * the start but not further on is caught by DuckDB's reader, which checks every
 * byte (see `FALLBACK_ENCODING`).
 */
export async function detectEncoding(head: Buffer): Promise<TextEncoding> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  const utf16 = utf16Order(head);
  if (utf16) return utf16;
  const complete = head.subarray(0, completeUtf8Prefix(head));
  if (isUtf8(complete)) return 'utf-8';
  if (hasUtf8Lines(complete)) return 'utf-8-mixed';
  const { iconv, chardet } = await legacyCodecs();
  const guess = chardet.detect(head)?.toLowerCase() ?? FALLBACK_ENCODING;
  if (guess.startsWith('iso-8859-1') || guess.startsWith('windows-125') || guess.startsWith('utf')) {
    return FALLBACK_ENCODING;
  }
  return iconv.encodingExists(guess) ? guess : FALLBACK_ENCODING;
}

/** What a file that is not valid UTF-8 is read as when nothing says otherwise: Western European Windows. */
export const FALLBACK_ENCODING = 'windows-1252';

/** Length of the block without a trailing, possibly incomplete, multi-byte sequence. */
function completeUtf8Prefix(block: Buffer): number {
  for (let back = 1; back <= Math.min(3, block.length); back++) {
    const byte = block[block.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) return block.length - back;
    break;
  }
  return block.length;
}

/** Writes a UTF-8 copy of a file in another encoding, streaming, for DuckDB's reader. */
export async function transcodeToUtf8(path: string, encoding: TextEncoding, target: string): Promise<void> {
  const { iconv } = await legacyCodecs();
  await pipeline(
    createReadStream(path),
    iconv.decodeStream(encoding, { stripBOM: true }),
    iconv.encodeStream('utf-8'),
    createWriteStream(target),
  );
}

/** Decodes a block of bytes for sniffing; a character cut at the end comes out as U+FFFD and is ignored. */
export async function decodeSample(block: Buffer, encoding: TextEncoding): Promise<string> {
  if (encoding === 'utf-8-mixed') return repairLines(block, await windows1252(), () => undefined).toString('utf8');
  // A byte-order mark is dropped, as iconv-lite's `stripBOM` does for the other encodings.
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return new TextDecoder('utf-8').decode(block);
  const { iconv } = await legacyCodecs();
  return iconv.decode(block, encoding, { stripBOM: true });
}

/**
 * Whether a block that is not valid UTF-8 still has lines of valid UTF-8 with
 * non-ASCII characters in them ("Café"): then it is a UTF-8 file with a few
 * lines from elsewhere, not a file in a legacy encoding, whose accented lines
 * are almost never valid UTF-8 by chance.
 */
function hasUtf8Lines(block: Buffer): boolean {
  for (let start = 0; start < block.length;) {
    const end = lineEnd(block, start);
    const line = block.subarray(start, end);
    if (line.some((byte) => byte >= 0x80) && isUtf8(line)) return true;
    start = end + 1;
  }
  return false;
}

function lineEnd(block: Buffer, start: number): number {
  const end = block.indexOf(0x0a, start);
  return end < 0 ? block.length : end;
}

/** Each byte 0x80–0xFF as Windows-1252 reads it, in UTF-8, indexed from 0x80. */
type HighBytes = Buffer[];

async function windows1252(): Promise<HighBytes> {
  const { iconv } = await legacyCodecs();
  return Array.from({ length: 128 }, (_, i) =>
    Buffer.from(iconv.decode(Buffer.from([0x80 + i]), FALLBACK_ENCODING), 'utf8'),
  );
}

/** Length of the valid UTF-8 sequence at `at`, or 0 when the byte there does not start one. */
function sequenceAt(bytes: Buffer, at: number): number {
  const lead = bytes[at] as number;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || at + length > bytes.length) return 0;
  return isUtf8(bytes.subarray(at, at + length)) ? length : 0;
}

/** One line with its valid UTF-8 kept and every other byte read as Windows-1252. */
function repairLine(line: Buffer, high: HighBytes): Buffer {
  const parts: Buffer[] = [];
  let copied = 0;
  for (let at = 0; at < line.length;) {
    if ((line[at] as number) < 0x80) {
      at++;
      continue;
    }
    const length = sequenceAt(line, at);
    if (length > 0) {
      at += length;
      continue;
    }
    parts.push(line.subarray(copied, at), high[(line[at] as number) - 0x80] as Buffer);
    at++;
    copied = at;
  }
  parts.push(line.subarray(copied));
  return Buffer.concat(parts);
}

/** A block with its invalid lines repaired; `repaired` hears the 0-based index of each, counted from the block's start. */
function repairLines(block: Buffer, high: HighBytes, repaired: (index: number) => void): Buffer {
  if (isUtf8(block)) return block;
  const parts: Buffer[] = [];
  let index = 0;
  for (let start = 0; start < block.length; index++) {
    const end = Math.min(lineEnd(block, start) + 1, block.length);
    const line = block.subarray(start, end);
    if (isUtf8(line)) parts.push(line);
    else {
      parts.push(repairLine(line, high));
      repaired(index);
    }
    start = end;
  }
  return Buffer.concat(parts);
}

/** Lines of a file that were not valid UTF-8: the first few (1-based) and how many in all. */
export interface RepairedLines {
  lines: number[];
  count: number;
}

const LISTED_LINES = 5;

/**
 * Writes a UTF-8 copy of a UTF-8 file that has some lines in Windows-1252 (a
 * row pasted from an old system): valid UTF-8 stays as it is, so "Café" stays
 * "Café", and only the bytes that are not UTF-8 are read as Windows-1252.
 * Returns the lines that needed it.
 */
export async function repairUtf8(path: string, target: string): Promise<RepairedLines> {
  const found: RepairedLines = { lines: [], count: 0 };
  const high = await windows1252();
  const output = createWriteStream(target);
  let carry = Buffer.alloc(0);
  let line = 1;
  const write = (block: Buffer) => {
    const repaired = repairLines(block, high, (index) => {
      found.count++;
      if (found.lines.length < LISTED_LINES) found.lines.push(line + index);
    });
    line += countNewlines(block);
    return output.write(repaired);
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = bytes.lastIndexOf(0x0a) + 1;
      carry = Buffer.from(bytes.subarray(cut));
      if (cut > 0 && !write(bytes.subarray(0, cut))) await once(output, 'drain');
    }
    if (carry.length > 0) write(carry);
  } finally {
    output.end();
    await finished(output);
  }
  return found;
}

function countNewlines(block: Buffer): number {
  let count = 0;
  for (let at = block.indexOf(0x0a); at >= 0; at = block.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** "line 102", "lines 102 and 340", "lines 102, 340, 512 and 3 more". */
export function describeLines({ lines, count }: RepairedLines): string {
  if (count === 1) return `line ${(lines[0] ?? 0).toLocaleString('en-US')}`;
  const listed = lines.map((line) => line.toLocaleString('en-US'));
  if (count === listed.length) return `lines ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  return `lines ${listed.join(', ')} and ${(count - listed.length).toLocaleString('en-US')} more`;
}
