import type { DuckDBConnection } from '@duckdb/node-api';
import { describeBytes, WorkerError } from '../errors';
import { queryRows, quoteIdent, quoteLiteral } from '../engine/duckdb';
import { parseCsvRecords, sampleRows, sniffCsvDialect, withoutEmptyTail, type CsvDialect } from './csv-dialect';
import { HEAD_BYTES, readHead } from './file-head';
import { footerStart, isPageLine } from './footer-lines';
import { hasMixedLineEndings, normaliseLineEndings } from './line-endings';
import { physicalLines } from './line-numbers';
import { fieldsInFirstLine, longFirstLine } from './long-first-line';
import { readPastLongRows } from './long-rows';
import { followQuote, unclosedQuoteError } from './quote-span';
import {
  MAX_COLUMNS,
  tooManyColumns,
  type RawSource,
  type ScanRejects,
  type ScanType,
  type UnreadableRow,
} from './raw-source';
import {
  decodeSample,
  describeLines,
  detectEncoding,
  repairUtf8,
  transcodeToUtf8,
  type TextEncoding,
} from './text-encoding';

const EXAMPLES = 5;

const NO_REJECTS: ScanRejects = { padded: [], unreadable: [], unreadableCount: 0, castFailures: [] };

/**
 * How far the sniffer reads to find a first data row, and the longest line
 * DuckDB's reader accepts on a file that has a line over its default of 2 MB:
 * a longer one is reported as unreadable, not taken for the end of the data.
 * Only such files are read with it: DuckDB sizes its read buffers at 16 times
 * the longest line, and buffers of 256 MB cost every other file memory and
 * half its reading speed.
 */
const MAX_SNIFF_BYTES = 16 * HEAD_BYTES;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * Prepares a CSV or TSV for loading, given its first megabyte (`head`): detects the encoding over the whole file
 * (transcoding to a UTF-8 copy in `workDir` when it is not UTF-8), sniffs the
 * delimiter and header from the first megabyte, and returns a `read_csv` relation
 * that DuckDB scans with every column as text and bad rows kept aside.
 */
