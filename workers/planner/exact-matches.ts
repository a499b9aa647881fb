import type { DatasetMeta } from '../../core/dataset';
import { GRAIN_ADVERBS, GRAIN_NOUNS, LAST_WORDS, MONTH_WORDS, THIS_WORDS, TIME_NOUNS } from './calendar-words';
import { nameMatch } from './column-match';
import { FILLER_WORDS } from './filler-words';
import { KEYWORD_WORDS, NUMBER_WORDS } from './keyword-phrases';
import type { Item } from './question-items';
import { nameWords, type Token } from './question-tokens';
import type { ValueIndex } from './value-index';

/**
 * Words that can never be a one-word value or column name, because they steer
 * the question. Filler words still name a column spelled like them
 * (`information` in us-employment), never a value.
 */
function isReserved(word: string, forValue: boolean): boolean {
  return (
    (forValue && FILLER_WORDS.has(word)) ||
    KEYWORD_WORDS.has(word) ||
    word in MONTH_WORDS ||
    word in GRAIN_NOUNS ||
    word in GRAIN_ADVERBS ||
    word in NUMBER_WORDS ||
    TIME_NOUNS.has(word) ||
    LAST_WORDS.has(word) ||
    THIS_WORDS.has(word) ||
    word.length < 2 ||
    /^\d+([.,]\d+)*$/.test(word)
  );
}

/**
 * Words after which a reserved word names a column spelled like it: "total count" in a file with a `count`
 * column adds that column up rather than counting rows.
 */
const AGGREGATING = new Set(['total', 'sum', 'average', 'avg', 'mean', 'median', 'highest', 'lowest', 'max', 'min']);

interface Candidate {
  start: number;
  end: number;
  length: number;
  /** 0 for a name typed in order, 1 for its words in another order ("total cost" for `Cost Total $`), 2 for a value. */
  order: number;
  item: Item;
}

/** Column names and vocabulary values typed in full, longest first; a name beats a value of the same words. */
export function exactMatches(
  tokens: readonly Token[],
  meta: DatasetMeta,
  values: ValueIndex,
  words: (at: number, end: number) => string,
): Item[] {
  const view = tokens.flatMap((t, k) => (t.kind === 'symbol' ? [] : [k]));
  const found: Candidate[] = [];
  const longestName = Math.max(1, ...meta.columns.map((c) => nameWords(c.name).length));
  for (let i = 0; i < view.length; i++) {
    for (let length = 1; length <= longestName && i + length <= view.length; length++) {
      const phrase = view.slice(i, i + length).map((k) => tokens[k]?.text ?? '');
      const after = tokens[view[i - 1] ?? -1]?.text ?? '';
      if (length === 1 && isReserved(phrase[0] ?? '', false) && !AGGREGATING.has(after)) continue;
      const candidates = meta.columns.flatMap((column) => {
        const tier = nameMatch(phrase, column);
        return tier ? [{ column, tier }] : [];
      });
      const start = view[i] ?? 0;
      const end = withPercentSign(tokens, (view[i + length - 1] ?? 0) + 1, candidates);
      if (candidates.length > 0) {
        found.push({
          start,
          end,
          length,
          order: candidates.some((c) => c.tier === 'exact') ? 0 : 1,
          item: { kind: 'column', candidates, at: start, end, words: words(start, end) },
        });
      }
    }
    for (const entry of values.startingWith(tokens[view[i] ?? 0]?.text ?? '')) {
      const length = entry.words.length;
      if (i + length > view.length) continue;
      if (!entry.words.every((w, k) => tokens[view[i + k] ?? 0]?.text === w)) continue;
      if (entry.words.every((w) => isReserved(w, true))) continue;
      const start = view[i] ?? 0;
      const end = (view[i + length - 1] ?? 0) + 1;
      found.push({
        start,
        end,
        length,
        order: 2,
        item: { kind: 'value', matches: entry.matches, at: start, end, words: words(start, end) },
      });
    }
  }
  // Longest first; at equal length a name typed in order beats the same words reordered, and names beat values.
  found.sort((a, b) => b.length - a.length || a.order - b.order || a.start - b.start);
  const used = new Set<number>();
  const chosen: Item[] = [];
  for (const candidate of found) {
    const span = Array.from({ length: candidate.end - candidate.start }, (_, k) => candidate.start + k);
    if (span.some((k) => used.has(k))) continue;
    span.forEach((k) => used.add(k));
    chosen.push(candidate.item);
  }
  return chosen;
}

/**
 * The end of a column's words, past a "%" typed after them when the column's
 * own name holds one: in "average Variance % by Department" the sign is part
 * of the name `Variance %`, not a request for shares.
 */
function withPercentSign(
  tokens: readonly Token[],
  end: number,
  candidates: readonly { column: { name: string } }[],
): number {
  const named = candidates.some((c) => c.column.name.includes('%'));
  return named && tokens[end]?.text === '%' ? end + 1 : end;
}
