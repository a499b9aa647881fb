import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Row } from 'exceljs';
import { quoteIdent } from '../engine/duckdb';
import { findHeaderRow, uniqueHeaderNames } from './header-names';
import { SAMPLE_ROWS, type ColumnHint } from './raw-source';
import { CellText, columnHint, type CellLike } from './xlsx-cells';
import { mergedHeader, type CellRange, type SheetRow } from './xlsx-workbook';

/** Rows searched for the header; title and note rows above a table are never this many. */
const HEADER_SCAN_ROWS = 30;

export interface StagedTable {
  sheet: string;
  columns: string[];
  sample: (string | null)[][];
  hints: ColumnHint[];
  facts: Record<string, number | boolean>;
}

interface WindowRow extends SheetRow {
  formats: number[];
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
  private width = 0;

  constructor(
    date1904: boolean,
    private readonly target: { connection: DuckDBConnection; table: string },
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