export async function readCsvSource(
  path: string,
  head: Buffer,
  options: { connection: DuckDBConnection | Promise<DuckDBConnection>; table: string; workDir: () => Promise<string> },
): Promise<RawSource> {
  const encoding = await detectEncoding(head);
  let dataPath = path;
  const copyIn = async (suffix: string) => `${await options.workDir()}/${options.table}.${suffix}.csv`;
  const facts: Record<string, string | number> = { encoding: describeEncoding(encoding) };
  // Whether the file has lines ending in CRLF and in bare LF both, which DuckDB's reader cannot read (it
  // refuses the file, or sets aside or drops rows): the whole file is read for them while DuckDB reads it,
  // and its answer is awaited before any scan's result is taken. Started with the first scan, not before:
  // on two cores it slowed the sniffing and the database's opening, which the first scan waits for.
  let mixedEndings: Promise<boolean> | undefined;
  const readEndings = () => {
    if (mixedEndings) return;
    mixedEndings = hasMixedLineEndings(dataPath);
    // Awaited by every scan; a file refused before its first scan leaves it unawaited.
    mixedEndings.catch(() => undefined);
  };
  // Whether the file is read from a copy with LF only.
  let lfOnly = false;
  /** Reads the file from a copy with LF only when it has both endings; true when that is new, and scans must run again. */
  const toLfOnly = async () => {
    if (lfOnly || !(await mixedEndings)) return false;
    const lf = await copyIn('lf');
    await normaliseLineEndings(dataPath, lf);
    dataPath = lf;
    lfOnly = true;
    return true;
  };
  // Whether the file is already read from a UTF-8 copy, so stray bytes DuckDB finds later are not repaired twice.
  let repaired = encoding !== 'utf-8' && encoding !== 'utf-8-bom';
  const repair = async () => {
    repaired = true;
    const copy = await copyIn('utf8');
    dataPath = copy;
    const lines = await repairUtf8(path, copy);
    facts.encoding = `UTF-8 (${describeLines(lines)} not UTF-8, read as Windows-1252)`;
    // The copy has the original's line endings, already known once they are being read.
    lfOnly = false;
    if (mixedEndings) await toLfOnly();
  };
  if (encoding === 'utf-8-mixed') await repair();
  else if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    dataPath = await copyIn('utf8');
    await transcodeToUtf8(path, encoding, dataPath);
  }
  const decoded = await decodeSample(head, encoding);
  const long = longFirstLine(decoded);
  if (long && long.fields > MAX_COLUMNS) throw tooManyColumns(await fieldsInFirstLine(dataPath, long.delimiter));
  const text = completeLines(decoded, head.length === HEAD_BYTES);
  if (text.trim() === '') throw new WorkerError('FILE_EMPTY', 'The file is empty: it has no header and no rows.');
  let dialect = sniffCsvDialect(text);
  let cut = head.length === HEAD_BYTES;
  // Set once a line over DuckDB's default longest line is seen, here or by a scan.
  let longLines = false;
  // A first data row longer than the block (a cell holding a megabyte of text) is found by reading further.
  for (let bytes = HEAD_BYTES * 4; dialect.sample.length === 0 && cut && bytes <= MAX_SNIFF_BYTES; bytes *= 4) {
    const block = readHead(path, bytes);
    cut = block.length === bytes;
    longLines = true;
    dialect = sniffCsvDialect(completeLines(await decodeSample(block, encoding), cut));
  }
  // Empty last fields are left out only past the limit: below it the typed table drops them after
  // checking every row, at no cost of a scan here.
  let emptyTail = 0;
  if (dialect.columns.length > MAX_COLUMNS) ({ dialect, tail: emptyTail } = withoutEmptyTail(dialect));
  if (dialect.columns.length > MAX_COLUMNS) throw tooManyColumns(dialect.columns.length);
  const fields = dialect.columns.length + emptyTail;
  if (dialect.sample.length === 0 && cut && dialect.columns.length > 1) {
    // Still no row within the longest line DuckDB reads: the rows there are longer, and DuckDB will set them
    // aside as unreadable; the sample comes from the rows after them.
    const past = await readPastLongRows(dataPath, {
      startLine: dialect.skipLines,
      maxRowBytes: MAX_SNIFF_BYTES,
      bytes: HEAD_BYTES,
    });
    dialect = { ...dialect, sample: sampleRows(past.text, dialect) };
    const [first] = past.skipped;
    if (dialect.sample.length === 0 && first) {
      const others = past.skipped.length > 1 ? ` (and so are the ${past.skipped.length - 1} rows after it)` : '';
      throw new WorkerError(
        'NO_DATA_ROWS',
        `Line ${first.line} is ${describeBytes(first.bytes)} long${others}, and the longest row I can read is ` +
          `${describeBytes(MAX_SNIFF_BYTES)}: the file has a header (${describeHeader(dialect)}) but no row I can read. ` +
          'Shorten the long cells or split them across rows.',
      );
    }
  }
  if (dialect.runawayQuote) throw unclosedQuoteError(dialect.runawayQuote);
  if (dialect.sample.length === 0) {
    throw new WorkerError('NO_DATA_ROWS', `The file has a header (${describeHeader(dialect)}) but no rows of data.`);
  }
  facts.delimiter = DELIMITER_NAMES[dialect.delimiter] ?? dialect.delimiter;
  facts.headerLine = dialect.headerLine ?? 'none';
  const rejectsTable = (pass: number) => `${options.table}__rejects${pass}`;
  // The empty last fields are declared, or DuckDB sets every row aside as too wide, and never selected.
  const readCsv = (types: ScanType[], rejects: string) => {
    const columns = [...types, ...Array<ScanType>(emptyTail).fill('VARCHAR')].map((type, i) => `'c${i}': '${type}'`);
    return (
      `read_csv(${quoteLiteral(dataPath)}, auto_detect = false, header = false, skip = ${dialect.skipRecords}, ` +
      `delim = ${quoteLiteral(dialect.delimiter)}, quote = '"', escape = '"', columns = {${columns.join(', ')}}, ` +
      `null_padding = false, ignore_errors = true, ` +
      (longLines ? `max_line_size = ${MAX_SNIFF_BYTES}, ` : '') +
      `${rejects})`
    );
  };
  // The sample said the empty last fields are empty; a value in one further down makes the table as wide as its lines.
  let tailChecked = emptyTail === 0;
  const refuseFilledTail = async () => {
    tailChecked = true;
    const connection = await options.connection;
    const tail = Array.from({ length: emptyTail }, (_, k) => `c${dialect.columns.length + k}`);
    const from = readCsv(Array<ScanType>(dialect.columns.length).fill('VARCHAR'), 'store_rejects = false');
    const [found] = await queryRows(
      connection,
      `SELECT count(*) > 0 AS filled FROM ${from} WHERE trim(concat(${tail.join(', ')})) <> ''`,
    );
    if (found?.filled) throw tooManyColumns(fields);
  };
  // Set on each scan's rejects, so a scan run again does not keep the count of the one before.
  const countLeftOut = (fact: 'footerLinesLeftOut' | 'pageLinesLeftOut', count: number) => {
    if (count > 0) facts[fact] = count;
    else delete facts[fact];
  };
  return {
    format: 'csv',
    scan: (types, pass) => {
      readEndings();
      return readCsv(
        types,
        `store_rejects = true, ` +
          `rejects_scan = ${quoteLiteral(`${rejectsTable(pass)}_scan`)}, rejects_table = ${quoteLiteral(rejectsTable(pass))}`,
      );
    },
    readsTypes: true,
    // A file with both line endings can make DuckDB refuse it outright.
    recover: toLfOnly,
    rejects: async (pass) => {
      if (await toLfOnly()) return { ...NO_REJECTS, rescan: true };
      if (!tailChecked) await refuseFilledTail();
      const rejects = await collectRejects(await options.connection, rejectsTable(pass), dialect, fields, dataPath);
      if (rejects.openQuote !== null) await refuseSwallowedRows(dataPath, rejects.openQuote);
      if (rejects.lineTooLong && !longLines) {
        longLines = true;
        return { ...rejects, rescan: true };
      }
      if (rejects.invalidText && !repaired) {
        // Valid UTF-8 at the start but not further on: keep the UTF-8 and read only the stray bytes otherwise.
        await repair();
        return { ...rejects, rescan: true };
      }
      // A report's footer lines, and the page numbers printed between its pages, come in as rows with
      // their other cells missing: they are no rows of the table.
      const footer = rejects.padded.length > 0 ? await footerStart(dataPath, dialect.delimiter) : null;
      const inTable = rejects.padded.filter((_, k) => footer === null || (rejects.paddedAt[k] as number) < footer);
      const kept = inTable.filter((cells) => !isPageLine(cells));
      countLeftOut('footerLinesLeftOut', rejects.padded.length - inTable.length);
      countLeftOut('pageLinesLeftOut', inTable.length - kept.length);
      return kept.length === rejects.padded.length ? rejects : { ...rejects, padded: kept };
    },
    columns: dialect.columns,
    named: dialect.named,
    sample: dialect.sample,
    hints: dialect.columns.map(() => ({})),
    sheet: null,
    sheets: [],
    unreadable: [],
    unreadableCount: 0,
    firstDataRow: dialect.skipLines + 1,
    emptyColumns: emptyTail,
    facts,
  };
}

