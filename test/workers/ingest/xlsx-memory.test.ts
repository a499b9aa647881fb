import { ingestInChild, notesWorkbook } from '../../support/xlsx-memory';

const MB = 1024 * 1024;

/**
 * The worker's budgets (96 MB of shared strings, 192 MB of staged cells) met
 * at a small scale: the same checks, refusals and codes with 2 MB budgets on
 * workbooks of tens of thousands of rows. The full-size peak RSS against the
 * real budgets is measured by `npm run bench -- --xlsx-memory`.
 */
const BUDGETS = { maxSharedStringsBytes: 2 * MB, maxStagedBytes: 2 * MB };

describe('reading a workbook within its memory budgets', () => {
  it('refuses a sheet whose cells would not fit, saying so, once the budget is reached', async () => {
    // About 84 bytes staged per row: the 2 MB budget is reached near row 25,000 of 40,000.
    const path = await notesWorkbook('heavy-sheet.xlsx', 40_000);
    const run = await ingestInChild(path, BUDGETS);
    expect(run.code).toBe('FILE_TOO_BIG_TO_READ');
    expect(run.message).toMatch(
      /^This sheet holds more data than can be read in the worker’s memory \(over 2 MB of cells, reached at row [\d,]+\)\. Save it as CSV, or split it, and send it again\.$/,
    );
    const row = Number(/reached at row ([\d,]+)/.exec(run.message ?? '')?.[1]?.replace(/,/g, ''));
    expect(row).toBeGreaterThan(20_000);
    expect(row).toBeLessThan(40_000);
    expect(run.peakRssMb).toBeLessThan(1024);
  });

  it('refuses shared strings that would not fit before reading them', async () => {
    const path = await notesWorkbook('many-strings.xlsx', 40_000, true);
    const run = await ingestInChild(path, BUDGETS);
    expect(run.code).toBe('FILE_TOO_BIG_TO_READ');
    expect(run.message).toMatch(
      /^This workbook holds [\d.]+ MB of text, more than the 2 MB that can be read in the worker’s memory\./,
    );
    expect(run.peakRssMb).toBeLessThan(1024);
  });

  it('reads a sheet just within both budgets', async () => {
    const path = await notesWorkbook('big-sheet.xlsx', 20_000, true);
    const run = await ingestInChild(path, BUDGETS);
    expect(run.rows).toBe(20_000);
    expect(run.peakRssMb).toBeLessThan(1024);
  });
});
