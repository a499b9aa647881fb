/**
 * Control characters, and the invisible ones that can hide instructions from a
 * reviewer or reorder what a model reads: zero-width characters, bidirectional
 * overrides, line/paragraph separators, tags and other format characters.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

/**
 * Text from a file or a person (cell values, column, sheet and file names, the
 * question) made safe to place in a prompt as data: normalised, stripped of
 * control and invisible characters, whitespace collapsed, capped at
 * `maxChars` with an ellipsis. The prompt quotes it as a JSON string inside a
 * block the model is told is untrusted, so it can inform the plan but never
 * instruct the model.
 *
 * @example
 * cleanUntrusted('Sales\u200b\u202e (USD)\n', 40) // 'Sales (USD)'
 */
export function cleanUntrusted(text: string, maxChars: number): string {
  const clean = text.normalize('NFKC').replace(HIDDEN, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= maxChars ? clean : `${clean.slice(0, Math.max(0, maxChars - 1))}…`;
}

/** Caps for each kind of untrusted text in a prompt. */
export const UNTRUSTED_LIMITS = {
  question: 500,
  name: 120,
  value: 60,
  title: 200,
  /** A computed headline or insight, its labels already capped. */
  sentence: 400,
} as const;