/** Drops a last line cut by the sample's end, so the sniffer never sees half a row. */
function completeLines(text: string, truncated: boolean): string {
  if (!truncated) return text;
  const end = text.lastIndexOf('\n');
  return end > 0 ? text.slice(0, end + 1) : text;
}

function describeEncoding(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'UTF-8 (with BOM)' : encoding === 'utf-8-mixed' ? 'UTF-8' : encoding.toUpperCase();
}

function describeHeader(dialect: CsvDialect): string {
  const names = dialect.columns.slice(0, 4).map((name) => `"${name}"`);
  return names.join(', ') + (dialect.columns.length > 4 ? ', …' : '');
}

async function collectRejects(
  connection: DuckDBConnection,
  errors: string,
  dialect: CsvDialect,
  fields: number,
  path: string,
): Promise<ScanRejects & { paddedAt: number[]; invalidText: boolean; lineTooLong: boolean; openQuote: number | null }> {
  const width = dialect.columns.length;
  const rows = await queryRows(
    connection,
    `SELECT line, byte_position, error_type, csv_line, column_name FROM ${quoteIdent(errors)} ORDER BY line`,
  );
  const result = {
    padded: [] as (string | null)[][],
    /** Where each padded row is in the file, as DuckDB reports it (a byte within the row). */
    paddedAt: [] as number[],
    unreadable: [] as UnreadableRow[],
    unreadableCount: 0,
    castFailures: [] as number[],
    invalidText: false,
    lineTooLong: false,
    openQuote: null as number | null,
  };
  const castFailures = new Set<number>();
  const seen = new Set<string>();
  // DuckDB's byte_position is the byte after the one at fault.
  const offsets: number[] = [];
  for (const row of rows) {
    const line = Number(row.line);
    if (row.error_type === 'CAST') {
      castFailures.add(Number(String(row.column_name).slice(1)));
      continue;
    }
    // DuckDB reports one reject per faulty cell; a row counts once.
    if (seen.has(String(line))) continue;
    seen.add(String(line));
    // DuckDB's line of a row after blank lines starts with their line breaks, which are no cells of it.
    const text = String(row.csv_line ?? '').replace(/^[\r\n]+/, '');
    if (row.error_type === 'INVALID ENCODING') result.invalidText = true;
    if (row.error_type === 'LINE SIZE OVER MAXIMUM') result.lineTooLong = true;
    // DuckDB's byte_position of a quote error is the byte after the quote that opened the field.
    if (row.error_type === 'UNQUOTED VALUE') result.openQuote ??= Number(row.byte_position) - 1;
    if (row.error_type === 'MISSING COLUMNS') {
      const cells = parseCsvRecords(text, dialect.delimiter, 1)[0]?.cells ?? [];
      result.padded.push(Array.from({ length: width }, (_, i) => cells[i] || null));
      result.paddedAt.push(Number(row.byte_position));
      continue;
    }
    result.unreadableCount++;
    if (result.unreadable.length < EXAMPLES) {
      offsets.push(Number(row.byte_position) - 1);
      result.unreadable.push({
        line,
        reason: rejectReason(String(row.error_type), text, dialect, fields),
        text: text.slice(0, 200),
      });
    }
  }
  result.castFailures = [...castFailures];
  if (offsets.length > 0) {
    const lines = await physicalLines(path, offsets);
    result.unreadable.forEach((example, i) => (example.line = lines[i] ?? example.line));
  }
  return result;
}

