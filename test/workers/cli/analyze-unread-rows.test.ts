import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';
import { unquotedThousands } from '../../support/unquoted-thousands';

// Found by the new-user trial: "Total amount was 1M across 2,050 rows" with no word of the 950 rows set aside;
// only the overview, without a question, listed them.
describe('an answer about a file with rows that could not be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-unread-'));
  const file = unquotedThousands();
  const path = fixtureFile('unquoted-thousands.csv', file.text);
  // The first amount written with a comma is 1,000, on row 1,000 of data: line 1,001 after the header.
  const sentence =
    `${file.unreadable.toLocaleString('en-US')} rows of the file could not be read ` +
    '(e.g. line 1,001: 3 fields where the header has 2) and are not in this answer.';

  it('says how many rows are missing from the answer, with the first one’s line, in the text', async () => {
    const run = await runCli([path, 'total amount', '--out', join(dir, 'total.png')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      `Total amount was ${Math.round(file.readableSum / 1000)}K across ${file.readable.toLocaleString('en-US')} rows.`,
    );
    expect(run.stdout.split('\n')).toContain(sentence);
  });

  it('says it in the JSON answer too', async () => {
    const run = await runCli([path, 'total amount', '--json', '--out', join(dir, 'total.png')]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { unread?: string; result: { rows: number[][] } };
    expect(answer.unread).toBe(sentence);
    expect(answer.result.rows).toEqual([[file.readableSum]]);
  });

  it('says nothing of the kind when every row was read', async () => {
    const whole = fixtureFile('whole.csv', 'region,amount\nr1,5\nr2,7\n');
    const run = await runCli([whole, 'total amount', '--json', '--out', join(dir, 'whole.png')]);
    expect(JSON.parse(run.stdout)).not.toHaveProperty('unread');
    const text = await runCli([whole, 'total amount', '--out', join(dir, 'whole.png')]);
    expect(text.stdout).not.toMatch(/could not be read/);
  });

  it('names a single row over 16 MB that was set aside', async () => {
    const huge = `"${'x'.repeat(8 * 1024 * 1024)}\n${'y'.repeat(9 * 1024 * 1024)}"`;
    const after = Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'East' : 'West'},${i}`).join('\n');
    const hugeFile = fixtureFile('huge-row.csv', `Note,Sales\n${huge},1000\n${after}\n`);
    const run = await runCli([hugeFile, 'total sales', '--out', join(dir, 'huge.png')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`Total Sales were ${(39 * 40) / 2} across 40 rows.`);
    expect(run.stdout.split('\n')).toContain(
      '1 row of the file could not be read (line 2: a line longer than 16 MB) and is not in this answer.',
    );
  });
});
