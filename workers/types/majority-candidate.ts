import type { ColumnHint } from '../ingest/raw-source';
import { NULL_TOKENS, type Candidate } from './candidates';
import { candidateFor } from './value-shapes';

const NULL_WORDS = new Set(NULL_TOKENS);
const DIGIT = /\d/;

/**
 * The candidate of a column that its sample makes text only for its words: most sampled values have
 * digits, and those alone make numbers or dates ("call us" in a tenth of the prices). Such a column
 * is converted as those, so that the full check counts the other values over the whole column: many
 * keep it text, with a note saying how many and which, as when they all come after the sample; a few
 * are strays, left empty. Null when the values with digits are not most of the sample, or are no
 * numbers or dates either.
 *
 * @example majorityCandidate('price', ['1.5', 'call us', '3', '4.5'], {}) // decimal, read as text to set words aside
 */
export function majorityCandidate(name: string, sample: (string | null)[], hint: ColumnHint = {}): Candidate | null {
  const present = sample.flatMap((raw) => {
    const v = raw?.trim();
    return v && !NULL_WORDS.has(v.toLowerCase()) ? [v] : [];
  });
  const digits = present.filter((v) => DIGIT.test(v));
  if (digits.length * 2 <= present.length || digits.length === present.length) return null;
  const candidate = candidateFor(name, digits, hint);
  // Read as text (as with null tokens), so that the conversion sets the words aside for the check.
  if (candidate.kind === 'number') return candidate.plain ? { ...candidate, nullTokens: true } : candidate;
  if (candidate.kind === 'date') return { ...candidate, nullTokens: true };
  // Amounts in several currencies among the words: text still, with the note that says why.
  if (candidate.kind === 'text' && candidate.mix) return candidate;
  return null;
}
