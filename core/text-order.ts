/**
 * Orders text by its characters, case aside (and then by case, so that the order is total): "apple"
 * before "Banana", as a reader expects of values tied in a count, and ISO dates by time. Not
 * `localeCompare`: its first call loads ICU's collation, some 10 ms of every CLI start, which prints
 * the tied values of a profile. Accented letters sort after z.
 *
 * @example ['cherry', 'Banana', 'apple'].sort(compareText) // ['apple', 'Banana', 'cherry']
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
