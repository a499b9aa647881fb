import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Row } from 'exceljs';
import { quoteIdent } from '../engine/duckdb';
import { findHeaderRow, namesColumn, uniqueHeaderNames } from './header-names';
import { stagedBytes, tooManyCells } from './xlsx-memory';
import { MAX_COLUMNS, SAMPLE_ROWS, tooManyColumns, type ColumnHint } from './raw-source';
import { CellText, columnHint, type CellLike } from './xlsx-cells';
import { mergedHeader, type CellRange, type SheetRow } from './xlsx-workbook';

/** Rows searched for the header; title and note rows above a table are never this many. */
const HEADER_SCAN_ROWS = 30;

export interface StagedTable {
  sheet: string;
  /** Per column, the staging table's type: DOUBLE for columns of plain numbers, VARCHAR otherwise. */
  types: ('DOUBLE' | 'VARCHAR')[];
  columns: string[];
  /** Per column, whether the header named it. */
  named: boolean[];
  sample: (string | null)[][];
  hints: ColumnHint[];
  /** Empty sheet rows between the header and the last data row. */
  emptyRows: number;
  /** The sheet row of the first data row (rows with nothing in them are skipped, so later ones may drift). */
  firstDataRow: number | null;
  facts: Record<string, number | boolean>;
}

interface WindowRow extends SheetRow {
  formats: number[];
  numbers: number[];
}

/**
 * One sheet's rows on their way into the staging table. The first rows wait in
 * a window until the header is found among them; every later row goes straight
 * to the appender from arrays reused from row to row.
 */
export class SheetStaging {
  hasContent = false;
  private readonly cells: CellText;
  private readonly window: WindowRow[] = [];
  private header: { index: number; headerless: boolean } | undefined;
  private table: StagingTable | undefined;
  private readonly texts: (string | null)[] = [];
  private readonly formats: number[] = [];
  /** Per cell of the current row, its number when it is a plain number, else NaN. */
  private readonly numbers: number[] = [];
  private width = 0;
  /** The sheet row number of the last row staged (or of the header), to count the empty rows between. */
  private lastRow = 0;
  private emptyRows = 0;

  constructor(
    date1904: boolean,
    private readonly target: { connection: DuckDBConnection; table: string; maxStagedBytes: number },
  ) {
    this.cells = new CellText(date1904);
  }

