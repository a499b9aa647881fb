import { foldSeries, type Series } from '../../charts';
import type { ResultTable } from '../plan/result-table';
import { measureTitle } from './measure-words';
import { compareIso, groupLabel, type IndexedColumn, isoAt, numberAt, type TimeColumn } from './result-view';

/** The labels along a chart's category axis and the series drawn over them. */
export interface ChartData {
  labels: string[];
  series: Series[];
}

/** The group along the axis: a time column gives ISO labels in time order (`iso`) or labels at its grain. */
export interface AxisGroup {
  group: IndexedColumn;
  time: TimeColumn | null;
  iso: boolean;
}

/**
 * Pivots the result into chart series. With a `split` group there is one
 * series per split value, largest first, folded to at most eight (the rest
 * summed into "Other"); without one, one series per measure. A label a series
 * has no row for is a gap (null).
 */
export function chartData(
  result: ResultTable,
  axis: AxisGroup,
  split: IndexedColumn | null,
  measures: readonly IndexedColumn[],
): ChartData {
  const labelOf = (row: ResultTable['rows'][number]) =>
    axis.iso ? (isoAt(row, axis.group.index) ?? '') : groupLabel(row, axis.group, axis.time?.grain);
  // Rows without a date (missing values, placeholder dates read as missing) have no place on a time axis.
  const rows = axis.iso ? result.rows.filter((row) => isoAt(row, axis.group.index) !== null) : result.rows;
  const labels = unique(rows.map(labelOf));
  if (axis.iso) labels.sort(compareIso);
  const position = new Map(labels.map((label, index) => [label, index]));

  if (split === null) {
    const series = measures.map(({ index, column }) => {
      const values: (number | null)[] = labels.map(() => null);
      for (const row of rows) values[position.get(labelOf(row)) as number] = numberAt(row, index);
      return { name: measureTitle(column), values };
    });
    return { labels, series };
  }

  const measure = measures[0] as IndexedColumn;
  const bySplit = new Map<string, (number | null)[]>();
  for (const row of rows) {
    const name = groupLabel(row, split);
    const values = bySplit.get(name) ?? labels.map(() => null);
    values[position.get(labelOf(row)) as number] = numberAt(row, measure.index);
    bySplit.set(name, values);
  }
  const size = (values: readonly (number | null)[]) => values.reduce<number>((sum, v) => sum + Math.abs(v ?? 0), 0);
  const series = [...bySplit]
    .map(([name, values]) => ({ name, values }))
    .sort((a, b) => size(b.values) - size(a.values));
  return { labels, series: foldSeries(series) };
}

/** Each label's values as fractions of that label's total: shares that stack to 100%. */
export function asShares(series: readonly Series[], labels: readonly string[]): Series[] {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  return series.map((s) => ({
    name: s.name,
    values: s.values.map((value, i) => {
      const total = totals[i] as number;
      return value === null || total <= 0 ? null : value / total;
    }),
  }));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
