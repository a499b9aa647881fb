/**
 * Characters a reader's screen acts on rather than shows: C0 controls but tab
 * and newline (ESC starts colour, cursor and title sequences in a terminal),
 * DEL, C1 controls (U+009B is a one-character CSI on some terminals) and the
 * bidirectional marks and overrides that make text read differently from what
 * it holds (`evil\u202eexe.txt`). A cell or a question from a file must not be
 * able to move a cursor, rewrite earlier output or mirror the rest of an answer.
 */
// eslint-disable-next-line no-control-regex
export const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text with every such character removed. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}
