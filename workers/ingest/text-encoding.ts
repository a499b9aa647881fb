import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { utf16Order } from './file-sniff';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | string;

/**
 * Decides a text file's encoding from the whole file, not its first block: UTF-8
 * is accepted only if every byte sequence in the file is valid UTF-8 (checked in
 * chunks with Node's native validator). Anything else is given to chardet; the
 * Latin-1 family is read as Windows-1252, its superset, so 0x80 is €.
 */
export async function detectEncoding(path: string, head: Buffer): Promise<TextEncoding> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  const utf16 = utf16Order(head);
  if (utf16) return utf16;
  if (await isWholeFileUtf8(path)) return 'utf-8';
  const guess = chardet.detect(head)?.toLowerCase() ?? 'windows-1252';
  if (guess.startsWith('iso-8859-1') || guess.startsWith('windows-125') || guess.startsWith('utf')) {
    return 'windows-1252';
  }
  return iconv.encodingExists(guess) ? guess : 'windows-1252';
}

async function isWholeFileUtf8(path: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const block = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    // A multi-byte character may straddle the chunk boundary: hold back an incomplete tail.
    const cut = completeUtf8Prefix(block);
    if (!isUtf8(block.subarray(0, cut))) return false;
    carry = Buffer.from(block.subarray(cut));
  }
  return carry.length === 0 || isUtf8(carry);
}

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
  await pipeline(
    createReadStream(path),
    iconv.decodeStream(encoding, { stripBOM: true }),
    iconv.encodeStream('utf-8'),
    createWriteStream(target),
  );
}

/** Decodes a block of bytes for sniffing; a character cut at the end comes out as U+FFFD and is ignored. */
export function decodeSample(block: Buffer, encoding: TextEncoding): string {
  const name = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return iconv.decode(block, name, { stripBOM: true });
}
