import { findHeaderRow, namesColumn, uniqueHeaderNames } from './header-names';
import type { QuoteSpan } from './quote-span';
import { SAMPLE_ROWS } from './raw-source';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Rows enough to tell the delimiter and find the header. */
const SNIFF_ROWS = 200;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A parsed record and the physical line it started on (0-based). */
interface Row {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records with RFC 4180 quoting: quoted fields may hold the
 * delimiter, doubled quotes and newlines. Used on a sample only; DuckDB reads the file.
 * A record left open at the end of the text (the sample was cut mid-record) is dropped.
 */
export function parseCsvRecords(text: string, delimiter: string, maxRows = Infinity): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 0;
  let rowLine = 0;
  let i = 0;
  const separator = delimiter.charCodeAt(0);
  while (i < text.length && rows.length < maxRows) {
    // A whole line at a record's start, with no lone CR and no quoted line break, is split natively: most lines are.
    if (!quoted && field === '' && cells.length === 0) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      const body = text.charCodeAt(stop - 1) === CR && stop - 1 >= i ? text.slice(i, stop - 1) : text.slice(i, stop);
      const split = body.includes('\r')
        ? null
        : body.includes('"')
          ? splitQuotedLine(body, delimiter)
          : body.split(delimiter);
      if (split) {
        if (end === -1 && body === '') break;
        rows.push({ line, cells: split });
        line++;
        rowLine = line;
        i = stop + 1;
        continue;
      }
    }
    // Character codes, not one-character strings: this runs before the JIT has warmed up.
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Up to the next quote in one slice: sampling a megabyte char by char is slow.
      const next = text.indexOf('"', i);
      const end = next === -1 ? text.length : next;
      for (let k = i; k < end; k++) if (text.charCodeAt(k) === LF) line++;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === QUOTE && field === '') {
      quoted = true;
    } else if (ch === separator) {
      cells.push(field);
      field = '';
    } else if (ch === LF || ch === CR) {
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      rowLine = line;
    } else {
      let end = i + 1;
      while (end < text.length) {
        const next = text.charCodeAt(end);
        if (next === separator || next === LF || next === CR) break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
      continue;
    }
    i++;
  }
  if (!quoted && (field !== '' || cells.length > 0) && rows.length < maxRows) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

function quoteCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/** The text of a quoted cell (`"say ""hi"""`), or null when `text` is not one whole quoted cell. */
function unquoted(text: string): string | null {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== QUOTE) return null;
  const inner = text.slice(1, -1);
  for (let at = inner.indexOf('"'); at !== -1; at = inner.indexOf('"', at + 2)) {
    if (inner.charCodeAt(at + 1) !== QUOTE) return null;
  }
  return inner.replaceAll('""', '"');
}

/**
 * The cells of one line whose quotes all close within it (`1,"$1,200.50",x`), split natively and
 * the parts of each quoted cell joined again; null when a quote does not close within the line, or
 * text follows a closing quote, which the full parser reads.
 */
function splitQuotedLine(line: string, delimiter: string): string[] | null {
  const parts = line.split(delimiter);
  const cells: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    let part = parts[k] as string;
    if (part.charCodeAt(0) !== QUOTE) {
      cells.push(part);
      continue;
    }
    // The cell closes at the first part that ends in a quote with an even count of quotes so far
    // (doubled quotes inside come in pairs): counted part by part, so a long cell costs one pass.
    const joined = [part];
    let quotes = quoteCount(part);
    while (quotes % 2 !== 0 || part.charCodeAt(part.length - 1) !== QUOTE) {
      if (++k >= parts.length) return null;
      part = parts[k] as string;
      joined.push(part);
      quotes += quoteCount(part);
    }
    const cell = unquoted(joined.join(delimiter));
    if (cell === null) return null;
    cells.push(cell);
  }
  return cells;
}

/** Whether a row's cells are the header's, in any case, blanks aside. */
function repeats(cells: string[], header: string[]): boolean {
  return (
    cells.length === header.length &&
    cells.every((cell, i) => cell.trim().toLowerCase() === header[i]?.trim().toLowerCase())
  );
}

function isBlank(row: Row): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

function mode(values: number[]): { value: number; share: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 1;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return { value: best, share: values.length ? bestCount / values.length : 0 };
}

export interface CsvDialect {
  delimiter: Delimiter;
  /** Physical lines before the first data row (title, blank and header lines), for line numbers. */
  skipLines: number;
  /**
   * Records before the first data row, for DuckDB's `skip`: it counts a blank line as one and a header cell
   * holding a line break (Excel's wrapped header) as part of its record, so it differs from `skipLines`.
   */
  skipRecords: number;
  /** 1-based line of the header, or null when the file has none. */
  headerLine: number | null;
  columns: string[];
  /** Per column, whether the header named it (see `RawSource.named`). */
  named: boolean[];
  /** A quoted cell among the first data rows that holds whole rows (its quote closes lines later), or null. */
  runawayQuote: QuoteSpan | null;
  /** The first data rows, padded or cut to the table's width. */
  sample: (string | null)[][];
}

/**
 * Sniffs delimiter and header from the start of a file. The delimiter is the one
 * that splits the most rows into the same number (above one) of fields; the header
 * is the first row that wide and mostly filled, so title and blank lines above it
 * are skipped.
 */
