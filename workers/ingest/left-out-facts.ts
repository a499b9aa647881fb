/**
 * The source facts that count what reading a file left out, and the sentence a person reads for
 * each: in the reply to a shared file and in the CLI's overview.
 *
 * @example leftOutNotes({ emptyRowsLeftOut: 3 }) // ['3 empty rows were left out.']
 */
export const LEFT_OUT_FACTS = {
  /** Rows with nothing in them (`,,,,` lines, a sheet's empty rows between blocks). */
  emptyRowsLeftOut: ['empty row', 'empty rows'],
  /** Columns with no header name and no value (trailing delimiters, an export's empty columns). */
  emptyColumnsLeftOut: ['empty column without a name', 'empty columns without a name'],
  /** A report's footer: lines of text under a blank line at the end ("Report generated …", "Confidential"). */
  footerLinesLeftOut: ['line of text under the table', 'lines of text under the table'],
} as const;

export function leftOutNotes(facts: Record<string, string | number | boolean>): string[] {
  return Object.entries(LEFT_OUT_FACTS).flatMap(([key, [one, many]]) => {
    const n = facts[key];
    if (typeof n !== 'number' || n <= 0) return [];
    return [n === 1 ? `1 ${one} was left out.` : `${grouped(n)} ${many} were left out.`];
  });
}

/** Thousands grouped as en-US writes them, without Intl, whose first use costs the CLI's start tens of milliseconds. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
