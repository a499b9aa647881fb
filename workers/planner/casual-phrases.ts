import type { DatasetMeta } from '../../core/dataset';
import { moneyRank } from './column-synonyms';
import { mainMeasure } from './dataset-defaults';
import { fold, nameWords } from './question-tokens';

export type CasualPhrase = { kind: 'none' } | { kind: 'read'; question: string; understood: string };

const MADE =
  /\bhow much (?:money )?(?:did|do|does|have|has) (?:we|they|you|i|it|the company) (?:make|made|earn|earned|bring in|brought in|take in|taken in|generate|generated)\b/;
/** Words that name a measure by themselves, so "how did profit do" keeps its own. */
const MEASURE_WORDS = new Set(
  'revenue revenues sales profit profits income earnings margin margins cost costs spend spending quantity units orders count'.split(
    ' ',
  ),
);
const HOW_DID = /\bhow (?:did|does|do|is|are|was|were) (.+?) (?:do|doing|perform|performing|go|going)\b/;

/**
 * "hey how much did we make in 2017?", "how'd furniture do last year": casual
 * phrasings that name no column, read as the dataset's main measure. "Make"
 * is taken for revenue only where the main measure is a revenue-like column
 * (Sales, Revenue); otherwise it could as well be profit, and is left unread.
 */
export function readCasualPhrase(question: string, meta: DatasetMeta): CasualPhrase {
  const text = question.toLowerCase().replace(/\bhow[’']d\b/g, 'how did');
  const main = mainMeasure(meta);
  if (!main) return { kind: 'none' };
  const made = MADE.exec(text);
  if (made && moneyRank(main) === 0) {
    const rest = `${text.slice(0, made.index)}total ${main.name}${text.slice(made.index + made[0].length)}`;
    return { kind: 'read', question: tidy(rest), understood: `measure: ${main.name} (from "${made[0]}")` };
  }
  const how = HOW_DID.exec(text);
  if (how?.[1]) {
    const words = how[1].split(/[^\p{L}\p{N}]+/u).map(fold);
    const measures = meta.columns.filter((c) => c.role === 'measure').flatMap((c) => nameWords(c.name));
    const named = words.some((w) => MEASURE_WORDS.has(w) || measures.includes(w));
    const subject = named ? how[1] : `${main.name} for ${how[1]}`;
    const rest = `${text.slice(0, how.index)}${subject}${text.slice(how.index + how[0].length)}`;
    if (named) return { kind: 'read', question: tidy(rest), understood: `read "${how[0]}" as "${how[1]}"` };
    return {
      kind: 'read',
      question: tidy(rest),
      understood: `measure: ${main.name} (the main measure, for "${how[0]}")`,
    };
  }
  return { kind: 'none' };
}

const tidy = (text: string) =>
  text
    .replace(/^\s*(?:hey|hi|hello|so|ok|okay)\b[,!]?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
