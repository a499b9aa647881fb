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
