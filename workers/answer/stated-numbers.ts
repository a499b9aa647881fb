import type { Unit } from '../../charts';
import { formatNumber } from '../../charts/format';

/** A sentence and the numbers it states, in the order it states them. */
export interface Statement {
  text: string;
  /**
   * Each number as the text prints it, unrounded: `$2.3M` is 2297201.86, `20.4%`
   * is 0.204 (percents are fractions, as `formatNumber` takes them), and a
   * change written in words ("fell 12.5%") is stored without its sign. Dates
   * are not numbers here.
   */
  numbers: number[];
}

/**
 * Amounts from this size on print compactly ("$39.7K"), so amounts of a size
 * print alike ("$39.7K" next to "$108.4K", not "$39,706"). Counts stay whole
 * longer: "across 12,345 rows" reads better than "12.3K rows".
 */
export const COMPACT_AMOUNTS_FROM = 10_000;
export const COMPACT_COUNTS_FROM = 100_000;

/**
 * Formats the numbers of one sentence and remembers each, so a sentence's
 * `numbers` can never drift from its text.
 *
 * @example
 * const said = new StatedNumbers();
 * said.statement(`Total Sales were ${said.amount(2297201.86, usd)}.`)
 * // { text: 'Total Sales were $2.3M.', numbers: [2297201.86] }
 */
export class StatedNumbers {
  readonly numbers: number[] = [];

  /** A measure's value in its unit: `$2.3M`, `€1,234`, `12.5%`, `45.3K`. */
  amount(value: number, unit: Unit): string {
    this.numbers.push(value);
    return formatNumber(value, unit, compactFrom(value, COMPACT_AMOUNTS_FROM));
  }

  /**
   * Two different values of one measure, with digits enough to read different: `6.02%` and `5.99%`,
   * not `6%` and `6%` beside "highest" and "lowest".
   */
  amountsApart(a: number, b: number, unit: Unit): [string, string] {
    this.numbers.push(a, b);
    const write = (value: number, digits?: number) =>
      formatNumber(value, unit, {
        ...compactFrom(value, COMPACT_AMOUNTS_FROM),
        ...(digits === undefined ? {} : { digits }),
      });
    for (const digits of [undefined, 1, 2, 3, 4]) {
      const pair: [string, string] = [write(a, digits), write(b, digits)];
      if (a === b || pair[0] !== pair[1]) return pair;
    }
    return [write(a), write(b)];
  }

  /** A fraction as a percent: 0.204 → `20.4%`. */
  percent(fraction: number): string {
    this.numbers.push(fraction);
    return formatNumber(fraction, { kind: 'percent' });
  }

  /** A change of a percentage in points: 0.02 → `2 percentage points` (stated as 2), never a vague `2%`. */
  points(fraction: number): string {
    const points = fraction * 100;
    this.numbers.push(points);
    const written = formatNumber(fraction, { kind: 'percent' }).replace('%', '');
    return `${written} percentage ${written === '1' ? 'point' : 'points'}`;
  }

  /** A count of things: `9,994`, `1.2M`. */
  count(value: number): string {
    this.numbers.push(value);
    return formatNumber(value, { kind: 'number' }, compactFrom(value, COMPACT_COUNTS_FROM));
  }

  /** A correlation coefficient to two places (`−0.22`), three when two would round it to a perfect 1. */
  correlation(r: number): string {
    this.numbers.push(r);
    const nearlyPerfect = Math.abs(r) < 1 && Math.abs(r) >= 0.995;
    return formatNumber(r, { kind: 'number' }, { digits: nearlyPerfect ? 3 : 2 });
  }

  /** Text formatted elsewhere, with the numbers it states (a filter's "Sales ≥ $100"). */
  quote(text: string, numbers: readonly number[]): string {
    if (text !== '') this.numbers.push(...numbers);
    return text;
  }

  /** The finished sentence with every number stated so far. */
  statement(text: string): Statement {
    return { text, numbers: [...this.numbers] };
  }
}

function compactFrom(value: number, threshold: number): { compact?: boolean; digits?: number } {
  // One decimal keeps "$733.2K" from collapsing to "$733K" next to "$610K".
  return Math.abs(value) >= threshold ? { compact: true, digits: 1 } : {};
}
