import { groupThousands } from '../../core/thousands';

/**
 * The source facts that count what reading a file left out or read as empty, and the sentence a
 * person reads for each: in the reply to a shared file and in the CLI's overview. Each is a count
 * with the thing counted (one, many) and what became of it.
 *
 * @example leftOutNotes({ emptyRowsLeftOut: 3 }) // ['3 empty rows were left out.']
 */
export const LEFT_OUT_FACTS = {
  /** Rows with nothing in them (`,,,,` lines, a sheet's empty rows between blocks). */
  emptyRowsLeftOut: ['empty row', 'empty rows', 'left out'],
  /** Columns with no header name and no value (trailing delimiters, an export's empty columns). */
  emptyColumnsLeftOut: ['empty column without a name', 'empty columns without a name', 'left out'],
  /** Rows repeating the header (exports pasted one under another). */
  headerRowsLeftOut: ['row repeating the header', 'rows repeating the header', 'left out'],
  /** A report's footer: lines of text under a blank line at the end ("Report generated …", "Confidential"). */
  footerLinesLeftOut: ['line of text under the table', 'lines of text under the table', 'left out'],
  /** A printed report's page numbers between its pages, alone on their lines ("Page 1 of 3", "- 2 -"). */
  pageLinesLeftOut: [
    "page number line (such as 'Page 1 of 3')",
    "page number lines (such as 'Page 1 of 3')",
    'left out',
  ],
  /** A workbook's cells holding an error value (#DIV/0!, #N/A). */
  errorCells: [
    'cell holding an Excel error (#DIV/0!, #N/A)',
    'cells holding an Excel error (#DIV/0!, #N/A)',
    'read as empty',
  ],
  /** A workbook's formulas with no saved result: written by a program, never calculated by Excel. */
  uncalculatedCells: [
    'formula with no saved result',
    'formulas with no saved result',
    'read as empty: the workbook was never calculated by Excel; open it in Excel, save it and send it again',
  ],
} as const;

export function leftOutNotes(facts: Record<string, string | number | boolean>): string[] {
  return Object.entries(LEFT_OUT_FACTS).flatMap(([key, [one, many, what]]) => {
    const n = facts[key];
    if (typeof n !== 'number' || n <= 0) return [];
    return [n === 1 ? `1 ${one} was ${what}.` : `${groupThousands(String(n))} ${many} were ${what}.`];
  });
}
