import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stream } from 'exceljs';
import type { XlsxMemoryLimits } from '../../workers/ingest/xlsx-memory';
import { fixtureFile } from './ingest';

export interface ChildIngest {
  rows?: number;
  code?: string;
  message?: string;
  peakRssMb: number;
}

/**
 * Ingests in a child process; its peak RSS is the figure the worker would
 * reach. `budgets` replace the worker's workbook memory budgets.
 */
export async function ingestInChild(path: string, budgets: XlsxMemoryLimits = {}): Promise<ChildIngest> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'ingest-child.ts'), path, JSON.stringify(budgets)],
    { maxBuffer: 1 << 20, timeout: 240_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ChildIngest;
}

/**
 * A workbook written by exceljs's streaming writer, so its writer never holds
 * it: `rows` rows of a 60-character note and an amount, the notes as shared
 * strings (each different) when `shared` is set.
 */
export async function notesWorkbook(name: string, rows: number, shared = false): Promise<string> {
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
