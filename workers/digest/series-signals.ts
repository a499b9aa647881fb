import type { TimePoint } from '../answer/result-view';

/** Earlier changes a robust score needs before it says a change is unusual. */
export const MIN_EARLIER_PERIODS = 8;
/** Iglewicz and Hoaglin's cut-off for the modified z-score: beyond it a value is an outlier. */
export const UNUSUAL_SCORE = 3.5;

export interface UnusualChange {
  /** The latest change (latest period minus the one before). */
  change: number;
  /** How far it is from the typical change, in robust standard deviations (signed). */
  score: number;
  /** The typical change: the median of the earlier changes. */
  typical: number;
  /** How many earlier changes it was judged against. */
  against: number;
}

/**
 * The latest period-over-period change scored against the series' own earlier changes with the
 * modified z-score, 0.6745 × (x − median) / MAD: the median and the median absolute deviation are
 * not pulled by the very spikes being looked for, as a mean and standard deviation are.
 * `undefined` with fewer than 8 earlier changes or when the earlier changes do not vary at all.
 */
export function changeScore(series: readonly TimePoint[]): UnusualChange | undefined {
  const changes = series.slice(1).map((point, i) => point.value - series[i]!.value);
  const latest = changes.at(-1);
  const earlier = changes.slice(0, -1);
  if (latest === undefined || earlier.length < MIN_EARLIER_PERIODS) return undefined;
  const typical = median(earlier);
  const mad = median(earlier.map((change) => Math.abs(change - typical)));
  if (mad === 0) return undefined;
  return { change: latest, score: (0.6745 * (latest - typical)) / mad, typical, against: earlier.length };
}

/** The latest change when its robust score is beyond the cut-off; a digest mentions nothing otherwise. */
export function unusualChange(series: readonly TimePoint[]): UnusualChange | undefined {
  const scored = changeScore(series);
  return scored && Math.abs(scored.score) >= UNUSUAL_SCORE ? scored : undefined;
}

export interface RecordValue {
  kind: 'high' | 'low';
  /** The latest period's value, the highest or lowest of all. */
  value: number;
  /** The previous record it beat, and when that was. */
  previous: TimePoint;
  /** Periods compared, the latest included. */
  periods: number;
}

/** Periods a series needs before its highest or lowest value means something. */
export const MIN_RECORD_PERIODS = 6;

/** The latest period when it is strictly the highest or the lowest of the whole series. */
export function recordValue(series: readonly TimePoint[]): RecordValue | undefined {
  const latest = series.at(-1);
  if (!latest || series.length < MIN_RECORD_PERIODS) return undefined;
  const earlier = series.slice(0, -1);
  const high = earlier.reduce((best, point) => (point.value > best.value ? point : best));
  const low = earlier.reduce((best, point) => (point.value < best.value ? point : best));
  if (latest.value > high.value) return { kind: 'high', value: latest.value, previous: high, periods: series.length };
  if (latest.value < low.value) return { kind: 'low', value: latest.value, previous: low, periods: series.length };
  return undefined;
}

/** Consecutive changes in one direction that make a trend, and as many the other way before it. */
export const TREND_RUN = 3;

export interface NewTrend {
  direction: 'up' | 'down';
  /** The period the new direction started from. */
  since: TimePoint;
  /** Consecutive changes in the new direction. */
  periods: number;
}

/**
 * A change of direction: the last 3 changes all go one way and the 3 before them all went the
 * other ("sales have risen three weeks running, after falling three"). Flat changes break a run.
 */
export function newTrend(series: readonly TimePoint[]): NewTrend | undefined {
  const signs = series.slice(1).map((point, i) => Math.sign(point.value - series[i]!.value));
  if (signs.length < 2 * TREND_RUN) return undefined;
  const recent = signs.slice(-TREND_RUN);
  const before = signs.slice(-2 * TREND_RUN, -TREND_RUN);
  const direction = recent[0]!;
  if (direction === 0 || !recent.every((sign) => sign === direction) || !before.every((sign) => sign === -direction)) {
    return undefined;
  }
  return {
    direction: direction > 0 ? 'up' : 'down',
    since: series[series.length - 1 - TREND_RUN]!,
    periods: TREND_RUN,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
