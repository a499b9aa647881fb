import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';

const bad = (name: string) => join(__dirname, '..', '..', 'fixtures', 'bad', name);

/** One line, no stack frames, no library internals. */
function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
}

describe('bad input gets one clear line and a non-zero exit', () => {
  it.each([
    ['empty.csv', /^The file is empty: it has no header and no rows\.$/],
    ['blank-lines.csv', /^The file is empty: it has no header and no rows\.$/],
    ['header-only.csv', /^The file has a header \("region", "sales", "date"\) but no rows of data\.$/],
    ['chart-image.csv', /^The file is not a table: it is a PNG image\. Send a CSV, TSV or XLSX file\.$/],
    ['random-bytes.csv', /^The file is not a table: it holds binary data, not text\. Send a CSV, TSV or XLSX file\.$/],
    [
      'password-protected.xlsx',
      /^The workbook is password-protected\. Remove the password in Excel and send it again\.$/,
    ],
    ['legacy.xls', /^This is an old-style \.xls workbook\. Save it as \.xlsx or CSV and send it again\.$/],
    ['corrupt.xlsx', /(corrupt|damaged|cannot be read|not a valid)/i],
    ['truncated.xlsx', /(corrupt|damaged|truncated|cannot be read|incomplete)/i],
    ['not-a-workbook.xlsx', /(not an Excel workbook|not a workbook|no workbook)/i],
  ])('%s', async (name, message) => {
    const run = await runCli([bad(name)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(message);
    expectOneLine(run.stderr);
  });

  it('refuses a zip bomb before inflating it in full', async () => {
    const before = process.memoryUsage().rss;
    const run = await runCli([bad('zip-bomb.xlsx')], { MAX_UNZIPPED_MB: '50' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/too large|inflate|zip bomb|unpack/i);
    expectOneLine(run.stderr);
    // The sheet inflates to 120 MB; refusing early keeps memory far below that.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a file over the size limit, naming both sizes', async () => {
    const path = fixtureFile('big.csv', `a,b\n${'1,2\n'.repeat(300_000)}`);
    const run = await runCli([path], { MAX_UPLOAD_MB: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('The file is 1.1 MB; the limit is 1 MB.');
    expectOneLine(run.stderr);
  });

  it('names the sheets when the one asked for does not exist', async () => {
    const run = await runCli([bad('../../fixtures/xlsx/two-sheets.xlsx'), '--sheet', 'Nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Sheet "Nope" not found\. Sheets in this workbook: "Sales", "Notes"/);
    expectOneLine(run.stderr);
  });

  it('names a setting the environment got wrong', async () => {
    const run = await runCli([bad('empty.csv')], { MAX_UPLOAD_MB: 'lots' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^Environment variable MAX_UPLOAD_MB is invalid: /);
    expectOneLine(run.stderr);
  });

  it('says which file is missing', async () => {
    const run = await runCli(['/no/such/file.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Cannot open file.csv: no such file.');
  });
});
