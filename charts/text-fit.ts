// Average glyph width of the bundled font as a share of its size, rounded up
// so an estimated line is never wider than the real one.
const CHAR_EM = { bold: 0.64, normal: 0.58 } as const;

/** About how many characters of the bundled font fit in `room` CSS pixels. */
export function charsThatFit(room: number, fontSize: number, weight: keyof typeof CHAR_EM): number {
  return Math.max(1, Math.floor(room / (fontSize * CHAR_EM[weight])));
}

/**
 * Splits text into at most `maxLines` lines of at most `maxChars` characters
 * at spaces; whatever does not fit ends in an ellipsis. Chart.js does not wrap
 * titles, and a cut title is better than one running off the image.
 *
 * @example wrapText('Revenue by region and month', 12, 2) // ['Revenue by', 'region and…']
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= maxChars || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line !== '') lines.push(line);
  const kept = lines.slice(0, maxLines);
  const lastIndex = kept.length - 1;
  const last = kept[lastIndex];
  if (last !== undefined && (lines.length > maxLines || last.length > maxChars)) {
    const room = Math.max(1, maxChars - 1);
    kept[lastIndex] = `${last.length > room ? last.slice(0, room).trimEnd() : last}…`;
  }
  return kept;
}
