/**
 * Items in a sentence: "a", "a and b", "a, b and c".
 *
 * @example joinWords(['West', 'East'], 'or') // 'West or East'
 */
export function joinWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
