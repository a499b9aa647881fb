import { open, type FileHandle } from 'node:fs/promises';
import { WorkerError } from '../errors';

const CHUNK = 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where a quote that opens a field ends, read from the file's bytes. */
export interface QuoteSpan {
  /** 1-based physical line the quote is on. */
  line: number;
  /** 1-based physical line of the closing quote, or null when the quote never closes. */
  closeLine: number | null;
  /** Lines after the quote's own line, up to its closing quote (or the end of the file), that hold any text. */
  swallowed: number;
  /** The text around the quote on its line, cut with "…". */
  excerpt: string;
}

/**
 * Follows a quote at byte `at` the way a CSV reader does (a doubled quote is a quote inside the field, any other
 * closes it), counting line breaks (LF, CRLF or a lone CR) before it and inside it. DuckDB reports such a
 * quote's byte position reliably but numbers records, not lines, and its parallel reader can show the line
 * before; so the line and excerpt come from here. Reads the file once, up to the closing quote. Null when
 * there is no quote at `at`.
 */
export async function followQuote(path: string, at: number): Promise<QuoteSpan | null> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let line = 1;
    let lineStart = 0;
    // Inside the field: line breaks passed, lines with text, whether the last byte was a quote.
    let breaks = 0;
    let swallowed = 0;
    let atLineStart = false;
    let quoteSeen = false;
    let closed = false;
    let previous = -1;
    let offset = 0;
    scan: for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, offset);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const byte = buffer[i] as number;
        const position = offset + i;
        const isBreak = byte === LF ? previous !== CR : byte === CR;
        previous = byte;
        if (position < at) {
          if (isBreak) line++;
          if (byte === LF || byte === CR) lineStart = position + 1;
          continue;
        }
        if (position === at) {
          if (byte !== QUOTE) return null;
          continue;
        }
        if (quoteSeen && byte !== QUOTE) {
          closed = true;
          break scan;
        }
        if (byte === QUOTE) quoteSeen = !quoteSeen;
        if (isBreak) {
          breaks++;
          atLineStart = true;
        } else if (atLineStart && byte !== LF) {
          swallowed++;
          atLineStart = false;
        }
      }
      offset += bytesRead;
    }
    const closeLine = closed || quoteSeen ? line + breaks : null;
    return { line, closeLine, swallowed, excerpt: await excerptAt(file, lineStart, at) };
  } finally {
    await file.close();
  }
}

/** Up to 20 characters either side of the quote, within its line. */
async function excerptAt(file: FileHandle, lineStart: number, at: number): Promise<string> {
  const from = Math.max(lineStart, at - 80);
  const buffer = Buffer.alloc(at - from + 80);
  const { bytesRead } = await file.read(buffer, 0, buffer.length, from);
  // A window cut inside a character starts with a replacement character.
  const before = buffer
    .subarray(0, at - from)
    .toString('utf8')
    .replace(/^\uFFFD+/, '');
  const after =
    buffer
      .subarray(at - from, bytesRead)
      .toString('utf8')
      .split(/\r|\n/)[0] ?? '';
  const head = before.length > 20 || from > lineStart ? `…${before.slice(-20)}` : before;
  const tail = after.length > 21 ? `${after.slice(0, 21)}…` : after;
  return head + tail;
}

/** The refusal of a file whose quote spans other lines, since the reader takes those lines for one cell. */
export function unclosedQuoteError(span: QuoteSpan): WorkerError {
  const lines = `${span.swallowed.toLocaleString('en-US')} line${span.swallowed === 1 ? '' : 's'}`;
  const closing =
    span.closeLine === null
      ? `opens a quote that never closes (${span.excerpt}), so it and the ${lines} after it cannot be read`
      : `opens a quote that closes only on line ${span.closeLine.toLocaleString('en-US')} (${span.excerpt}), ` +
        `so it and the ${lines} up to there cannot be read`;
  return new WorkerError(
    'CSV_UNCLOSED_QUOTE',
    `Line ${span.line.toLocaleString('en-US')} ${closing}. Close or remove the quote and send the file again.`,
  );
}
