import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { stream as excelStream, type Row } from 'exceljs';
import { quoteIdent } from '../engine/duckdb';
import { WorkerError } from '../errors';
import { findHeaderRow, uniqueHeaderNames } from './header-names';
import type { ColumnHint, RawSource } from './raw-source';
import { CellText, columnHint, type CellLike } from './xlsx-cells';
import {
  MergedRangeScanner,
  mergedHeader,
  readWorkbookLayout,
  type CellRange,
  type SheetEntry,
  type SheetRow,
  type WorkbookLayout,
} from './xlsx-workbook';
import { openGuardedZip, type GuardedZip, type RepackPart } from './zip-guard';

export interface XlsxSourceOptions {
  connection: DuckDBConnection;
  /** The staging table to create, with VARCHAR columns `c0`…`cN-1`. */
  table: string;
  /** The sheet to read (matched ignoring case); by default the first visible sheet holding a table. */
  sheet?: string;
  /** Refuse the workbook as a zip bomb once its parts would inflate past this. */
  maxUnzippedBytes: number;
}

const SAMPLE_ROWS = 5000;
/** Rows searched for the header; title and note rows above a table are never this many. */
const HEADER_SCAN_ROWS = 30;
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
    const candidates = candidateSheets(layout.sheets, options.sheet);
    const staged = await stageFirstTable(zip, layout, candidates, options);
    const relation = quoteIdent(options.table);
    return {
      format: 'xlsx',
      // Cells are already text: the staging table is every scan, whatever types are asked for.
      scan: () => relation,
      readsTypes: false,
      columns: staged.columns,
      sample: staged.sample,
      hints: staged.hints,
      sheet: staged.sheet,
      sheets: layout.sheets.map((sheet) => sheet.name),
      unreadable: [],
      unreadableCount: 0,
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
      const names = sheets.map((candidate) => `"${candidate.name}"`).join(', ');
      throw new WorkerError('SHEET_NOT_FOUND', `Sheet "${requested}" not found. Sheets in this workbook: ${names}.`);
    }
    if (sheet.part === null)
      throw new WorkerError('FILE_EMPTY', `Sheet "${sheet.name}" holds no cells (it may be a chart).`);
    return [sheet];
  }
  const worksheets = sheets.filter((sheet) => sheet.part !== null);
  const visible = worksheets.filter((sheet) => !sheet.hidden);
  return visible.length > 0 ? visible : worksheets;
}

interface StagedTable {
  sheet: string;
  columns: string[];
  sample: (string | null)[][];
  hints: ColumnHint[];
  facts: Record<string, number | boolean>;
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
      staging = new SheetStaging(layout.date1904, options);
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

interface WindowRow extends SheetRow {
  formats: number[];
}

/**
 * One sheet's rows on their way into the staging table. The first rows wait in
 * a window until the header is found among them; every later row goes straight
 * to the appender from arrays reused from row to row.
 */
class SheetStaging {
  hasContent = false;
  private readonly cells: CellText;
  private readonly window: WindowRow[] = [];
  private header: { index: number; headerless: boolean } | undefined;
  private table: StagingTable | undefined;
  private readonly texts: (string | null)[] = [];
  private readonly formats: number[] = [];
  private width = 0;

  constructor(
    date1904: boolean,
    private readonly target: XlsxSourceOptions,
  ) {
    this.cells = new CellText(date1904);
  }

  /** Takes the next row; returns a promise when the row needs DuckDB first (creating or widening the table). */
  add(row: Row): Promise<void> | undefined {
    this.read(row);
    if (this.width === 0) return undefined; // rows with nothing in them are skipped
    this.hasContent = true;
    if (this.table) {
      if (this.width > this.table.columns) return this.widenAndAppend(this.table);
      this.table.append(this.texts, this.formats);
      return undefined;
    }
    const formats = this.formats.slice(0, this.width);
    this.window.push({
      number: row.number,
      cells: this.texts.slice(0, this.width),
      formats,
      labelsOnly: formats.every((f) => f < 0),
    });
    return this.window.length >= HEADER_SCAN_ROWS ? this.start() : undefined;
  }

  /**
   * Ends the sheet: names the columns from the header and the sheet's merged
   * ranges, and closes the table; or returns null, leaving no table, when the
   * sheet holds no data rows.
   */
  async finish(merges: readonly CellRange[]): Promise<Omit<StagedTable, 'sheet'> | null> {
    if (!this.table) {
      if (this.window.length === 0 || this.locateHeader().dataRows === 0) return null;
      await this.start();
    }
    const table = this.table as StagingTable;
    const { index, headerless } = this.header ?? this.locateHeader();
    const header = headerless ? undefined : mergedHeader(this.window, index, table.columns, merges);
    if (header?.takesRowBelow) await table.dropFirstRow();
    if (table.rows === 0) {
      await this.discard();
      return null;
    }
    table.close();
    const facts: Record<string, number | boolean> = header ? { headerRow: header.firstRow } : { headerless: true };
    if (header?.rows === 2) facts.headerRows = 2;
    if (this.cells.errorCells > 0) facts.errorCells = this.cells.errorCells;
    return {
      columns: uniqueHeaderNames(header?.labels ?? Array.from({ length: table.columns }, () => null)),
      sample: table.sample.map((row) => Array.from({ length: table.columns }, (_, c) => row[c] ?? null)),
      hints: table.formatCounts.map((counts) => columnHint(counts, this.cells.formats)),
      facts,
    };
  }

