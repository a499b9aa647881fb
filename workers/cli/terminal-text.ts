import { UNPRINTABLE } from '../../core/printable-text';

/** JSON for a terminal: the same characters written as `\uXXXX` escapes, so the data is unchanged once parsed. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value).replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
