/**
 * Plain statistics of a list of values, for the insights. Outliers use the
 * median and the median absolute deviation (MAD), which one spike cannot
 * drag along as it would a mean and standard deviation.
 */

/** The middle value (mean of the two middle values for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Fewer values than this have no "usual" level to stand out from. */
export const MIN_VALUES_FOR_OUTLIERS = 5;
/** How many robust standard deviations from the median make a value an outlier. */
export const OUTLIER_SPREAD = 3;
/**
 * And how far from the median, as a share of it: when almost every value is
 * the same the spread is near zero, and a 2% wiggle must not count as a spike.
 */
export const OUTLIER_MIN_SHARE = 0.2;

// MAD × 1.4826 estimates the standard deviation of normal data; the mean
// absolute deviation × 1.2533 does the same when more than half the values tie.
const MAD_TO_SD = 1.4826;
const MEAN_AD_TO_SD = 1.2533;

/** The values far from the rest, and the median they are far from. */
export interface Outliers {
  indexes: number[];
  median: number;
}

/**
 * Indexes of values more than {@link OUTLIER_SPREAD} robust standard
 * deviations and {@link OUTLIER_MIN_SHARE} of the median away from the
 * median; none for fewer than {@link MIN_VALUES_FOR_OUTLIERS} values or a flat series.
 *
 * @example outliersOf([10, 11, 9, 10, 12, 10, 95]).indexes // [6]
 */
export function outliersOf(values: readonly number[]): Outliers {
  const center = median(values);
  if (values.length < MIN_VALUES_FOR_OUTLIERS) return { indexes: [], median: center };
  const deviations = values.map((v) => Math.abs(v - center));
  const mad = median(deviations);
  const spread =
    mad > 0 ? mad * MAD_TO_SD : (deviations.reduce((sum, d) => sum + d, 0) / deviations.length) * MEAN_AD_TO_SD;
  if (spread === 0) return { indexes: [], median: center };
  const limit = Math.max(OUTLIER_SPREAD * spread, OUTLIER_MIN_SHARE * Math.abs(center));
  const indexes = deviations.flatMap((d, index) => (d > limit ? [index] : []));
  return { indexes, median: center };
}

/**
 * Outliers of a series in time: the same test on what is left after a
 * least-squares line through the series, so a steady rise is not a run of
 * "outliers" at its end. The minimum distance stays a share of the median level.
 *
 * @example trendOutliersOf([10, 20, 30, 40, 50, 60, 200, 80]).indexes // [6]
 */
export function trendOutliersOf(values: readonly number[]): Outliers {
  const center = median(values);
  const n = values.length;
  if (n < MIN_VALUES_FOR_OUTLIERS) return { indexes: [], median: center };
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let variance = 0;
  values.forEach((v, x) => {
    covariance += (x - meanX) * (v - meanY);
    variance += (x - meanX) ** 2;
  });
  const slope = covariance / variance;
  const residuals = values.map((v, x) => v - (meanY + slope * (x - meanX)));
  const deviations = residuals.map((r) => Math.abs(r - median(residuals)));
  const mad = median(deviations);
  const spread =
    mad > 0 ? mad * MAD_TO_SD : (deviations.reduce((sum, d) => sum + d, 0) / deviations.length) * MEAN_AD_TO_SD;
  if (spread === 0) return { indexes: [], median: center };
  const limit = Math.max(OUTLIER_SPREAD * spread, OUTLIER_MIN_SHARE * Math.abs(center));
  return { indexes: deviations.flatMap((d, index) => (d > limit ? [index] : [])), median: center };
}

/** First and last values of a series and how far it moved. */
export interface Change {
  first: number;
  last: number;
  delta: number;
  /** `delta` as a fraction of `first`; null when `first` is not positive, where a percent would mislead. */
  fraction: number | null;
}

/** The move from the first value to the last; null for fewer than two values or a first value of zero. */
export function changeOf(values: readonly number[]): Change | null {
  const first = values[0];
  const last = values[values.length - 1];
  if (values.length < 2 || first === undefined || last === undefined || first === 0) return null;
  const delta = last - first;
  return { first, last, delta, fraction: first > 0 ? delta / first : null };
}

/** Positions of the largest and smallest values (the first of ties). */
export function extremesOf(values: readonly number[]): { max: number; min: number } {
  let max = 0;
  let min = 0;
  values.forEach((value, index) => {
    if (value > (values[max] as number)) max = index;
    if (value < (values[min] as number)) min = index;
  });
  return { max, min };
}
