import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetMeta } from '../../core/dataset';
import { describeBytes, WorkerError } from '../errors';
import { profileTable } from '../profile/profile';
import { dropEmptyColumns } from '../types/empty-columns';
import { isEmptyRow } from '../types/empty-rows';
import { buildTypedTable } from '../types/typed-table';
import { readCsvSource } from './csv-source';
import { sniffFileKind } from './file-sniff';
import { HEAD_BYTES, readHead } from './file-head';
import type { RawSource } from './raw-source';
import type { XlsxMemoryLimits } from './xlsx-memory';

export interface IngestOptions extends XlsxMemoryLimits {
  /** The database, or its opening: given the promise, DuckDB opens while the file is sniffed and its types planned. */
  connection: DuckDBConnection | Promise<DuckDBConnection>;
  /** The DuckDB table to create. */
  table?: string;
  /** For workbooks: the sheet to read (default: the first with data). */
  sheet?: string;
  /** The name shown to people; defaults to the file's base name. */
  name?: string;
  maxUploadBytes: number;
  maxUnzippedBytes: number;
  /** Where copies of the file (transcoded, or with one line ending) are written; the system's by default. */
  tmpDir?: string;
}

export interface Dataset {
  table: string;
  meta: DatasetMeta;
}

/**
 * Reads a CSV, TSV or XLSX file into a typed, profiled DuckDB table. The file's
 * kind comes from its bytes, not its name; the size limit is checked before any
 * of it is read. Every failure a person could cause is a `WorkerError` with a
 * message that says what is wrong with the file.
 */
export async function ingestFile(path: string, options: IngestOptions): Promise<Dataset> {
  const table = options.table ?? 'dataset';
  // A file refused before the database is needed leaves its opening unawaited: a failure there is not this file's.
  if (options.connection instanceof Promise) options.connection.catch(() => undefined);
  const size = fileSize(path);
  if (size === 0) throw new WorkerError('FILE_EMPTY', 'The file is empty: it has no header and no rows.');
  if (size > options.maxUploadBytes) {
    throw new WorkerError(
      'FILE_TOO_LARGE',
      `The file is ${describeBytes(size)}; the limit is ${describeBytes(options.maxUploadBytes)}.`,
    );
  }
  // Made only for a file read from a copy (another encoding, or mixed line endings): most are not.
  let made: Promise<string> | undefined;
  const workDir = () => (made ??= mkdtemp(join(options.tmpDir ?? tmpdir(), 'ingest-')));
  try {
    return await readDataset(path, table, workDir, options);
  } catch (error) {
    throw outOfMemory(error) ?? error;
  } finally {
    if (made)
      await made.then(
        (dir) => rm(dir, { recursive: true, force: true }),
        () => undefined,
      );
  }
}

/**
 * DuckDB running out of memory while it reads a file is caused by the file
 * (how wide or big it is), not a passing fault: the person hears it, and the
 * job is not retried as if it were ours.
 */
function outOfMemory(error: unknown): WorkerError | undefined {
  // Not `instanceof Error`: the native binding's errors may come from another realm (as under Jest).
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
  if (!message.startsWith('Out of Memory Error')) return undefined;
  return new WorkerError(
    'FILE_TOO_BIG_TO_READ',
    'Reading this file needs more memory than the worker has. Send fewer rows or columns (split the file, or remove what you do not need).',
    { cause: error },
  );
}

async function readDataset(
  path: string,
  table: string,
  workDir: () => Promise<string>,
  options: IngestOptions,
): Promise<Dataset> {
  const head = readHead(path, HEAD_BYTES);
  const kind = sniffFileKind(head.subarray(0, 8192), head);
  let source: RawSource;
  switch (kind.kind) {
    case 'binary':
      throw new WorkerError(
        'NOT_A_TABLE',
        kind.what === 'not text'
          ? 'The file is not a table: it holds binary data, not text. Send a CSV, TSV or XLSX file.'
          : `The file is not a table: it is ${kind.what}. Send a CSV, TSV or XLSX file.`,
      );
    case 'encrypted-office':
      throw new WorkerError(
        'XLSX_ENCRYPTED',
        'The workbook is password-protected. Remove the password in Excel and send it again.',
      );
    case 'legacy-xls':
      throw new WorkerError(
        'XLS_LEGACY',
        'This is an old-style .xls workbook. Save it as .xlsx or CSV and send it again.',
      );
    case 'zip': {
      // exceljs is loaded only when a workbook arrives: it is large and most uploads are CSV.
      const { readXlsxSource } = await import('./xlsx-source');
      source = await readXlsxSource(path, {
        connection: await options.connection,
        table: `${table}__raw`,
        sheet: options.sheet,
        maxUnzippedBytes: options.maxUnzippedBytes,
        maxSharedStringsBytes: options.maxSharedStringsBytes,
        maxStagedBytes: options.maxStagedBytes,
      });
      break;
    }
    case 'text':
      source = await readCsvSource(path, head, { connection: options.connection, table, workDir });
      break;
  }
  const typed = await buildTypedTable(options.connection, source, table);
  const connection = await options.connection;
  const unreadable = [...source.unreadable, ...(typed.rejects?.unreadable ?? [])].slice(0, 5);
  const unreadableCount = source.unreadableCount + (typed.rejects?.unreadableCount ?? 0);
  // A short row with nothing in it was added back, then left out as an empty row: it is counted there.
  const padded = typed.rejects?.padded.filter((row) => !isEmptyRow(row)).length ?? 0;
  if (source.format === 'xlsx') await connection.run(`DROP TABLE IF EXISTS "${table}__raw"`);
  const columns = await dropEmptyColumns(connection, table, typed.columns, source);
  // The aggregates typing computed are named by column position, which dropping columns shifts.
  const known = columns.dropped > 0 ? {} : typed.profiled;
  const profile = await profileTable(connection, table, columns.kept, typed.rows, known);
  if (profile.rows === 0) {
    throw new WorkerError('NO_DATA_ROWS', 'The file has a header but every row of data was unreadable.');
  }
  const facts = { ...source.facts };
  if (padded > 0) facts.shortRowsPadded = padded;
  const emptyRows = (source.emptyRows ?? 0) + typed.emptyRows;
  if (emptyRows > 0) facts.emptyRowsLeftOut = emptyRows;
  if (typed.headerRows > 0) facts.headerRowsLeftOut = typed.headerRows;
  const pageLines = Number(facts.pageLinesLeftOut ?? 0) + typed.pageRows;
  if (pageLines > 0) facts.pageLinesLeftOut = pageLines;
  const emptyColumns = (source.emptyColumns ?? 0) + columns.dropped;
  if (emptyColumns > 0) facts.emptyColumnsLeftOut = emptyColumns;
  return {
    table,
    meta: {
      version: 1,
      name: options.name ?? basename(path),
      format: source.format,
      sheet: source.sheet,
      sheets: source.sheets,
      rows: profile.rows,
      columns: profile.columns,
      unreadable: { count: unreadableCount, examples: unreadable },
      source: facts,
    },
  };
}

/** Synchronous, like the read of the file's head (see `readHead`). */
function fileSize(path: string): number {
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new WorkerError('FILE_NOT_FOUND', `${basename(path)} is not a file.`);
    return info.size;
  } catch (error) {
    if (error instanceof WorkerError) throw error;
    throw new WorkerError('FILE_NOT_FOUND', `Cannot open ${basename(path)}: no such file.`, { cause: error });
  }
}
