/**
 * The words of a question, of a column name or of a value, compared the same
 * way everywhere: lower case, accents folded, punctuation kept as its own
 * token so time expressions can see `2016-2017` and `Q3/2017`.
 */

export interface Token {
  /** Lower case without accents: what matching compares. */
  text: string;
  /** As typed, for messages. */
  raw: string;
  kind: 'word' | 'number' | 'symbol';
  /** Whether a space came before it, to quote several tokens as typed ("Sub-Category", not "Sub - Category"). */
  spaced: boolean;
}

const TOKEN = /(\d+(?:[.,]\d+)*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*)|([^\s\p{L}\p{M}\p{N}])/gu;

/**
 * Splits a question into word, number and symbol tokens. A possessive `'s`
 * is dropped and `n't` becomes `not`, so "what's" and "doesn't" read as words.
 *
 * @example
 * tokenize("Sales 2016-2017").map((t) => t.text) // ['sales', '2016', '-', '2017']
 */
export function tokenize(text: string): Token[] {
  const cleaned = text.replace(/(\p{L})['’]s\b/gu, '$1').replace(/n['’]t\b/gu, ' not');
  return [...cleaned.matchAll(TOKEN)].map((match) => {
    const raw = match[0];
    const kind = match[1] ? 'number' : match[2] ? 'word' : 'symbol';
    return { text: fold(raw), raw, kind, spaced: /\s/.test(cleaned.charAt(match.index - 1)) };
  });
}

/** Lower case with accents removed ("Année" and "annee" compare equal). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of a column name or value, for matching against a question:
 * punctuation dropped, camelCase and snake_case split.
 *
 * @example
 * nameWords('Cost Total $') // ['cost', 'total']
 * nameWords('netGeneration') // ['net', 'generation']
 */
export function nameWords(name: string): string[] {
  const cached = nameWordsCache.get(name);
  if (cached) return cached;
  const spaced = name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const words = tokenize(spaced)
    .filter((t) => t.kind !== 'symbol')
    .map((t) => t.text);
  nameWordsCache.set(name, words);
  return words;
}

/** Column names are matched against every phrase of every question: split each once. */
const nameWordsCache = new Map<string, string[]>();

/** Words as typed in a question (no camelCase split: "iPhone" stays one word). */
export function valueWords(value: string): string[] {
  return tokenize(value)
    .filter((t) => t.kind !== 'symbol')
    .map((t) => t.text);
}

/**
 * The singular forms a word may have, itself included. English plurals only:
 * other languages' column names still match exactly.
 *
 * @example
 * singulars('categories') // ['categories', 'category']
 */
export function singulars(word: string): string[] {
  const forms = [word];
  if (word.length <= 3) return forms;
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) forms.push(word.slice(0, -1));
  return forms;
}

/** Whether two words are the same up to an English plural ("customers" and "customer"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const forms = singulars(b);
  return singulars(a).some((form) => forms.includes(form));
}

/**
 * Optimal-string-alignment edit distance (a swap of two neighbours is one edit),
 * capped: returns `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Tokens as they were typed, spaces where there were spaces. */
export function quote(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (i > 0 && t.spaced ? ` ${t.raw}` : t.raw)).join('');
}
