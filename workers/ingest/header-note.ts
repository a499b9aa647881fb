/**
 * The note for a table read without a header: its first line (a sheet's first row) holds data, so the
 * columns are named by position. Without it a person sees "Column 1" and wonders where their names went,
 * or takes a first row they expected as names for a row too many.
 *
 * @example headerNotes({ headerLine: 'none' }) // ['The first line holds data, not column names: …']
 */
export function headerNotes(facts: Record<string, string | number | boolean>): string[] {
  const first = facts.headerLine === 'none' ? 'line' : facts.headerless === true ? 'row' : null;
  if (first === null) return [];
  return [
    `The first ${first} holds data, not column names, so it was read as a row and the columns are named ` +
      'by position (Column 1, Column 2, …).',
  ];
}
