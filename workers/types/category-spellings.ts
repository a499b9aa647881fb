import { compareText } from '../../core/text-order';
import { quoteLiteral } from '../engine/duckdb';
import type { Tally } from './typed-table';

/** Values of a category that differ only in case or in blanks around them, and the one they become. */
export interface SpellingMerge {
  canonical: string;
  others: string[];
}

const MAX_NAMED = 3;

/**
 * The groups of a category's values that differ only in case or surrounding blanks ("apple", "Apple",
 * " apple"), as a careless export writes one value several ways: each becomes its most common
 * spelling, without the blanks (on a tie in count, the first in alphabetical order).
 *
 * @example spellingMerges([{ key: 'apple', value: 5n }, { key: 'Apple ', value: 2n }]) // [{ canonical: 'apple', others: ['Apple '] }]
 */
export function spellingMerges(tally: Tally): SpellingMerge[] {
  const groups = new Map<string, { key: string; count: number }[]>();
  for (const { key, value } of tally) {
    if (typeof key !== 'string') continue;
    const folded = key.trim().toLowerCase();
    if (folded === '') continue;
    const group = groups.get(folded) ?? [];
    group.push({ key, count: Number(value) });
    groups.set(folded, group);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const [top] = [...group].sort((a, b) => b.count - a.count || compareText(a.key, b.key));
      const canonical = (top?.key ?? '').trim();
      return { canonical, others: group.map(({ key }) => key).filter((key) => key !== canonical) };
    });
}

/** The tally with each merged group counted under its canonical spelling. */
export function mergedTally(tally: Tally, merges: SpellingMerge[]): Tally {
  const into = new Map(merges.flatMap(({ canonical, others }) => others.map((other) => [other, canonical])));
  const counts = new Map<unknown, bigint>();
  for (const { key, value } of tally) {
    const target = typeof key === 'string' ? (into.get(key) ?? key) : key;
    counts.set(target, (counts.get(target) ?? 0n) + BigInt(value as bigint | number));
  }
  return [...counts].map(([key, value]) => ({ key, value }));
}

/** The SQL that rewrites a staged column's other spellings to their canonical one. */
export function mergeSpellingsSql(stage: string, column: string, merges: SpellingMerge[]): string {
  const pairs = merges.flatMap(({ canonical, others }) => others.map((other) => [other, canonical] as const));
  const cases = pairs.map(([other, canonical]) => `WHEN ${quoteLiteral(other)} THEN ${quoteLiteral(canonical)}`);
  const list = pairs.map(([other]) => quoteLiteral(other)).join(', ');
  return `UPDATE ${stage} SET ${column} = CASE ${column} ${cases.join(' ')} END WHERE ${column} IN (${list})`;
}

/** The note that says which values were written several ways and are counted as one. */
export function spellingNote(merges: SpellingMerge[]): string {
  const quoted = (text: string) => `"${text}"`;
  const named = merges.slice(0, MAX_NAMED).map(({ canonical, others }) => {
    const shown = others.slice(0, MAX_NAMED).map(quoted).join(', ');
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    return `${quoted(canonical)} (also written ${shown}${more})`;
  });
  const rest = merges.length > MAX_NAMED ? ` and ${merges.length - MAX_NAMED} more` : '';
  const values = merges.length === 1 ? 'a value written in several ways' : 'values written in several ways';
  return `counted ${values} as one: ${named.join('; ')}${rest}`;
}
