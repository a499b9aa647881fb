import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stream } from 'exceljs';
import { fixtureFile } from '../../support/ingest';

/** Ingests in a child process; its peak RSS is the figure the worker would reach. */
async function ingestInChild(
  path: string,
): Promise<{ rows?: number; code?: string; message?: string; peakRssMb: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'ingest-child.ts'), path],
    { maxBuffer: 1 << 20, timeout: 240_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}

/**
 * A workbook written at test time by exceljs's streaming writer, so the test
 * never holds it: `rows` rows of a 60-character note and an amount, the notes
 * as shared strings (each different) when `shared` is set.
 */
async function workbook(name: string, rows: number, shared = false): Promise<string> {
  const filename = fixtureFile(name, '');
  const writer = new stream.xlsx.WorkbookWriter({ filename, useSharedStrings: shared });
  const sheet = writer.addWorksheet('Data');
  sheet.addRow(['Note', 'Amount']).commit();
  const note = 'n'.repeat(60);
  for (let r = 0; r < rows; r++) sheet.addRow([`${note}${shared ? r : r % 97}`, r % 1000]).commit();
  sheet.commit();
  await writer.commit();
  return filename;
}

describe('reading a workbook stays under 1 GB of memory', () => {
  it('refuses a sheet whose cells would not fit, saying so, before it peaks past 1 GB', async () => {
    const path = await workbook('heavy-sheet.xlsx', 3_000_000);
    const run = await ingestInChild(path);
    expect(run.code).toBe('FILE_TOO_BIG_TO_READ');
    expect(run.message).toMatch(
      /^This sheet holds more data than can be read in the worker’s memory \(over 192 MB of cells, reached at row [\d,]+\)\. Save it as CSV, or split it, and send it again\.$/,
    );
    expect(run.peakRssMb).toBeLessThan(1024);
  }, 300_000);

  it('refuses shared strings that would not fit before reading them', async () => {
    const path = await workbook('many-strings.xlsx', 1_500_000, true);
    const run = await ingestInChild(path);
    expect(run.code).toBe('FILE_TOO_BIG_TO_READ');
    expect(run.message).toMatch(
      /^This workbook holds \d+ MB of text, more than the 96 MB that can be read in the worker’s memory\./,
    );
    expect(run.peakRssMb).toBeLessThan(1024);
  }, 300_000);

  it('reads a sheet just within the budget under 1 GB', async () => {
    const path = await workbook('big-sheet.xlsx', 1_000_000, true);
    const run = await ingestInChild(path);
    expect(run.rows).toBe(1_000_000);
    expect(run.peakRssMb).toBeLessThan(1024);
  }, 300_000);
});
