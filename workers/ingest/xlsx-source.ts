import type { DuckDBConnection } from '@duckdb/node-api';
import { stream as excelStream, type Row } from 'exceljs';
import { quoteIdent } from '../engine/duckdb';
import { WorkerError } from '../errors';
import type { RawSource } from './raw-source';
import { MergedRangeScanner, readWorkbookLayout, type SheetEntry, type WorkbookLayout } from './xlsx-workbook';
import { MAX_SHARED_STRINGS_BYTES, MAX_STAGED_BYTES, tooManySharedStrings, type XlsxMemoryLimits } from './xlsx-memory';
import { SheetStaging, type StagedTable } from './xlsx-staging';
import { openGuardedZip, type GuardedZip, type RepackPart } from './zip-guard';

export interface XlsxSourceOptions extends XlsxMemoryLimits {
  connection: DuckDBConnection;
  /** The staging table to create, with VARCHAR columns `c0`…`cN-1`. */
  table: string;
  /** The sheet to read (matched ignoring case); by default the first visible sheet holding a table. */
  sheet?: string;
  /** Refuse the workbook as a zip bomb once its parts would inflate past this. */
  maxUnzippedBytes: number;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Reads one sheet of an .xlsx workbook into a VARCHAR staging table, streaming
 * rows from exceljs into DuckDB's appender without holding the sheet in memory.
 * The zip is checked for bombs first, and exceljs reads only bytes the guard
 * inflated and counted. Every failure a file can cause is a {@link WorkerError}.
 *
 * @example
 * const source = await readXlsxSource('q3.xlsx', { connection, table: 'staging', maxUnzippedBytes: 1 << 30 });
 * source.columns // ['Order Date', 'Region', 'Q1 Sales', …]
 */
export async function readXlsxSource(path: string, options: XlsxSourceOptions): Promise<RawSource> {
  const zip = await openGuardedZip(path, options);
  try {
    const layout = await readWorkbookLayout(zip);
    const sharedStrings = layout.sharedStrings ? zip.declaredSize(layout.sharedStrings) : 0;
    const sharedStringsBudget = options.maxSharedStringsBytes ?? MAX_SHARED_STRINGS_BYTES;
    if (sharedStrings > sharedStringsBudget) throw tooManySharedStrings(sharedStrings, sharedStringsBudget);
    const candidates = candidateSheets(layout.sheets, options.sheet);
    const staged = await stageFirstTable(zip, layout, candidates, options);
    const relation = quoteIdent(options.table);
    return {
      format: 'xlsx',
      // Cells are already staged (plain numbers as DOUBLE, the rest as text): the table is every scan.
      scan: () => relation,
      readsTypes: false,
      fixedTypes: staged.types,
      columns: staged.columns,
      named: staged.named,
      emptyRows: staged.emptyRows,
      sample: staged.sample,
      hints: staged.hints,
      sheet: staged.sheet,
      sheets: layout.sheets.map((sheet) => sheet.name),
      unreadable: [],
      unreadableCount: 0,
      firstDataRow: staged.firstDataRow,
      facts: { ...staged.facts, sheetCount: layout.sheets.length },
    };
  } finally {
    zip.close();
  }
}

function candidateSheets(sheets: readonly SheetEntry[], requested: string | undefined): SheetEntry[] {
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase();
    const sheet =
      sheets.find((candidate) => candidate.name === requested) ??
      sheets.find((candidate) => candidate.name.trim().toLowerCase() === wanted);
    if (!sheet) {
      throw new WorkerError('SHEET_NOT_FOUND', `Sheet "${requested}" not found. ${sheetList(sheets)}`);
    }
    if (sheet.part === null)
      throw new WorkerError('FILE_EMPTY', `Sheet "${sheet.name}" holds no cells (it may be a chart).`);
    return [sheet];
  }
  const worksheets = sheets.filter((sheet) => sheet.part !== null);
  const visible = worksheets.filter((sheet) => !sheet.hidden);
  return visible.length > 0 ? visible : worksheets;
}

/** Sheets named in a message; a workbook of 200 sheets would otherwise make a line of thousands of characters. */
const LISTED_SHEETS = 10;

function sheetList(sheets: readonly SheetEntry[]): string {
  const names = sheets.slice(0, LISTED_SHEETS).map((sheet) => `"${sheet.name}"`);
  const more = sheets.length - names.length;
  if (more === 0) return `Sheets in this workbook: ${names.join(', ')}.`;
  return `Sheets in this workbook (${sheets.length}): ${names.join(', ')} and ${more} more.`;
}

