import type { DatasetMeta } from '../../core/dataset';
import { KEYWORD_WORDS } from './keyword-phrases';
import { editDistance, fold, nameWords } from './question-tokens';
import type { Vocabulary } from './vocabulary';

/** A word as typed and the word of the data (or of the question language) it was taken for. */
export interface Correction {
  typed: string;
  meant: string;
}

/**
 * Typos in words that named nothing ("avrage", "Califronia"): each is taken
 * for the one word of the data's column names, its values or the question
 * keywords within one edit (two from eight letters on). A short word, or one
 * as near to two words as to one, is not guessed at, and then there is no
 * correction at all: the question stays declined.
 *
 * @example
 * typoCorrections(['Califronia'], meta, vocabulary) // [{ typed: 'Califronia', meant: 'California' }]
 */
export function typoCorrections(
  unknown: readonly string[],
  meta: DatasetMeta,
  vocabulary: Vocabulary,
): Correction[] | null {
  const words = dictionary(meta, vocabulary);
  const corrections: Correction[] = [];
  for (const typed of unknown.flatMap((w) => w.split(/\s+/))) {
    const folded = fold(typed);
    const common = QUESTION_WORD_TYPOS.get(folded);
    if (common) {
      corrections.push({ typed, meant: common });
      continue;
    }
    if (folded.length < 5 || /\d/.test(folded)) return null;
    const limit = folded.length >= 8 ? 2 : 1;
    let best = limit + 1;
    let meant: string[] = [];
    for (const [key, spelled] of words) {
      const distance = editDistance(folded, key, limit);
      if (distance < best) [best, meant] = [distance, [spelled]];
      else if (distance === best && distance <= limit) meant.push(spelled);
    }
    const [only] = new Set(meant.map(fold));
    if (meant.length === 0 || new Set(meant.map(fold)).size > 1 || only === undefined) return null;
    corrections.push({ typed, meant: meant[0] ?? only });
  }
  return corrections.length > 0 ? corrections : null;
}

/** Question words too short to guess at by distance, misspelt often enough to know: "wich", "wat". */
const QUESTION_WORD_TYPOS: ReadonlyMap<string, string> = new Map([
  ['wich', 'which'],
  ['whcih', 'which'],
  ['whih', 'which'],
  ['wat', 'what'],
  ['waht', 'what'],
  ['hwo', 'how'],
  ['whta', 'what'],
]);

/** Folded word → the word as the data spells it. */
function dictionary(meta: DatasetMeta, vocabulary: Vocabulary): Map<string, string> {
  const words = new Map<string, string>();
  const add = (word: string) => {
    const key = fold(word);
    if (key.length >= 4 && !words.has(key)) words.set(key, word);
  };
  for (const column of meta.columns) nameWords(column.name).forEach(add);
  for (const values of Object.values(vocabulary.values)) {
    for (const value of values)
      String(value)
        .split(/[\s,/()-]+/)
        .forEach(add);
  }
  KEYWORD_WORDS.forEach(add);
  return words;
}

/** The question with each typo replaced by the word it was taken for. */
export function corrected(question: string, corrections: readonly Correction[]): string {
  return corrections.reduce(
    (text, { typed, meant }) =>
      text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(typed)}(?![\\p{L}\\p{N}])`, 'iu'), meant),
    question,
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
