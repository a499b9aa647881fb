/** Everything the Teams edge says to people, in one place; sent as plain text, so nothing typed is markup. */
export const teamsTexts = {
  working: 'Working on it…',
  workingOn: (question: string) => `Working on “${question}”…`,
  reading: (fileName: string) => `Reading ${fileName}…`,
  readingMessage: 'Reading the file…',
  exporting: (format: 'sql' | 'csv') => (format === 'sql' ? 'Getting the SQL…' : 'Preparing the CSV…'),
  notATable: (fileName: string) =>
    `${fileName} doesn’t look like a table, so I’ll leave it. I read CSV, TSV and Excel (.xlsx) files.`,
  questionTooLong: (length: number, limit: number) =>
    `That question is ${length.toLocaleString('en-US')} characters long; please keep it under ${limit.toLocaleString('en-US')}.`,
  staleButton: 'That button no longer works. Ask the question again instead.',
  queueFailed: (reference: string) =>
    `Sorry, I couldn’t start on that: something broke on our side. Please try again in a minute. (reference ${reference})`,
};
