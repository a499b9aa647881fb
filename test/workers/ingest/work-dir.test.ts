import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureFile, load } from '../../support/ingest';

// Copies of a file (transcoded, or with one line ending) are written under the system's temporary
// directory: a warm worker reads many files, so none may be left there, whatever became of the read.
let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'work-dir-'));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the copies a file is read from', () => {
  it('are removed after a Windows-1252 file is read from its UTF-8 copy', async () => {
    const loaded = await load(fixtureFile('cafe.csv', Buffer.from('name,amount\nCaf\xe9,3\nTh\xe9,4\n', 'latin1')), {
      tmpDir: scratch,
    });
    expect(await loaded.rows('SELECT name FROM dataset ORDER BY amount')).toEqual([{ name: 'Café' }, { name: 'Thé' }]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('are removed after a file with both line endings is read from its LF copy', async () => {
    const loaded = await load(fixtureFile('mixed.csv', 'name,amount\r\na,1\r\nb,2\nc,3\r\n'), { tmpDir: scratch });
    expect(await loaded.rows('SELECT sum(amount) AS total FROM dataset')).toEqual([{ total: 6n }]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('are removed when the copy turns out unreadable', async () => {
    const path = fixtureFile('ragged.csv', Buffer.from(`name,amount\nCaf\xe9,3\n"open,4\n`, 'latin1'));
    await load(path, { tmpDir: scratch }).catch(() => undefined);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
