import { ingestInChild, notesWorkbook } from '../test/support/xlsx-memory';

/**
 * Peak RSS of ingesting full-size workbooks, each in a fresh process, against
 * the worker's real budgets: the bar is under 1 GB, the worker's memory.
 */
export async function xlsxMemoryTable(): Promise<string> {
  const cases = [
    {
      what: '3M-row sheet (refused: staged cells over budget)',
      name: 'heavy-sheet.xlsx',
      rows: 3_000_000,
      shared: false,
    },
    { what: '1.5M shared strings (refused before reading)', name: 'many-strings.xlsx', rows: 1_500_000, shared: true },
    { what: '1M-row sheet, shared strings (read)', name: 'big-sheet.xlsx', rows: 1_000_000, shared: true },
  ];
  const lines: string[] = [];
  for (const c of cases) {
    const run = await ingestInChild(await notesWorkbook(c.name, c.rows, c.shared));
    const outcome = run.code ?? `${run.rows?.toLocaleString('en-US')} rows`;
    lines.push(`| ${c.what} | ${outcome} | ${run.peakRssMb} MB ${run.peakRssMb < 1024 ? 'ok' : 'OVER'} |`);
  }
  return ['| workbook | outcome | peak RSS (bar < 1024 MB) |', '| --- | --- | --- |', ...lines].join('\n');
}
