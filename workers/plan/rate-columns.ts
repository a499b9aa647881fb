import type { ColumnProfile } from '../../core/dataset';
import type { Aggregate } from './analysis-plan';
import { isNumeric } from './column-kinds';

/** Name words of a column of fractions: a discount of 0.2, a margin of 0.31, a conversion rate, a growth of -0.04. */
const RATE_WORDS = new Set([
  'discount',
  'discounts',
  'rate',
  'rates',
  'ratio',
  'ratios',
  'margin',
  'margins',
  'pct',
  'percent',
  'percentage',
  'rabatt',
  'marge',
  'growth',
  'wachstum',
]);

const words = (name: string) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u);

/**
 * A column whose values are rates, percentages or ratios: its type or unit is
 * a percentage ("12%" cells, Excel's percent format), or it holds values from
 * -1 to 1 under a rate's name (`Discount` 0–0.8, `Margin` -0.09–0.4: losses
 * make negative margins). Adding such values up means nothing: 9,994
 * discounts do not make a discount of 1,561.
 *
 * @example
 * isRateColumn(discount) // true
 * isRateColumn(sales)    // false
 */
export function isRateColumn(column: ColumnProfile): boolean {
  if (!isNumeric(column)) return false;
  if (column.type === 'percent' || column.unit === 'percent') return true;
  const fractions = column.min !== undefined && column.max !== undefined && column.min >= -1 && column.max <= 1;
  return fractions && words(column.name).some((w) => RATE_WORDS.has(w));
}

/** A column of fractions that the result should show as percentages: it is not marked as one already. */
export function showsAsPercent(column: ColumnProfile): boolean {
  return isRateColumn(column) && column.type !== 'percent' && column.unit !== 'percent';
}

/**
 * The aggregate with a sum of a rate turned into its average; every other
 * aggregate as it is. The last line of defence for plans from any planner:
 * the offline planner says what it did in its reading, an LLM's plan is
 * corrected here.
 */
export function withoutRateSum<T extends Aggregate>(aggregate: T, column: ColumnProfile): T {
  return aggregate.aggregation === 'sum' && isRateColumn(column) ? { ...aggregate, aggregation: 'avg' } : aggregate;
}