  async discard(): Promise<void> {
    await this.table?.drop();
    this.table = undefined;
  }

  /** Converts a row's cells into `texts` and `formats`; `width` is one past its last filled column. */
  private read(row: Row): void {
    this.texts.fill(null, 0, this.width);
    this.formats.fill(-1, 0, this.width);
    this.width = 0;
    row.eachCell(this.visit);
  }

  /** Bound once, so reading a row allocates no closure. */
  private readonly visit = (cell: CellLike, column: number): void => {
    const text = this.cells.read(cell);
    if (text === null) return;
    while (this.texts.length < column) {
      this.texts.push(null);
      this.formats.push(-1);
    }
    this.texts[column - 1] = text;
    this.formats[column - 1] = this.cells.lastFormat;
    if (column > this.width) this.width = column;
  };

  private locateHeader(): { index: number; headerless: boolean; dataRows: number } {
    const found = findHeaderRow(
      this.window.map((row) => row.cells),
      typicalWidth(this.window),
    );
    this.header = found;
    return { ...found, dataRows: this.window.length - (found.headerless ? found.index : found.index + 1) };
  }

  private async start(): Promise<void> {
    const { index, headerless } = this.header ?? this.locateHeader();
    const fromHeader = this.window.slice(index);
    const columns = Math.max(typicalWidth(this.window), ...fromHeader.map((row) => row.cells.length));
    this.table = await StagingTable.create(this.target.connection, this.target.table, columns);
    for (const row of headerless ? fromHeader : fromHeader.slice(1)) this.table.append(row.cells, row.formats);
  }

  private async widenAndAppend(table: StagingTable): Promise<void> {
    await table.widen(this.width);
    table.append(this.texts, this.formats);
  }
}

/** The most common row width among the first rows, preferring the wider on a tie. */
function typicalWidth(rows: readonly SheetRow[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  for (const { cells } of rows) {
    const count = (counts.get(cells.length) ?? 0) + 1;
    counts.set(cells.length, count);
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && cells.length > best)) best = cells.length;
  }
  return best;
}

/** The VARCHAR staging table and its appender, with the sample and the per-column format tallies kept on the way. */
class StagingTable {
  rows = 0;
  readonly sample: (string | null)[][] = [];
  private appending = true;
  /** Per column, how many cells carried each number format (indexed like {@link CellText.formats}). */
  readonly formatCounts: number[][];

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly name: string,
    public columns: number,
    private appender: DuckDBAppender,
  ) {
    this.formatCounts = Array.from({ length: columns }, () => []);
  }

  static async create(connection: DuckDBConnection, name: string, columns: number): Promise<StagingTable> {
    const definitions = Array.from({ length: columns }, (_, c) => `c${c} VARCHAR`).join(', ');
    await connection.run(`CREATE TABLE ${quoteIdent(name)} (${definitions})`);
    return new StagingTable(connection, name, columns, await connection.createAppender(name));
  }

  append(texts: readonly (string | null)[], formats: readonly number[]): void {
    const appender = this.appender;
    for (let c = 0; c < this.columns; c++) {
      const text = texts[c];
      if (text == null) appender.appendNull();
      else appender.appendVarchar(text);
      const format = formats[c] ?? -1;
      if (format >= 0) {
        const counts = this.formatCounts[c] as number[];
        counts[format] = (counts[format] ?? 0) + 1;
      }
    }
    appender.endRow();
    if (this.sample.length < SAMPLE_ROWS) this.sample.push(texts.slice(0, this.columns));
    this.rows++;
  }

  /** Adds columns for a row wider than any before it; earlier rows read null there. */
  async widen(columns: number): Promise<void> {
    this.close();
    for (let c = this.columns; c < columns; c++) {
      await this.connection.run(`ALTER TABLE ${quoteIdent(this.name)} ADD COLUMN c${c} VARCHAR`);
      this.formatCounts.push([]);
    }
    this.columns = columns;
    this.appender = await this.connection.createAppender(this.name);
    this.appending = true;
  }

  /** The first row turned out to be the second row of a two-row header. */
  async dropFirstRow(): Promise<void> {
    this.appender.flushSync();
    // Appended rows take row ids in order from 0 in a table created for them.
    await this.connection.run(`DELETE FROM ${quoteIdent(this.name)} WHERE rowid = 0`);
    this.sample.shift();
    this.rows--;
  }

  close(): void {
    if (!this.appending) return;
    this.appender.flushSync();
    this.appender.closeSync();
    this.appending = false;
  }

  async drop(): Promise<void> {
    this.close();
    await this.connection.run(`DROP TABLE IF EXISTS ${quoteIdent(this.name)}`);
  }
}
