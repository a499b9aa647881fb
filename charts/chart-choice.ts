import type { Series } from './chart-spec';

/** A doughnut with more parts than this is hard to read; a bar chart is not. */
export const MAX_DOUGHNUT_PARTS = 6;

// Past these, labels under vertical bars no longer fit side by side at the
// default size: they would be rotated, skipped or cut.
const LONG_LABEL_CHARS = 12;
const TOTAL_LABEL_CHARS = 90;

/**
 * Whether bars should lie down so their labels can be read: yes when one label
 * is long, or when all of them together would not fit across the chart.
 *
 * @example prefersHorizontal(['North America', 'Europe']) // true
 */
export function prefersHorizontal(labels: readonly string[]): boolean {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return longest > LONG_LABEL_CHARS || longest * labels.length > TOTAL_LABEL_CHARS;
}

/**
 * Whether a doughnut can show this data honestly: one series, two to
 * {@link MAX_DOUGHNUT_PARTS} labels, no negative parts and a positive total.
 * When it cannot, `renderChart` draws a bar chart instead.
 */
export function fitsDoughnut(labels: readonly string[], series: readonly Series[]): boolean {
  const [only] = series;
  if (only === undefined || series.length > 1) return false;
  if (labels.length < 2 || labels.length > MAX_DOUGHNUT_PARTS) return false;
  const values = only.values.map((value) => value ?? 0);
  return values.every((value) => value >= 0) && values.some((value) => value > 0);
}
