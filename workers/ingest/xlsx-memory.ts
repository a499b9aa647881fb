import { describeBytes, WorkerError } from '../errors';

/**
 * What reading a workbook may hold in memory, so that the worker's peak stays
 * under 1 GB for any file within the upload limit (measured in
 * `test/workers/ingest/xlsx-memory.test.ts`). The zip guards bound what a
 * workbook inflates to, not what its cells cost once read: a sheet inflating
 * 155:1 to 900 MB peaked at 2–2.8 GB, and 1 GB of shared strings at 1.2 GB.
 *
 * Shared strings are all kept in the JavaScript heap while the sheet streams
 * (cells refer to them by number), at about twice their XML size: 150 MB of
 * them peaked at 1.16 GB with their cells. Staged cells live in DuckDB's
 * in-memory tables, which cannot spill, and are copied once while typed.
 */
export const MAX_SHARED_STRINGS_BYTES = 96 * 1024 * 1024;

/** Cell data staged from one sheet (see {@link stagedBytes}), about a third of what its typing then holds. */
export const MAX_STAGED_BYTES = 192 * 1024 * 1024;

/**
 * What one staged cell costs DuckDB: a number 8 bytes; a text 16 bytes, plus
 * its characters when longer than the 12 it keeps inline.
 */
export function stagedBytes(text: string, numeric: boolean): number {
  if (numeric) return 8;
  return text.length > 12 ? 16 + text.length : 16;
}

/** The refusal of a workbook whose shared strings would not fit in memory. */
export function tooManySharedStrings(bytes: number): WorkerError {
  return new WorkerError(
    'FILE_TOO_BIG_TO_READ',
    `This workbook holds ${describeBytes(bytes)} of text, more than the ${describeBytes(MAX_SHARED_STRINGS_BYTES)} ` +
      'that can be read in the worker’s memory. Save the sheet you need as CSV, or split the workbook, and send it again.',
  );
}

/** The refusal of a sheet whose cells would not fit in memory, once that many rows are read. */
export function tooManyCells(rows: number): WorkerError {
  return new WorkerError(
    'FILE_TOO_BIG_TO_READ',
    `This sheet holds more data than can be read in the worker’s memory (over ${describeBytes(MAX_STAGED_BYTES)} of cells, ` +
      `reached at row ${rows.toLocaleString('en-US')}). Save it as CSV, or split it, and send it again.`,
  );
}
