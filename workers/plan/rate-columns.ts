import type { ColumnProfile } from '../../core/dataset';
import type { Aggregate } from './analysis-plan';
import { isNumeric } from './column-kinds';

/** Name words of a column of fractions: a discount of 0.2, a margin of 0.31, a conversion rate. */
const RATE_WORDS = new Set(['discount', 'discounts', 'rate', 'rates', 'margin', 'margins', 'rabatt', 'marge']);

/**
 * Name words of a rate whatever its values: a growth of 1.5 (150%) or a ratio of 2.5 is still no
 * amount to add up, where a discount of 20 or a margin of 300 may well be money.
 */
const ALWAYS_RATE_WORDS = new Set(['ratio', 'ratios', 'pct', 'percent', 'percentage', 'growth', 'wachstum']);

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
  const names = words(column.name);
  if (names.some((w) => ALWAYS_RATE_WORDS.has(w))) return true;
  return holdsFractions(column) && names.some((w) => RATE_WORDS.has(w));
}

function holdsFractions(column: ColumnProfile): boolean {
  return column.min !== undefined && column.max !== undefined && column.min >= -1 && column.max <= 1;
}

/**
 * A column of fractions that the result should show as percentages: it is not marked as one already.
 * A growth column of 12 and 30 may be percent already: it shows as written.
 */
export function showsAsPercent(column: ColumnProfile): boolean {
  return isRateColumn(column) && holdsFractions(column) && column.type !== 'percent' && column.unit !== 'percent';
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