/**
 * DuckDB takes everything after a quote that opens a field, up to the quote that closes it, for that one field,
 * then sets the whole record aside as a quote error: when the quote never closes, every row after it is lost
 * (to the end of the file, or of a parallel reader's chunk), yet it reports one unreadable line. Refuses the
 * file when the quote at byte `at` spans other lines; a quote closed on its own line costs only that row.
 */
async function refuseSwallowedRows(path: string, at: number): Promise<void> {
  const span = await followQuote(path, at);
  if (!span || span.swallowed === 0) return;
  throw unclosedQuoteError(span);
}

/** Why DuckDB set a row aside, in words; `fields` is the header's count, empty last fields left out or not. */
function rejectReason(type: string, text: string, dialect: CsvDialect, fields: number): string {
  switch (type) {
    case 'TOO MANY COLUMNS': {
      const found = parseCsvRecords(text, dialect.delimiter, 1)[0]?.cells.length ?? 0;
      return `${found} fields where the header has ${fields}`;
    }
    case 'INVALID ENCODING':
      return 'bytes that are not valid text';
    case 'UNQUOTED VALUE':
      return 'a quote in the middle of an unquoted field';
    case 'LINE SIZE OVER MAXIMUM':
      return `a line longer than ${describeBytes(MAX_SNIFF_BYTES)}`;
    default:
      return type.toLowerCase();
  }
}
