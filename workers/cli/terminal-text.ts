/**
 * Characters a terminal acts on rather than prints: C0 controls but tab and
 * newline (ESC starts colour, cursor and title sequences), DEL, C1 controls
 * (U+009B is a one-character CSI on some terminals) and the bidirectional
 * overrides that make text read differently from what it holds. A cell or a
 * question from a file must not be able to move the cursor, rewrite earlier
 * output or retitle the window.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal with every control character removed. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

/** JSON for a terminal: the same characters written as `\uXXXX` escapes, so the data is unchanged once parsed. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value).replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
