import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/** Blocks big enough that a file of tens of megabytes is read in a few calls, not a thousand. */
const BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Whether a UTF-8 file ends some lines in CRLF and others in a bare LF (a
 * report whose title line was added by another program, or two exports pasted
 * together). DuckDB's reader takes one line ending from the start of the file
 * and reads the others wrong, so such a file is read from a copy with LF only.
 * The whole file is checked: the two kinds can meet anywhere. Each block is
 * searched natively for CRLF; bare LFs are looked for one LF at a time only
 * until one is found, so an LF file costs a search and a CRLF file a walk.
 */
export async function hasMixedLineEndings(path: string): Promise<boolean> {
  let crlf = false;
  let lf = false;
  let previous = 0;
  const file = await open(path);
  try {
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(block, 0, BLOCK_BYTES);
      if (bytesRead === 0) return false;
      const chunk = block.subarray(0, bytesRead);
      crlf ||= (previous === CR && chunk[0] === LF) || chunk.includes(CRLF);
      lf ||= hasBareLf(chunk, previous);
      if (crlf && lf) return true;
      previous = chunk[bytesRead - 1] as number;
    }
  } finally {
    await file.close();
  }
}

/** Whether a block holds an LF without a CR before it; `previous` is the byte before the block. */
function hasBareLf(chunk: Buffer, previous: number): boolean {
  for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) {
    if ((at > 0 ? chunk[at - 1] : previous) !== CR) return true;
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
