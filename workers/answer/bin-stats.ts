import type { Bin } from '../../charts';

/**
 * Facts read straight from a histogram's bins. Bin edges are exact, so a
 * statement such as "80.3% of values fall between $0 and $500" is a count,
 * not an estimate; only the skew uses bin midpoints in place of the values.
 */

/** "Most values": the narrowest run of bins holding at least this share of them. */
export const TYPICAL_SHARE = 0.8;
/** Skewness (from bin midpoints) from which a distribution is called skewed. */
export const SKEWED_FROM = 0.5;

/** How many values the bins hold. */
export function binTotal(bins: readonly Bin[]): number {
  return bins.reduce((sum, bin) => sum + bin.count, 0);
}

/** The bin holding the middle value, or null for no values. */
export function medianBin(bins: readonly Bin[]): Bin | null {
  const half = binTotal(bins) / 2;
  let seen = 0;
  for (const bin of bins) {
    seen += bin.count;
    if (seen >= half && seen > 0) return bin;
  }
  return null;
}

/** A run of adjacent bins and the share of all values it holds. */
export interface BinRun {
  from: number;
  to: number;
  count: number;
  share: number;
}

/**
 * The narrowest run of adjacent bins holding at least `share` of the values;
 * null when only the whole occupied range does, which would say nothing.
 *
 * @example typicalRun([{ from: 0, to: 1, count: 1 }, { from: 1, to: 2, count: 8 }, { from: 2, to: 3, count: 1 }])
 * // { from: 1, to: 2, count: 8, share: 0.8 }
 */
export function typicalRun(bins: readonly Bin[], share: number = TYPICAL_SHARE): BinRun | null {
  const total = binTotal(bins);
  if (total === 0) return null;
  let best: BinRun | null = null;
  for (let start = 0; start < bins.length; start++) {
    let count = 0;
    for (let end = start; end < bins.length; end++) {
      count += (bins[end] as Bin).count;
      if (count < share * total) continue;
      const run = { from: (bins[start] as Bin).from, to: (bins[end] as Bin).to, count, share: count / total };
      if (best === null || run.to - run.from < best.to - best.from) best = run;
      break;
    }
  }
  const range = occupiedRange(bins);
  const whole = best !== null && range !== null && best.from <= range.from && best.to >= range.to;
  return whole ? null : best;
}

/** Fisher's moment skewness of the values, placing each at its bin's midpoint; null when undefined. */
export function skewnessOf(bins: readonly Bin[]): number | null {
  const total = binTotal(bins);
  if (total < 3) return null;
  const mid = (bin: Bin) => (bin.from + bin.to) / 2;
  const mean = bins.reduce((sum, bin) => sum + bin.count * mid(bin), 0) / total;
  const moment = (power: number) => bins.reduce((sum, bin) => sum + bin.count * (mid(bin) - mean) ** power, 0) / total;
  const variance = moment(2);
  return variance === 0 ? null : moment(3) / variance ** 1.5;
}

/** The lowest and highest edges of the bins that hold values. */
export function occupiedRange(bins: readonly Bin[]): { from: number; to: number } | null {
  const occupied = bins.filter((bin) => bin.count > 0);
  const first = occupied[0];
  const last = occupied[occupied.length - 1];
  return first === undefined || last === undefined ? null : { from: first.from, to: last.to };
}
