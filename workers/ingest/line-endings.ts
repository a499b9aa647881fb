import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Whether a UTF-8 file ends some lines in CRLF and others in a bare LF (a
 * report whose title line was added by another program, or two exports pasted
 * together). DuckDB's reader takes one line ending from the start of the file
 * and reads the others wrong, so such a file is read from a copy with LF only.
 * The whole file is checked: the two kinds can meet anywhere.
 */
export async function hasMixedLineEndings(path: string): Promise<boolean> {
  let crlf = false;
  let lf = false;
  let previous = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) {
      const before = at > 0 ? chunk[at - 1] : previous;
      if (before === CR) crlf = true;
      else lf = true;
      if (crlf && lf) return true;
    }
    previous = chunk[chunk.length - 1] ?? previous;
  }
  return false;
}

/** Writes a copy of a file with every CRLF as LF, streaming; CRs elsewhere are kept. */
export async function normaliseLineEndings(path: string, target: string): Promise<void> {
  let heldCr = false;
  const toLf = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let text = (heldCr ? '\r' : '') + chunk.toString('latin1');
      // A CR at the end of a chunk may be the first half of a CRLF split across two chunks.
      heldCr = text.endsWith('\r');
      if (heldCr) text = text.slice(0, -1);
      done(null, Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'));
    },
    flush(done) {
      done(null, heldCr ? Buffer.from('\r', 'latin1') : null);
    },
  });
  await pipeline(createReadStream(path), toLf, createWriteStream(target));
}

/** A decoded sample with its CRLFs as LF, for sniffing a file that is read from such a copy. */
export function crlfToLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
