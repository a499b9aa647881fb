/** What the first bytes of an upload say it is. */
export type FileKind =
  | { kind: 'text' }
  | { kind: 'zip' }
  | { kind: 'encrypted-office' }
  | { kind: 'legacy-xls' }
  | { kind: 'binary'; what: string };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Office stores a password-protected xlsx as a CFB container with this stream in it. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

/**
 * Control bytes that never appear in text: a file with many of them in its first
 * block is binary whatever its name says. UTF-16 text is told apart first by its
 * zero bytes falling on one side of each pair.
 */
function looksBinary(head: Buffer): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const byte of head) {
    if ((byte < 0x09 || (byte > 0x0d && byte < 0x20)) && byte !== 0x1b) control++;
  }
  return control / head.length > 0.01;
}

/**
 * Classifies an upload by its first bytes (a few KB), not by its name.
 *
 * @param head the first bytes of the file
 * @param whole for CFB containers, a larger read in which to look for the encryption stream
 */
export function sniffFileKind(head: Buffer, whole: Buffer = head): FileKind {
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(head, CFB)) {
    return whole.includes(ENCRYPTED_PACKAGE) ? { kind: 'encrypted-office' } : { kind: 'legacy-xls' };
  }
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.bytes)) return { kind: 'binary', what: signature.what };
  }
  if (isUtf16(head)) return { kind: 'text' };
  if (looksBinary(head)) return { kind: 'binary', what: 'not text' };
  const start = head
    .subarray(0, 8192)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const notRows = jsonKind(start) ?? markupKind(start);
  return notRows ? { kind: 'binary', what: notRows } : { kind: 'text' };
}

/**
 * A report some systems save as HTML or as Excel 2003's XML, named `.xls`: read as CSV it is a
 * column of tags. Excel opens both, and saves them as a workbook that reads. `start`: the file's
 * first text, without a byte-order mark or leading blanks, as for {@link jsonKind}.
 */
function markupKind(start: string): string | null {
  const text = start.slice(0, 1024).toLowerCase();
  if (/^<\?xml[^>]*>\s*<\?mso-application[^>]*excel\.sheet/.test(text) || /^<\?xml[^>]*>\s*<workbook/.test(text)) {
    return 'an Excel 2003 XML workbook; open it in Excel and save it as .xlsx';
  }
  if (/^(<!doctype html|<html|<table)\b/.test(text)) {
    return 'a web page (HTML), as some systems save reports named .xls; open it in Excel and save it as .xlsx or CSV';
  }
  return null;
}

/**
 * JSON records are not rows: a CSV reader splits `{"a": 1, "b": 2}` at its
 * commas into a table of fragments. An array of records starts with `[` then
 * `{` or `[`; NDJSON's first line is a whole object; a pretty-printed object
 * opens with `{` and a quoted key. A bracketed CSV header (`[Region],[Sales]`)
 * matches none of these.
 */
function jsonKind(text: string): string | null {
  if (/^\[\s*([{[]|\]\s*$)/.test(text)) return 'JSON (an array of records), not rows and columns';
  if (!text.startsWith('{')) return null;
  if (/^\{\s*("|$)/.test(text)) {
    const firstLine = text.split(/\r?\n/, 1)[0] as string;
    return isJsonObject(firstLine) && text.length > firstLine.length + 1
      ? 'JSON lines (one record per line), not rows and columns'
      : 'JSON, not rows and columns';
  }
  return null;
}

function isJsonObject(line: string): boolean {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

/** UTF-16 by its byte-order mark, or by zero bytes on one side of most pairs (ASCII-heavy text without a BOM). */
export function utf16Order(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function isUtf16(head: Buffer): boolean {
  return utf16Order(head) !== null;
}