  /** Takes the next row; returns a promise when the row needs DuckDB first (creating or widening the table). */
  add(row: Row): Promise<void> | undefined {
    this.read(row);
    if (this.width === 0) return undefined; // rows with nothing in them are skipped
    this.hasContent = true;
    if (this.table) {
      this.countEmptyRowsUpTo(row.number);
      if (this.width > this.table.columns) return this.widenAndAppend(this.table);
      const misfits = this.table.misfits(this.texts, this.numbers);
      if (misfits.length > 0) return this.demoteAndAppend(this.table, misfits);
      this.table.append(this.texts, this.formats, this.numbers);
      return undefined;
    }
    const formats = this.formats.slice(0, this.width);
    this.window.push({
      number: row.number,
      cells: this.texts.slice(0, this.width),
      formats,
      numbers: this.numbers.slice(0, this.width),
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
    const labels = header?.labels ?? Array.from({ length: table.columns }, () => null);
    if (table.rows === 0) {
      await this.discard();
      return null;
    }
    table.close();
    const facts: Record<string, number | boolean> = header ? { headerRow: header.firstRow } : { headerless: true };
    if (header?.rows === 2) facts.headerRows = 2;
    if (this.cells.errorCells > 0) facts.errorCells = this.cells.errorCells;
    if (this.cells.uncalculatedCells > 0) facts.uncalculatedCells = this.cells.uncalculatedCells;
    return {
      types: table.numeric.map((isNumber) => (isNumber ? 'DOUBLE' : 'VARCHAR')),
      columns: uniqueHeaderNames(labels),
      named: labels.map(namesColumn),
      sample: table.sample.map((row) => Array.from({ length: table.columns }, (_, c) => row[c] ?? null)),
      hints: table.formatCounts.map((counts) => columnHint(counts, this.cells.formats)),
      emptyRows: this.emptyRows,
      firstDataRow: this.window[header ? index + (header.takesRowBelow ? 2 : 1) : index]?.number ?? null,
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
    this.numbers.fill(NaN, 0, this.width);
    this.width = 0;
    row.eachCell(this.visit);
  }

  /** Bound once, so reading a row allocates no closure. */
  private readonly visit = (cell: CellLike, column: number): void => {
    // Numbers bound for a DOUBLE column need no text once the sample is full.
    const table = this.table;
    const numbersAsText = !table || table.sample.length < SAMPLE_ROWS || !table.numeric[column - 1];
    const text = this.cells.read(cell, numbersAsText);
    if (text === null) return;
    while (this.texts.length < column) {
      this.texts.push(null);
      this.formats.push(-1);
      this.numbers.push(NaN);
    }
    this.texts[column - 1] = text;
    this.formats[column - 1] = this.cells.lastFormat;
    this.numbers[column - 1] = this.cells.lastNumber;
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
    if (columns > MAX_COLUMNS) throw tooManyColumns(columns);
    const data = headerless ? fromHeader : fromHeader.slice(1);
    // A column whose first cells are all plain numbers is staged as DOUBLE: no text round trip for them.
    const numeric = Array.from({ length: columns }, (_, c) => {
      const present = data.filter((row) => row.cells[c] != null);
      return present.length > 0 && present.every((row) => !Number.isNaN(row.numbers[c] ?? NaN));
    });
    this.table = await StagingTable.create(this.target, numeric);
    this.lastRow = headerless ? (data[0]?.number ?? 1) - 1 : (fromHeader[0] as WindowRow).number;
    // These rows decided which columns are numeric, so every cell of theirs fits.
    for (const row of data) {
      this.countEmptyRowsUpTo(row.number);
      this.table.append(row.cells, row.formats, row.numbers);
    }
  }

  /**
   * Counts the rows skipped since the last one staged: a sheet holds no row element for an empty row,
   * so they show as a gap in the row numbers. Empty rows after the last data row are never counted.
   */
  private countEmptyRowsUpTo(row: number): void {
    this.emptyRows += Math.max(0, row - this.lastRow - 1);
    this.lastRow = row;
  }

  private async widenAndAppend(table: StagingTable): Promise<void> {
    if (this.width > MAX_COLUMNS) throw tooManyColumns(this.width);
    await table.widen(this.width);
    const misfits = table.misfits(this.texts, this.numbers);
    if (misfits.length > 0) await table.demote(misfits);
    table.append(this.texts, this.formats, this.numbers);
  }

  private async demoteAndAppend(table: StagingTable, columns: number[]): Promise<void> {
    await table.demote(columns);
    table.append(this.texts, this.formats, this.numbers);
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
  /** What the staged cells cost DuckDB, bounded by `maxStagedBytes`. */
  private bytes = 0;
  readonly sample: (string | null)[][] = [];
  private appending = true;
  /** Per column, how many cells carried each number format (indexed like {@link CellText.formats}). */
  readonly formatCounts: number[][];

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly name: string,
    private readonly maxStagedBytes: number,
    /** Per column, whether it is staged as DOUBLE (plain numbers) rather than VARCHAR. */
    readonly numeric: boolean[],
    private appender: DuckDBAppender,
  ) {
    this.formatCounts = numeric.map(() => []);
  }

  get columns(): number {
    return this.numeric.length;
  }

  static async create(
    {
      connection,
      table: name,
      maxStagedBytes,
    }: { connection: DuckDBConnection; table: string; maxStagedBytes: number },
    numeric: boolean[],
  ): Promise<StagingTable> {
    const definitions = numeric.map((isNumber, c) => `c${c} ${isNumber ? 'DOUBLE' : 'VARCHAR'}`).join(', ');
    await connection.run(`CREATE TABLE ${quoteIdent(name)} (${definitions})`);
    return new StagingTable(connection, name, maxStagedBytes, numeric, await connection.createAppender(name));
  }

  /** Numeric columns where this row holds something other than a plain number. */
  misfits(texts: readonly (string | null)[], numbers: readonly number[]): number[] {
    const found: number[] = [];
    for (let c = 0; c < this.numeric.length; c++) {
      if (this.numeric[c] && texts[c] != null && Number.isNaN(numbers[c] ?? NaN)) found.push(c);
    }
    return found;
  }

  /**
   * Turns numeric columns back into text when a later row holds text in them;
   * whole numbers are written as JS writes them (`3`, not DuckDB's `3.0`).
   */
  async demote(columns: readonly number[]): Promise<void> {
    this.close();
    for (const c of columns) {
      const col = `c${c}`;
      await this.connection.run(
        `ALTER TABLE ${quoteIdent(this.name)} ALTER COLUMN ${col} SET DATA TYPE VARCHAR USING ` +
          `CASE WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e15 THEN CAST(CAST(${col} AS BIGINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`,
      );
      this.numeric[c] = false;
    }
    this.appender = await this.connection.createAppender(this.name);
    this.appending = true;
  }

  append(texts: readonly (string | null)[], formats: readonly number[], numbers: readonly number[]): void {
    const appender = this.appender;
    for (let c = 0; c < this.columns; c++) {
      const text = texts[c];
      if (text == null) appender.appendNull();
      else if (this.numeric[c]) appender.appendDouble(numbers[c] as number);
      else appender.appendVarchar(text);
      if (text != null) this.bytes += stagedBytes(text, this.numeric[c] as boolean);
      const format = formats[c] ?? -1;
      if (format >= 0) {
        const counts = this.formatCounts[c] as number[];
        counts[format] = (counts[format] ?? 0) + 1;
      }
    }
    appender.endRow();
    if (this.bytes > this.maxStagedBytes) throw tooManyCells(this.rows, this.maxStagedBytes);
    if (this.sample.length < SAMPLE_ROWS) this.sample.push(texts.slice(0, this.columns));
    this.rows++;
  }

  /** Adds columns for a row wider than any before it; earlier rows read null there. */
  async widen(columns: number): Promise<void> {
    this.close();
    for (let c = this.columns; c < columns; c++) {
      await this.connection.run(`ALTER TABLE ${quoteIdent(this.name)} ADD COLUMN c${c} VARCHAR`);
      this.formatCounts.push([]);
      this.numeric.push(false);
    }
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
