import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { utf16Order } from './file-sniff';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | string;

/**
 * Decides a text file's encoding from its first megabyte: a byte-order mark,
 * UTF-16's zero bytes, or valid UTF-8 (a multi-byte character cut by the end of
 * the block is allowed). Anything else is given to chardet; the Latin-1 family
 * is read as Windows-1252, its superset, so 0x80 is €. A file that is UTF-8 at
 * the start but not further on is caught by DuckDB's reader, which checks every
 * byte (see `FALLBACK_ENCODING`).
 */
export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  const utf16 = utf16Order(head);
  if (utf16) return utf16;
  if (isUtf8(head.subarray(0, completeUtf8Prefix(head)))) return 'utf-8';
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
