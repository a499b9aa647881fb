import type { ColumnProfile, DatasetMeta } from '../../core/dataset';
import type { Aggregation } from '../plan/analysis-plan';
import { moneyRank } from './column-synonyms';
import { nameWords } from './question-tokens';

/**
 * Name words of measures whose sum means nothing (a total of prices or
 * temperatures): their default aggregation is the average.
 */
const AVERAGED_WORDS = new Set(
  `price prices rate rates ratio ratios percent percentage pct share discount discounts temp temperature
   temperatures avg average mean median score scores rating ratings age speed wind humidity pressure level
   index margin yield probability density elevation latitude longitude lat lon lng altitude knots mph kmh`.split(/\s+/),
);

/** Name words of numeric columns that are labels, not amounts. */
const NOT_AMOUNT_WORDS = new Set(['id', 'code', 'zip', 'postal', 'postcode', 'year', 'phone', 'number', 'no', 'key']);

/**
 * How a measure is aggregated when the question does not say: an average for
 * rates, prices, percentages and readings (temperature, wind), else a sum.
 *
 * @example
 * defaultAggregation(discount) // 'avg'
 * defaultAggregation(sales)    // 'sum'
 */
export function defaultAggregation(column: ColumnProfile): Aggregation {
  if (column.type === 'percent' || column.unit === 'percent') return 'avg';
  return nameWords(column.name).some((w) => AVERAGED_WORDS.has(w)) ? 'avg' : 'sum';
}

const amounts = (meta: DatasetMeta) =>
  meta.columns.filter((c) => c.role === 'measure' && !nameWords(c.name).some((w) => NOT_AMOUNT_WORDS.has(w)));

/**
 * The measure a question without one is most likely about: a revenue-like
 * name, then an amount or price, then profit, then any currency column, then
 * the first measure; among equals, money before plain numbers and a total
 * before its parts (`Cost Total $` before `Cost Other`).
 */
export function mainMeasure(meta: DatasetMeta): ColumnProfile | null {
  return rankedAmounts(meta)[0]?.column ?? null;
}

/**
 * The main measure when that ranking puts it ahead of every other amount,
 * not only first in column order: `Sales` beside `Profit` and `Quantity`, the
 * one `net_generation`; none among `precipitation`, `temp_max` and `wind`.
 */
export function clearMainMeasure(meta: DatasetMeta): ColumnProfile | null {
  const [first, second] = rankedAmounts(meta);
  return first && (!second || second.score > first.score) ? first.column : null;
}

function rankedAmounts(meta: DatasetMeta): { column: ColumnProfile; score: number }[] {
  const score = (column: ColumnProfile) =>
    (moneyRank(column) ?? (column.type === 'currency' ? 3 : 4)) * 4 +
    (column.type === 'currency' ? 0 : 2) +
    (nameWords(column.name).includes('total') ? 0 : 1);
  const ranked = amounts(meta).map((column, order) => ({ column, score: score(column), order }));
  ranked.sort((a, b) => a.score - b.score || a.order - b.order);
  return ranked;
}

/** A second measure for suggestions ("Sales vs Profit"): profit beside sales, else the next amount. */
export function secondMeasure(meta: DatasetMeta): ColumnProfile | null {
  const main = mainMeasure(meta);
  const others = amounts(meta).filter((c) => c !== main);
  return others.find((c) => moneyRank(c) === 2) ?? others[0] ?? null;
}

/** A profit-like measure other than the main one, to rank by. */
export function profitMeasure(meta: DatasetMeta): ColumnProfile | null {
  const main = mainMeasure(meta);
  return amounts(meta).find((c) => c !== main && moneyRank(c) === 2) ?? null;
}

/** Dimension names that usually make the best breakdown of a business table. */
const BREAKDOWN_WORDS = new Set(
  'region segment category type source class group department channel country market symbol weather kind'.split(' '),
);

/**
 * The most useful dimension for an overview or a share: 3 to 20 distinct
 * values (2 to 6 when `forShare`), a familiar breakdown name first, then
 * column order.
 */
export function mainDimension(meta: DatasetMeta, forShare = false): ColumnProfile | null {
  const [low, high] = forShare ? [2, 6] : [3, 20];
  const fits = meta.columns.filter(
    (c) => c.role === 'dimension' && c.type !== 'boolean' && (c.distinct ?? 0) >= low && (c.distinct ?? 0) <= high,
  );
  const familiar = fits.find((c) => nameWords(c.name).some((w) => BREAKDOWN_WORDS.has(w)));
  return familiar ?? fits[0] ?? null;
}

/** A dimension with many values to rank ("Top 5 Customer Name by Profit"): more than 6 and at most 1,000. */
export function rankingDimension(meta: DatasetMeta): ColumnProfile | null {
  const fits = meta.columns.filter((c) => c.role === 'dimension' && (c.distinct ?? 0) > 6 && (c.distinct ?? 0) <= 1000);
  return fits.sort((a, b) => (b.distinct ?? 0) - (a.distinct ?? 0))[0] ?? null;
}
