import type { Series } from './chart-spec';
import { OTHER_NAME } from './palette';

/** More lines than this cannot be told apart by colour. */
export const MAX_SERIES = 8;

/**
 * Keeps a chart to at most `maxSeries` series: when there are more, the
 * `maxSeries - 1` largest (by the sum of absolute values) stay in their given
 * order and the rest are summed, label by label, into a last series named
 * "Other". A series already named "Other" always goes into that sum. A label
 * where every folded series is `null` stays `null`.
 *
 * @example
 * foldSeries(tenRegions).map((s) => s.name) // 7 largest regions, then 'Other'
 */
export function foldSeries(series: readonly Series[], maxSeries: number = MAX_SERIES): Series[] {
  if (series.length <= maxSeries) return [...series];
  const named = series.filter((s) => s.name !== OTHER_NAME);
  const kept = new Set(
    named
      .map((s, index) => ({ s, index, size: totalSize(s) }))
      .sort((a, b) => b.size - a.size || a.index - b.index)
      .slice(0, Math.max(0, maxSeries - 1))
      .map(({ s }) => s),
  );
  const folded = series.filter((s) => !kept.has(s));
  return [...named.filter((s) => kept.has(s)), { name: OTHER_NAME, values: sumByLabel(folded) }];
}

function totalSize(series: Series): number {
  return series.values.reduce<number>((sum, value) => sum + Math.abs(value ?? 0), 0);
}

function sumByLabel(series: readonly Series[]): (number | null)[] {
  const length = series.reduce((max, s) => Math.max(max, s.values.length), 0);
  return Array.from({ length }, (_, label) => {
    let sum: number | null = null;
    for (const s of series) {
      const value = s.values[label];
      if (value !== null && value !== undefined) sum = (sum ?? 0) + value;
    }
    return sum;
  });
}
