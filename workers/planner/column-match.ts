import type { ColumnProfile } from '../../core/dataset';
import { synonymColumns } from './column-synonyms';
import { editDistance, nameWords, sameWord } from './question-tokens';

/**
 * How a phrase of a question names a column, best first:
 * - `exact`: the name's words in order ("customer names" for `Customer Name`);
 * - `words`: the same words in another order, or run together ("total cost" for
 *   `Cost Total $`, "subcategory" for `Sub-Category`);
 * - `partial`: some of the name's words ("customer" for `Customer ID`, "temp" for `temp_max`);
 * - `synonym`: a word of the same kind ("revenue" for `Sales`);
 * - `fuzzy`: a misspelling of a name word ("proft" for `Profit`).
 */
export const MATCH_TIERS = ['exact', 'words', 'partial', 'synonym', 'fuzzy'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface ColumnCandidate {
  column: ColumnProfile;
  tier: MatchTier;
}

/** Words that join a name's parts and name nothing themselves. */
const JOINING_WORDS = new Set(['of', 'in', 'the', 'a', 'an', 'and', 'per', 'by', 'for', 'on', 'at', 'to']);

/** Name words too general to find a column alone ("name" would match every `… Name`). */
const GENERIC_WORDS = new Set(['name', 'names', 'id', 'ids', 'code', 'codes', 'number', 'no', 'nr', 'key', 'other']);

const contentWords = (column: ColumnProfile) => nameWords(column.name).filter((w) => !JOINING_WORDS.has(w));

/**
 * Whether the phrase is the column's name (`exact`) or its words in another
 * order or run together (`words`); null otherwise. These are the matches strong
 * enough to take before anything else is read.
 */
export function nameMatch(words: readonly string[], column: ColumnProfile): 'exact' | 'words' | null {
  const name = nameWords(column.name);
  if (name.length === 0) return null;
  if (words.length === name.length && words.every((w, i) => sameWord(w, name[i] ?? ''))) return 'exact';
  if (words.length === 1 && name.length > 1 && sameWord(words[0] ?? '', name.join(''))) return 'words';
  if (words.length > 1 && words.length === name.length && sameMultiset(words, name)) return 'words';
  return null;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  const rest = [...b];
  for (const word of a) {
    const i = rest.findIndex((w) => sameWord(w, word));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return rest.length === 0;
}

/**
 * Every column a phrase could name, each with its best tier, best first
 * (ties in column order).
 *
 * @example
 * findColumns(['revenue'], superstore.columns) // [{ column: Sales, tier: 'synonym' }]
 */
export function findColumns(words: readonly string[], columns: readonly ColumnProfile[]): ColumnCandidate[] {
  const found = new Map<ColumnProfile, MatchTier>();
  const add = (column: ColumnProfile, tier: MatchTier) => {
    const before = found.get(column);
    if (before === undefined || MATCH_TIERS.indexOf(tier) < MATCH_TIERS.indexOf(before)) found.set(column, tier);
  };
  const content = words.filter((w) => !JOINING_WORDS.has(w));
  for (const column of columns) {
    const strong = nameMatch(words, column);
    if (strong) add(column, strong);
    else if (isPartial(content, column)) add(column, 'partial');
  }
  if (words.length === 1) {
    const [word = ''] = words;
    for (const column of synonymColumns(word, columns)) add(column, 'synonym');
    if (found.size === 0) for (const column of fuzzyColumns(word, columns)) add(column, 'fuzzy');
  }
  return [...found]
    .map(([column, tier]) => ({ column, tier }))
    .sort(
      (a, b) =>
        MATCH_TIERS.indexOf(a.tier) - MATCH_TIERS.indexOf(b.tier) ||
        columns.indexOf(a.column) - columns.indexOf(b.column),
    );
}

function isPartial(words: readonly string[], column: ColumnProfile): boolean {
  if (words.length === 0 || words.every((w) => GENERIC_WORDS.has(w))) return false;
  const name = contentWords(column);
  return words.length < name.length && words.every((w) => name.some((n) => sameWord(w, n)));
}

/** One edit in words of five letters or more, two in words of eight or more: typos, not other words. */
function fuzzyColumns(word: string, columns: readonly ColumnProfile[]): ColumnProfile[] {
  if (word.length < 5 || /\d/.test(word)) return [];
  const limit = word.length >= 8 ? 2 : 1;
  const near = (form: string) => editDistance(word, form, limit) <= limit;
  // "cateogry" is Category itself before it is the category of Sub-Category.
  const whole = columns.filter((column) => near(contentWords(column).join('')));
  if (whole.length > 0) return whole;
  return columns.filter((column) =>
    contentWords(column)
      .filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w))
      .some(near),
  );
}
