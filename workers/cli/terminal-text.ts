import { UNPRINTABLE } from '../../core/printable-text';

/** JSON for a terminal: the same characters written as `\uXXXX` escapes, so the data is unchanged once parsed. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value).replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest cell a terminal table shows; the rest is in `--json`. */
const CELL_CHARS = 60;

/** A cell for one line of a terminal table: line breaks and tabs as spaces, and cut with "…" past 60 characters. */
export function cellText(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > CELL_CHARS ? `${flat.slice(0, CELL_CHARS - 1)}…` : flat;
}

/** The longest question the CLI repeats back; a pasted page would otherwise fill the terminal, twice. */
const QUESTION_CHARS = 120;

/** A question (or a quote of one) as the CLI repeats it: on one line, and cut with "…" past 120 characters. */
export function echoedQuestion(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUESTION_CHARS ? `${flat.slice(0, QUESTION_CHARS - 1)}…` : flat;
}

/** A sentence that quotes the question (a planner's reason for declining it), with each long quote cut. */
export function withEchoesCut(sentence: string): string {
  return sentence.replace(/"([^"]{121,})"/g, (_, quoted: string) => `"${echoedQuestion(quoted)}"`);
}
