import type { ResultValue } from '../plan/result-table';

const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  '%': 0.01,
};

/** A number as written, and how far from it the exact value may be (half its last written digit). */
export interface WrittenNumber {
  text: string;
  value: number;
  tolerance: number;
  percent: boolean;
}

/**
 * Every number a text states, with the precision it was written to:
 * "$725.5K" is 725,500 ± 50, "−12.5%" is −0.125 ± 0.0005, "1,234" is 1,234 ± 0.5.
 */
export function writtenNumbers(text: string): WrittenNumber[] {
  const pattern =
    /([−-])?[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(thousand|million|billion|bn|[KMB%])(?![a-z]))?/gi;
  return [...text.matchAll(pattern)].map((m) => {
    const suffix = (m[4] ?? '').toLowerCase();
    const scale = SCALE[suffix] ?? 1;
    const decimals = m[3]?.length ?? 0;
    const magnitude = Number(`${(m[2] as string).replace(/,/g, '')}.${m[3] ?? '0'}`) * scale;
    return {
      text: m[0],
      value: m[1] ? -magnitude : magnitude,
      tolerance: (0.5 * scale) / 10 ** decimals,
      percent: suffix === '%',
    };
  });
}

/**
 * The figures a narrative may quote: every number it was given (computed
 * insights, result cells) and the numbers inside its labels, dates and title
 * (a year, a quarter, "top 5").
 */
export function allowedFigures(numbers: readonly number[], cells: readonly ResultValue[], texts: readonly string[]) {
  const figures = new Set<number>(numbers.filter(Number.isFinite));
  for (const cell of cells) {
    if (typeof cell === 'number' && Number.isFinite(cell)) figures.add(cell);
    if (typeof cell === 'string') texts = [...texts, cell];
  }
  for (const text of texts) {
    for (const written of writtenNumbers(text)) figures.add(Math.abs(written.value));
    const month = /\b\d{4}-(\d{2})-\d{2}/.exec(text)?.[1];
    if (month !== undefined) figures.add(Math.ceil(Number(month) / 3));
  }
  return [...figures];
}

/**
 * The numbers in `text` that match no figure after rounding, sign aside (the
 * words carry a direction: "fell 7.1%"). A percent may also match a figure
 * stored as a plain number (a column of percent values). Empty when every
 * number checks out.
 *
 * @example
 * inventedNumbers('Sales rose 12% to $2.3M.', [2297200.86, 0.1204]) // []
 * inventedNumbers('Sales will reach $3M next year.', [2297200.86]) // ['$3M']
 */
export function inventedNumbers(text: string, figures: readonly number[]): string[] {
  const matches = (value: number, tolerance: number) =>
    figures.some((f) => Math.abs(Math.abs(value) - Math.abs(f)) <= tolerance * 1.0001);
  return writtenNumbers(text)
    .filter((n) => !matches(n.value, n.tolerance) && !(n.percent && matches(n.value * 100, n.tolerance * 100)))
    .map((n) => n.text.trim());
}
