import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasMixedLineEndings } from '../../../workers/ingest/line-endings';

// The file is read in 4 MiB blocks: these files put the telling bytes on either side of a block's end.
const BLOCK = 4 * 1024 * 1024;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'line-endings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `fill` lines (each `line` then `ending`) up to exactly `bytes`, then `tail`. */
async function file(name: string, ending: string, bytes: number, tail: string): Promise<string> {
  const line = `${'x'.repeat(30 - ending.length)}${ending}`;
  const body = line.repeat(Math.floor(bytes / line.length));
  const padded = body + 'y'.repeat(bytes - body.length);
  const path = join(dir, name);
  await writeFile(path, padded + tail, 'latin1');
  return path;
}

describe('telling mixed line endings apart across the blocks a file is read in', () => {
  it('finds one CRLF whose CR ends a block and whose LF starts the next, in an LF file', async () => {
    expect(await hasMixedLineEndings(await file('split-crlf.csv', '\n', BLOCK - 1, '\r\nlast\n'))).toBe(true);
  });

  it('does not take a CRLF split across two blocks for a bare LF in a CRLF file', async () => {
    expect(await hasMixedLineEndings(await file('crlf.csv', '\r\n', BLOCK - 1, '\r\nlast\r\n'))).toBe(false);
  });

  it('finds a bare LF that starts a block after a CRLF block', async () => {
    expect(await hasMixedLineEndings(await file('late-lf.csv', '\r\n', BLOCK, '\nlast\r\n'))).toBe(true);
  });

  it('finds a CRLF far into an LF file, and none in a file of one kind', async () => {
    expect(await hasMixedLineEndings(await file('late-crlf.csv', '\n', 2 * BLOCK + 7, 'a\r\nb\n'))).toBe(true);
    expect(await hasMixedLineEndings(await file('lf.csv', '\n', 2 * BLOCK + 7, 'a\nb\n'))).toBe(false);
  });
});
