const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  '%': 0.01,
  percent: 0.01,
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
 * Digits written onto a word are part of a label, not a number: "Q3", "FY24",
 * "H1" and "COVID-19" state none ("US$12" states 12).
 */
export function writtenNumbers(text: string): WrittenNumber[] {
  // The lookbehind sits after the sign so that "-19" in "COVID-19" is not read either; "2014-2015" still is.
  const pattern =
    /([−-])?(?<![\p{L}\p{N}]|\p{L}[−-])[$€£¥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(thousand|million|billion|bn|percent|[KMB%])(?![a-z]))?/giu;
  return [...text.matchAll(pattern)].map((m) => {
    const suffix = (m[4] ?? '').toLowerCase();
    const scale = SCALE[suffix] ?? 1;
    const decimals = m[3]?.length ?? 0;
    const magnitude = Number(`${(m[2] as string).replace(/,/g, '')}.${m[3] ?? '0'}`) * scale;
    return {
      text: m[0],
      value: m[1] ? -magnitude : magnitude,
      tolerance: (0.5 * scale) / 10 ** decimals,
      percent: suffix === '%' || suffix === 'percent',
    };
  });
}

/** A number a narrative may state, and whether it is a percent (a fraction written as "12.5%"). */
export interface Figure {
  value: number;
  percent: boolean;
}

export interface FigureSources {
  /** The computed numbers: those of the template headline and insights, the matched and result row counts. */
  numbers: readonly number[];
  /** The template headline and insights with their labels taken out: which numbers they write as percents. */
  computedText: readonly string[];
  /** The result rows the model saw; cells of a percent column are percents. */
  result: { columns: readonly { unit: string | null }[]; rows: readonly (readonly unknown[])[] } | null;
}

/**
 * The figures a narrative may quote: the numeric result cells and the
 * computed numbers, nothing from labels, titles or the question. A computed
 * number is a percent where the template text writes it as one ("76.4% of the
 * total") and a plain number where it writes it plainly or not at all.
 *
 * @example
 * allowedFigures({ numbers: [0.764, 1050], computedText: ['led with 1,050 (76.4% of the total)'], result: null })
 * // [{ value: 0.764, percent: true }, { value: 1050, percent: false }]
 */
export function allowedFigures(sources: FigureSources): Figure[] {
  const written = sources.computedText.flatMap(writtenNumbers);
  const writtenAs = (value: number, percent: boolean) =>
    written.some((w) => w.percent === percent && near(value, w.value, w.tolerance));
  const figures: Figure[] = [];
  for (const value of sources.numbers.filter(Number.isFinite)) {
    const percent = writtenAs(value, true);
    if (percent) figures.push({ value, percent: true });
    if (!percent || writtenAs(value, false)) figures.push({ value, percent: false });
  }
  for (const row of sources.result?.rows ?? []) {
    row.forEach((cell, i) => {
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        figures.push({ value: cell, percent: sources.result?.columns[i]?.unit === 'percent' });
      }
    });
  }
  return figures;
}

/**
 * The numbers in `text` that match no figure of their kind after rounding,
 * sign aside (the words carry a direction: "fell 7.1%"): a percent matches
 * only a percent figure, a plain number only a plain one. Take labels and
 * periods out of the text first (`withoutLabels`). Empty when every number
 * checks out.
 *
 * @example
 * const figures = [{ value: 2297200.86, percent: false }, { value: 0.1204, percent: true }];
 * inventedNumbers('Sales rose 12% to $2.3M.', figures) // []
 * inventedNumbers('Sales will reach $3M, up 2297200%.', figures) // ['$3M', '2297200%']
 */
export function inventedNumbers(text: string, figures: readonly Figure[]): string[] {
  return writtenNumbers(text)
    .filter((n) => !figures.some((f) => f.percent === n.percent && near(f.value, n.value, n.tolerance)))
    .map((n) => n.text.trim());
}

function near(figure: number, written: number, tolerance: number): boolean {
  return Math.abs(Math.abs(written) - Math.abs(figure)) <= tolerance * 1.0001;
}
