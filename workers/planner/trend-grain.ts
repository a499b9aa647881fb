import type { TimeGrain } from '../../core/dataset';
import { daysBetween, GRAIN_ORDER, type DataRange } from './time-periods';

/** Periods a line chart can show before its points blur together. */
const MAX_NATURAL_POINTS = 150;

const DAYS_PER: Record<TimeGrain, number> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.44,
  quarter: 91.31,
  year: 365.25,
};

/**
 * The grain for "over time" when the question names none, from the span of
 * the data (or of the question's time filter):
 * - data already spaced by week, month, quarter or year stays at its own grain
 *   while that gives at most 150 points, so levels such as prices or head
 *   counts are never summed across periods;
 * - otherwise: up to 3 days → hour (when the data has times), up to 60 days →
 *   day, up to 26 weeks → week, up to 5 years → month (≤ 60 points), up to 15
 *   years → quarter (≤ 60 points), beyond → year;
 * - never finer than the data's own grain.
 *
 * @example
 * trendGrain({ from: '2014-01-03', to: '2017-12-30', grain: 'day' }) // 'month'
 * trendGrain({ from: '2000-01-01', to: '2010-03-01', grain: 'month' }) // 'month' (123 points)
 */
export function trendGrain(range: DataRange): TimeGrain {
  const days = daysBetween(range.from.slice(0, 10), range.to.slice(0, 10)) + 1;
  const natural = range.grain;
  if (natural !== 'hour' && natural !== 'day' && days / DAYS_PER[natural] <= MAX_NATURAL_POINTS) return natural;
  let grain: TimeGrain;
  if (days <= 3) grain = 'hour';
  else if (days <= 60) grain = 'day';
  else if (days <= 183) grain = 'week';
  else if (days <= 5 * 366) grain = 'month';
  else if (days <= 15 * 366) grain = 'quarter';
  else grain = 'year';
  return coarsest(grain, natural);
}

/** The coarser of two grains. */
export function coarsest(a: TimeGrain, b: TimeGrain): TimeGrain {
  return GRAIN_ORDER.indexOf(a) >= GRAIN_ORDER.indexOf(b) ? a : b;
}