export function sniffCsvDialect(sampleText: string, sampleRows = SAMPLE_ROWS): CsvDialect {
  const text = sampleText.replace(/^\uFEFF/, '');
  // Excel reads (and some programs write) a first line `sep=;` naming the delimiter: it is taken at its word.
  const named = SEP_LINE.exec(text)?.[1] as Delimiter | undefined;
  let best = { delimiter: ',' as Delimiter, width: 1, score: 0 };
  for (const delimiter of named ? [named] : DELIMITERS) {
    const rows = parseCsvRecords(text, delimiter, SNIFF_ROWS).filter((row) => !isBlank(row));
    const { value: width, share } = mode(rows.map((row) => row.cells.length));
    const score = width > 1 ? share * rows.length + width / 1000 : 0;
    if (score > best.score) best = { delimiter, width, score };
  }
  const { delimiter, width } = best;
  const records = parseCsvRecords(text, delimiter, sampleRows + SNIFF_ROWS);
  const rows = records.filter((row) => !isBlank(row) && !(named && row.line === 0));
  const { index, headerless } = findHeaderRow(
    rows.slice(0, 50).map((row) => row.cells),
    width,
  );
  const header = rows[index];
  const dataStart = headerless ? index : index + 1;
  const fit = (cells: string[]) => fitRow(cells, width);
  const headerCells = headerless || !header ? Array<null>(width).fill(null) : fit(header.cells);
  return {
    delimiter,
    skipLines: rows[dataStart]?.line ?? (header ? header.line + 1 : 0),
    skipRecords: rows[dataStart] ? records.indexOf(rows[dataStart]) : header ? records.indexOf(header) + 1 : 0,
    headerLine: headerless || !header ? null : header.line + 1,
    columns: uniqueHeaderNames(headerCells),
    named: headerCells.map(namesColumn),
    runawayQuote: width >= 3 ? findRunawayQuote(rows.slice(dataStart), delimiter, width) : null,
    // A row repeating the header (pasted exports) is no value of any column: the table leaves it out too.
    sample: rows
      .slice(dataStart)
      .filter((row) => !header || headerless || !repeats(row.cells, header.cells))
      .slice(0, sampleRows)
      .map((row) => fit(row.cells)),
  };
}

/**
 * The dialect without its last columns that have no header name and no value in any sampled row (an export
 * that writes a delimiter to the end of every line, 1,500 of them), and how many there were. Such columns
 * would be left out after reading anyway; past the column limit they must be left out before it, or the
 * file is refused for columns it does not have. The sample must show at least one row.
 *
 * @example withoutEmptyTail(sniffCsvDialect('name,amount,,\na,1,,\n')).tail // 2
 */
export function withoutEmptyTail(dialect: CsvDialect): { dialect: CsvDialect; tail: number } {
  const { columns, named, sample } = dialect;
  const emptyAt = (i: number) => !named[i] && sample.every((row) => (row[i] ?? '').trim() === '');
  let kept = columns.length;
  if (sample.length > 0) while (kept > 1 && emptyAt(kept - 1)) kept--;
  if (kept === columns.length) return { dialect, tail: 0 };
  return {
    dialect: {
      ...dialect,
      columns: columns.slice(0, kept),
      named: named.slice(0, kept),
      sample: sample.map((row) => row.slice(0, kept)),
    },
    tail: columns.length - kept,
  };
}

const BREAK = /\r\n|\r|\n/;
const SEP_LINE = /^sep=([,;\t|])[ \t]*(\r\n|\r|\n)/i;

/**
 * A quote opened by mistake and closed by another quote lines later takes the rows between for one cell, and
 * DuckDB reports nothing: the record is as wide as any. Such a cell has a line inside it (neither its first nor
 * its last) with exactly as many fields as the table, which a note or an address hardly has.
 */
function findRunawayQuote(rows: Row[], delimiter: string, width: number): QuoteSpan | null {
  for (const row of rows) {
    let line = row.line + 1;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i] as string;
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      const parts = cell.split(BREAK);
      const inner = parts.slice(1, -1);
      if (inner.some((part) => part.split(delimiter).length === width)) {
        const before = row.cells.slice(0, i).join(delimiter) + (i > 0 ? delimiter : '');
        const first = parts[0] as string;
        return {
          line,
          closeLine: line + parts.length - 1,
          swallowed: parts.slice(1).filter((part) => part.trim() !== '').length,
          excerpt:
            (before.length > 20 ? `…${before.slice(-20)}` : before) +
            `"${first.length > 20 ? `${first.slice(0, 20)}…` : first}`,
        };
      }
      line += parts.length - 1;
    }
  }
  return null;
}

/** Data rows from text that starts at a row boundary past the header, in `dialect`'s delimiter and width. */
export function sampleRows(text: string, dialect: CsvDialect, maxRows = SAMPLE_ROWS): (string | null)[][] {
  return parseCsvRecords(text, dialect.delimiter, maxRows)
    .filter((row) => !isBlank(row))
    .map((row) => fitRow(row.cells, dialect.columns.length));
}

/** A row padded or cut to the table's width, empty cells as null. */
function fitRow(cells: string[], width: number): (string | null)[] {
  // A plain loop: this runs once per sampled row, at every start, before the JIT has warmed up.
  const row: (string | null)[] = new Array<string | null>(width);
  for (let i = 0; i < width; i++) {
    const cell = cells[i];
    row[i] = cell === undefined || cell === '' ? null : cell;
  }
  return row;
}
