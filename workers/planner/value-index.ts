import type { DatasetMeta } from '../../core/dataset';
import { nameMatch } from './column-match';
import { singulars, valueWords } from './question-tokens';
import type { Vocabulary } from './vocabulary';

/** A value of a column, as stored (its exact spelling goes into the filter). */
export interface ValueMatch {
  column: string;
  value: string;
}

/** Values spelled with the same words, possibly in several columns ("Washington" is a City and a State). */
export interface ValueEntry {
  words: string[];
  matches: ValueMatch[];
}

export interface ValueIndex {
  /** Entries whose first word is `word`. */
  startingWith(word: string): readonly ValueEntry[];
  /** One-word values that `word` names up to a plural or a "-y" adjective ("binder" for `Binders`, "sunny" for `sun`). */
  singularMatches(word: string): ValueMatch[];
}

const cache = new WeakMap<Vocabulary, ValueIndex>();

/**
 * Indexes a vocabulary's values by their words for matching against questions.
 * A value spelled like a column's name is left out: a column named in a
 * question is a column, not a filter. Built once per vocabulary.
 *
 * @example
 * valueIndex(vocabulary, meta).startingWith('new').map((e) => e.words.join(' ')) // ['new york city', 'new york', …]
 */
export function valueIndex(vocabulary: Vocabulary, meta: DatasetMeta): ValueIndex {
  const cached = cache.get(vocabulary);
  if (cached) return cached;
  const byWords = new Map<string, ValueEntry>();
  const bySingular = new Map<string, ValueMatch[]>();
  for (const [column, values] of Object.entries(vocabulary.values)) {
    for (const value of values) {
      const words = valueWords(value);
      if (words.length === 0 || meta.columns.some((c) => nameMatch(words, c) === 'exact')) continue;
      const key = words.join(' ');
      const entry = byWords.get(key) ?? { words, matches: [] };
      entry.matches.push({ column, value });
      byWords.set(key, entry);
      if (words.length === 1 && (words[0]?.length ?? 0) > 2) {
        for (const form of singulars(words[0] ?? '')) listAt(bySingular, form).push({ column, value });
      }
    }
  }
  const byFirst = new Map<string, ValueEntry[]>();
  for (const entry of byWords.values()) listAt(byFirst, entry.words[0] ?? '').push(entry);
  const index: ValueIndex = {
    startingWith: (word) => byFirst.get(word) ?? [],
    singularMatches: (word) => {
      const found = [...singulars(word), ...adjectiveStems(word)].flatMap((form) => bySingular.get(form) ?? []);
      return [...new Map(found.map((m) => [`${m.column}\u0000${m.value}`, m])).values()];
    },
  };
  cache.set(vocabulary, index);
  return index;
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** The nouns under a "-y" adjective: "rainy" → rain, "sunny" → sun, "foggy" → fog. */
function adjectiveStems(word: string): string[] {
  if (word.length < 5 || !word.endsWith('y')) return [];
  const stem = word.slice(0, -1);
  const undoubled = /(.)\1$/.test(stem) ? [stem.slice(0, -1)] : [];
  return [stem, ...undoubled];
}
