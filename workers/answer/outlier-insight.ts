import type { Unit } from '../../charts';
import type { Insight } from './insight';
import { joinWords } from './list-words';
import { outliersOf, trendOutliersOf } from './series-stats';
import { StatedNumbers } from './stated-numbers';

// Named outliers past this many are counted, not listed.
const NAMED_OUTLIERS = 3;

/**
 * The values that stand out from the rest, named with their values and the
 * median they stand out from, largest distance first; null when none do.
 * `per` names one item: "month", "Sub-Category". A series in time (`inTime`)
 * is judged against its trend line, so a steady rise has no outliers.
 *
 * @example
 * outlierInsight(months, sales, usd, 'month')?.text
 * // 'Nov 2017 ($118.4K) stands out against a median of $45.2K per month.'
 */
export function outlierInsight(
  labels: readonly string[],
  values: readonly number[],
  unit: Unit,
  per: string,
  inTime = false,
): Insight | null {
  const { indexes, median } = inTime ? trendOutliersOf(values) : outliersOf(values);
  if (indexes.length === 0) return null;
  const said = new StatedNumbers();
  const byDistance = [...indexes].sort(
    (a, b) => Math.abs((values[b] as number) - median) - Math.abs((values[a] as number) - median),
  );
  const named = byDistance
    .slice(0, NAMED_OUTLIERS)
    .map((index) => `${labels[index]} (${said.amount(values[index] as number, unit)})`);
  const more = indexes.length - named.length;
  const list = joinWords(more > 0 ? [...named, `${said.count(more)} more`] : named);
  const verb = indexes.length === 1 ? 'stands' : 'stand';
  return {
    kind: 'outliers',
    ...said.statement(`${list} ${verb} out against a median of ${said.amount(median, unit)} per ${per}.`),
  };
}
