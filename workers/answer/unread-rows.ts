import type { DatasetMeta } from '../../core/dataset';

/** Longer reasons are cut: the note is one line of a footer, and the overview lists the rows whole. */
const MAX_REASON = 80;

/**
 * What an answer says about rows of the file that could not be read (too many
 * fields, a line too long to read): they were set aside at ingest, so no figure
 * counts them, and a total that misses a third of the file must say so where it
 * is read, not only in the file's overview. One line, with the first example;
 * `what` is the reply it goes under (an answer, a digest post).
 *
 * @example
 * unreadRowsNote(meta)
 * // '950 rows of the file could not be read (e.g. line 1,002: 3 fields where the header has 2) and are not in this answer.'
 */
export function unreadRowsNote(
  meta: Pick<DatasetMeta, 'unreadable'>,
  what: 'answer' | 'digest' = 'answer',
): string | undefined {
  const { count, examples } = meta.unreadable;
  if (count <= 0) return undefined;
  const first = examples[0];
  const rows = count === 1 ? '1 row' : `${count.toLocaleString('en-US')} rows`;
  const example = first ? ` (${count === 1 ? '' : 'e.g. '}${where(first.line)}${reason(first.reason)})` : '';
  return `${rows} of the file could not be read${example} and ${count === 1 ? 'is' : 'are'} not in this ${what}.`;
}

function where(line: number | null): string {
  return line === null ? '' : `line ${line.toLocaleString('en-US')}: `;
}

function reason(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON - 1)}…` : oneLine;
}