/** One exceljs row event; exceljs types its worksheet parser's output loosely. */
interface SheetEvent {
  eventType: string;
  value: unknown;
}

async function stageFirstTable(
  zip: GuardedZip,
  layout: WorkbookLayout,
  candidates: readonly SheetEntry[],
  options: XlsxSourceOptions,
): Promise<StagedTable> {
  const scanners = candidates.map(() => new MergedRangeScanner());
  const input = zip.repack(packageParts(layout, candidates, scanners));
  const guard = new Interruptible();
  input.on('error', (error) => guard.fail(error));
  const reader = new excelStream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats, which tell dates, percentages and currencies from plain numbers
    hyperlinks: 'ignore', // a hyperlink cell's value is already its text
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  let staging: SheetStaging | undefined;
  let firstWithContent: SheetEntry | undefined;
  try {
    for (const [index, sheet] of candidates.entries()) {
      const worksheet = await guard.next(worksheets);
      if (worksheet.done) break;
      staging = new SheetStaging(layout.date1904, {
        ...options,
        maxStagedBytes: options.maxStagedBytes ?? MAX_STAGED_BYTES,
      });
      const events = worksheet.value.parse() as AsyncIterator<SheetEvent[]>;
      for (let batch = await guard.next(events); !batch.done; batch = await guard.next(events)) {
        for (const event of batch.value) {
          if (event.eventType !== 'row') continue;
          const pending = staging.add(event.value as Row);
          if (pending) await pending;
        }
      }
      const staged = await staging.finish((scanners[index] as MergedRangeScanner).ranges);
      if (staged) return { sheet: sheet.name, ...staged };
      if (staging.hasContent) firstWithContent ??= sheet;
    }
  } catch (error) {
    await staging?.discard();
    throw error;
  } finally {
    input.destroy();
  }
  throw noTable(options.sheet === undefined ? undefined : candidates[0], firstWithContent);
}

function noTable(requested: SheetEntry | undefined, firstWithContent: SheetEntry | undefined): WorkerError {
  if (firstWithContent) {
    return new WorkerError(
      'NO_DATA_ROWS',
      `Sheet "${firstWithContent.name}" has a header row but no data rows below it.`,
    );
  }
  if (requested) return new WorkerError('FILE_EMPTY', `Sheet "${requested.name}" is empty.`);
  return new WorkerError('FILE_EMPTY', 'The workbook has no data: every sheet is empty.');
}

/**
 * The parts exceljs reads, in the order that lets it stream each sheet rather
 * than copy it to a temporary file: index, relationships and shared strings
 * before any sheet. Sheets are renamed `sheetN.xml` in the order they are tried,
 * the only names its streaming reader recognises; exceljs needs only the date
 * system from the index, so a minimal one stands in for the real one.
 */
function packageParts(
  layout: WorkbookLayout,
  candidates: readonly SheetEntry[],
  scanners: readonly MergedRangeScanner[],
): RepackPart[] {
  return [
    {
      name: 'xl/workbook.xml',
      text: `<workbook xmlns="${MAIN_NS}"><workbookPr date1904="${layout.date1904 ? 1 : 0}"/></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    },
    layout.sharedStrings
      ? { name: 'xl/sharedStrings.xml', entry: layout.sharedStrings }
      : { name: 'xl/sharedStrings.xml', text: `<sst xmlns="${MAIN_NS}"/>` },
    ...(layout.styles ? [{ name: 'xl/styles.xml', entry: layout.styles }] : []),
    ...candidates.map((sheet, index) => ({
      name: `xl/worksheets/sheet${index + 1}.xml`,
      entry: sheet.part as string,
      observe: (scanners[index] as MergedRangeScanner).push,
    })),
  ];
}

/**
 * Awaits exceljs's iterators so that a failure of its input ends the wait:
 * exceljs pipes its input without forwarding errors, so when the guard refuses
 * a part mid-stream, exceljs would otherwise wait for more bytes forever.
 */
class Interruptible {
  private failure: WorkerError | undefined;
  private interrupt: ((error: WorkerError) => void) | undefined;

  fail(error: unknown): void {
    this.failure ??= unreadable(error);
    this.interrupt?.(this.failure);
  }

  next<T>(iterator: AsyncIterator<T>): Promise<IteratorResult<T>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.interrupt = reject;
      iterator.next().then(resolve, (error: unknown) => reject(this.failure ?? unreadable(error)));
    });
  }
}

function unreadable(error: unknown): WorkerError {
  if (error instanceof WorkerError) return error;
  return new WorkerError('XLSX_CORRUPT', 'This workbook is damaged: part of it could not be read.', { cause: error });
}
