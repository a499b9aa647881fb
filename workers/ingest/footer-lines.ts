import { open } from 'node:fs/promises';

/** How far from its end a file is looked at for a footer, and how many lines a footer has at most. */
const TAIL_BYTES = 64 * 1024;
const MAX_FOOTER_LINES = 5;

/**
 * Where a footer under a CSV's table starts, as a byte offset, or null when there is none. A
 * footer is what report exports (SAP, ERP systems) write below the data: after a blank line, a
 * few lines of text with no delimiter and no quote in them ("Report generated 2024-01-05 by SAP",
 * "Confidential"), then nothing but blank lines. DuckDB reads each such line as a row with its
 * other cells missing; a row in the middle of the table never follows a blank line to the end.
 */
export async function footerStart(path: string, delimiter: string): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const from = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - from);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, from);
    // latin1 keeps one character per byte, so a line's offset is its byte offset; delimiters,
    // quotes and line breaks are ASCII either way.
    const lines = buffer.subarray(0, bytesRead).toString('latin1').split('\n');
    let position = from;
    const offsets = lines.map((line) => {
      const at = position;
      position += line.length + 1;
      return at;
    });
    let end = lines.length - 1;
    while (end >= 0 && (lines[end] as string).trim() === '') end--;
    let start = end;
    while (start >= 0 && end - start < MAX_FOOTER_LINES && isFooterLine(lines[start] as string, delimiter)) start--;
    // `start` is now the line above the footer: it must be blank, and the footer hold a line at least.
    if (start === end || start < 1 || (lines[start] as string).trim() !== '') return null;
    return offsets[start + 1] as number;
  } finally {
    await handle.close();
  }
}

function isFooterLine(line: string, delimiter: string): boolean {
  return line.trim() !== '' && !line.includes(delimiter) && !line.includes('"');
}

/**
 * A page's number as a report prints it between the pages of one table: `Page 1 of 3`, `Page 2`,
 * `Page 1/3`, `- 2 -`, and the same in German (`Seite 1 von 3`), French (`Page 1 sur 3`),
 * Spanish (`Página 1 de 3`) and Dutch (`Pagina 1 van 3`, `Blad 2`).
 */
export const PAGE_NUMBER =
  /^(-\s*\d+\s*-|(page|seite|p[áa]gina|blad|blatt|pg\.?)\s*:?\s*\d+(\s*(of|von|sur|de|van|\/)\s*\d+)?)$/i;

/**
 * Whether a row read with its other cells missing is a page number line. A printed report turned
 * into CSV keeps one under each page, inside the table, where the footer test (a blank line, then
 * nothing but text to the end) never looks; with nothing else on the line it is no row of data.
 */
export function isPageLine(cells: (string | null)[]): boolean {
  const [first, ...rest] = cells;
  return (
    typeof first === 'string' &&
    rest.every((cell) => cell === null || cell.trim() === '') &&
    PAGE_NUMBER.test(first.trim())
  );
}
