import type { ColumnUnit } from '../../core/dataset';
import { WorkerError } from '../errors';

/**
 * Rows whose values propose each column's type. Every value is checked later,
 * so the sample only has to be large enough to pick a good first candidate.
 */
export const SAMPLE_ROWS = 2000;

/**
 * The widest table read. DuckDB keeps a 256 KB block per column of every table
 * it holds, so a 5,000-column file ran it out of memory before one row was
 * read; 1,000 columns are typed and profiled in a few seconds and about
 * 350 MB. Stated in the README's limits.
 */
export const MAX_COLUMNS = 1000;

/** The refusal of a table wider than {@link MAX_COLUMNS}; the person can cut it down. */
export function tooManyColumns(columns: number): WorkerError {
  return new WorkerError(
    'TOO_MANY_COLUMNS',
    `The table has ${columns.toLocaleString('en-US')} columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')}. ` +
      'Remove the columns you do not need (or split the file) and send it again.',
  );
}

/** What a file's own formatting says about a column (Excel number formats), before any inference. */
export interface ColumnHint {
  /** `percent` when cells are formatted as percentages (values are already fractions), or a currency code. */
  unit?: ColumnUnit;
  /** Cells were date-formatted; their text is ISO 8601 (`2024-03-04` or `2024-03-04 13:45:00`). */
  date?: boolean;
  /**
   * The file writes numbers the German way (semicolon-delimited, or dates like 31.12.2024): a dot
   * followed by three digits groups thousands. Set by the typed table, not by the source.
   */
  dotGroups?: boolean;
}

/** A row that could not be read, as shown to the person who sent the file. */
export interface UnreadableRow {
  /** 1-based line (CSV) or row (sheet) number, when known. */
  line: number | null;
  reason: string;
  text: string;
}

/** Types a source can read natively; a value that does not fit is reported as a rejected row. */
export type ScanType = 'VARCHAR' | 'DOUBLE' | 'DATE' | 'TIMESTAMP';

/** What a scan could not load, once it has run. */
export interface ScanRejects {
  /** Rows with fewer fields than the header, padded with empty values, to add back. */
  padded: (string | null)[][];
  unreadable: UnreadableRow[];
  unreadableCount: number;
  /** Columns where a value did not fit the native type asked for: read them as text instead. */
  castFailures: number[];
  /** The source changed how it reads the file (e.g. its encoding): scan again. */
  rescan?: boolean;
}

/**
 * A parsed file before type inference: a DuckDB relation whose columns are named
 * `c0`…`cN-1`, the readable header names, and a sample of the first rows for
 * choosing candidate types. Inference then checks every value of the relation,
 * not just the sample.
 */
export interface RawSource {
  format: 'csv' | 'xlsx';
  /**
   * SQL that yields the rows. A source that can parse types itself (CSV through
   * DuckDB's reader) honours `types`; others yield VARCHAR for every column.
   */
  scan(types: ScanType[], pass: number): string;
  /** Whether `scan` honours the types it is given; a source that does not always yields text. */
  readsTypes: boolean;
  /** Columns a source already holds typed, whatever `scan` is asked for (workbook numbers staged as DOUBLE). */
  fixedTypes?: ScanType[];
  /** Rejected rows of a scan, for sources that keep them. */
  rejects?(pass: number): Promise<ScanRejects>;
  /**
   * Makes right, when the source can, what made a scan fail (the file's form, not the query): true
   * when the scan should run again, false when the failure stands.
   */
  recover?(): Promise<boolean>;
  /** Readable, unique (case-insensitively) header names, one per column. */
  columns: string[];
  /**
   * Per column, whether the header named it: false for a blank header cell (`Column 6`) and for every
   * column of a file without a header. Such a column with no value either is left out.
   */
  named: boolean[];
  /** The first rows (up to `SAMPLE_ROWS`), cells as text, null for empty. */
  sample: (string | null)[][];
  hints: ColumnHint[];
  sheet: string | null;
  sheets: string[];
  /**
   * Rows with nothing in them that the source skipped itself between data rows (a sheet's empty rows,
   * which its file does not even hold), counted with the empty rows the typed table leaves out.
   */
  emptyRows?: number;
  /**
   * Columns with no header name and no value that the source left out itself, counted with those the
   * typed table drops: a CSV's empty last fields past the column limit (see `withoutEmptyTail`).
   */
  emptyColumns?: number;
  /** Rows the parser already knows it could not read. */
  unreadable: UnreadableRow[];
  unreadableCount: number;
  /**
   * The file's line (CSV) or row (sheet) number of the first data row, from 1, for naming rows in
   * notes; later rows count on from it, exact while no blank line or multi-line cell comes between.
   */
  firstDataRow: number | null;
  /** Dialect and encoding facts worth showing (delimiter, encoding, header line). */
  facts: Record<string, string | number | boolean>;
}
