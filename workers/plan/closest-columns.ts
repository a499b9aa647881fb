/** Below this similarity (0–1) a column is not worth suggesting. */
const MIN_SIMILARITY = 0.6;
/** Suggestions this far behind the best one are noise next to it (`Proft`: `Profit`, not `Product ID`). */
const MAX_BEHIND_BEST = 0.15;
/** A whole-name match ranks above an equally close match of one word inside a longer name. */
const WORD_MATCH_WEIGHT = 0.95;

/**
 * The columns whose names are closest to a name that matched none, best first:
 * case-insensitive edit distance on the whole name, or on its words so that
 * `Revnue` also finds `Revenue Share` and `customer` finds `Customer ID`.
 *
 * @example
 * closestColumns('Revnue', ['Region', 'Revenue', 'Revenue Share']) // ['Revenue', 'Revenue Share']
 */
export function closestColumns(name: string, columns: readonly string[], max = 3): string[] {
  const wanted = name.trim().toLowerCase();
  const ranked = columns
    .map((column) => ({ column, score: similarity(wanted, column.trim().toLowerCase()) }))
    .filter((c) => c.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.column.length - b.column.length);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((c) => c.score >= best - MAX_BEHIND_BEST)
    .slice(0, max)
    .map((c) => c.column);
}

function similarity(wanted: string, column: string): number {
  const whole = ratio(wanted, column);
  const wantedWords = words(wanted);
  const columnWords = words(column);
  if (wantedWords.length === 0 || columnWords.length === 0) return whole;
  // Each word asked for, matched to its closest word of the column.
  const perWord = wantedWords.map((w) => Math.max(...columnWords.map((c) => ratio(w, c))));
  const wordScore = perWord.reduce((sum, s) => sum + s, 0) / perWord.length;
  return Math.max(whole, wordScore * WORD_MATCH_WEIGHT);
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** 1 for equal strings, 0 for nothing in common: 1 − edit distance / longer length. */
function ratio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
