import { parseIsoDate } from '../../charts/iso-date';
import type { DatasetMeta, TimeGrain } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { isAdditive } from './measure-words';
import { partialFirst, partialNote, splitPartialLast } from './partial-period';
import { periodEnd, periodLabel } from './period-words';
import type { IndexedColumn, TimeColumn, TimePoint } from './result-view';
import { type Change, changeOf } from './series-stats';
import type { StatedNumbers } from './stated-numbers';

/**
 * Which two values a trend's change compares: the totals of the latest two
 * complete years, the latest bucket against the same month (or quarter) of
 * its earliest year, or the first bucket against the last.
 */
export type ChangeBasis = 'complete-years' | 'same-period' | 'ends';

/** One side of a trend's change: a bucket ("Dec 2015") or a complete year's total ("2017"). */
export interface ChangeSide {
  label: string;
  value: number;
  /** The bucket itself; null for a year's total. */
  point: TimePoint | null;
}

/** The change a trend's answer states, once for its headline and its insight alike. */
export interface TrendComparison {
  basis: ChangeBasis;
  from: ChangeSide;
  to: ChangeSide;
  /** How far it moved; null when `from` is zero, where no change can be said in proportion. */
  change: Change | null;
  /** For `complete-years`: each complete year's buckets, oldest first. */
  years: TimePoint[][];
}

/** A trend's buckets as its answer reads them, and the change between two of them. */
export interface TrendReading {
  /** The buckets without a first or last one the data only partly covers. */
  complete: TimePoint[];
  /** "; Dec 2017 is partial and left out", or nothing. */
  cut: string;
  /** Null when fewer than two complete buckets are left. */
  comparison: TrendComparison | null;
}

/**
 * Reads a time series once for everything its answer says of the change, so
 * that a headline and an insight can never state two different changes of
 * one series. Partial first and last buckets are left out. Then, in order:
 * an additive measure finer than a year over two complete years compares the
 * latest complete year's total with the one before's; months and quarters
 * compare the latest bucket with the same month (or quarter) of the earliest
 * year that has it, never a low January with a high December; anything else
 * compares its first bucket with its last.
 *
 * @example
 * readTrend(plan, meta, monthlyTime, daysMeasure, rainyDays).comparison
 * // { basis: 'same-period', from: { label: 'Dec 2012', value: 23, … }, to: { label: 'Dec 2015', value: 25, … }, … }
 */
export function readTrend(
  plan: AnalysisPlan,
  meta: DatasetMeta,
  time: TimeColumn,
  measure: IndexedColumn,
  series: readonly TimePoint[],
): TrendReading {
  const label = (point: TimePoint) => periodLabel(point.iso, time.grain);
  const { complete: toLast, partial } = splitPartialLast(plan, meta, time, series);
  const early = partialFirst(plan, meta, time, toLast);
  const complete = early === null ? toLast : toLast.slice(1);
  const cut = partialNote([early, partial], label);
  if (complete.length < 2) return { complete, cut, comparison: null };
  const years = isAdditive(measure.column) ? completeYears(complete, time.grain) : [];
  if (years.length >= 2) {
    const [[previousYear, previous], [latestYear, latest]] = years.slice(-2) as [
      [number, TimePoint[]],
      [number, TimePoint[]],
    ];
    const total = (inYear: TimePoint[]) => inYear.reduce((sum, p) => sum + p.value, 0);
    const from = { label: String(previousYear), value: total(previous), point: null };
    const to = { label: String(latestYear), value: total(latest), point: null };
    const comparison: TrendComparison = {
      basis: 'complete-years',
      from,
      to,
      change: changeOf([from.value, to.value]),
      years: years.map(([, inYear]) => inYear),
    };
    return { complete, cut, comparison };
  }
  const last = complete[complete.length - 1] as TimePoint;
  const same = time.grain === 'month' || time.grain === 'quarter' ? samePeriodBefore(complete, last) : null;
  const first = same ?? (complete[0] as TimePoint);
  const side = (point: TimePoint): ChangeSide => ({ label: label(point), value: point.value, point });
  const comparison: TrendComparison = {
    basis: same === null ? 'ends' : 'same-period',
    from: side(first),
    to: side(last),
    change: changeOf([first.value, last.value]),
    years: [],
  };
  return { complete, cut, comparison };
}

const YEARS_IN_WORDS = ['a year', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * What a change compared, when its two labels do not say it: "comparing
 * complete years", "the same month three years apart"; null for a first
 * bucket against the last.
 */
export function basisWords(comparison: TrendComparison, grain: TimeGrain, said: StatedNumbers): string | null {
  if (comparison.basis === 'complete-years') return 'comparing complete years';
  if (comparison.basis === 'ends' || comparison.from.point === null || comparison.to.point === null) return null;
  const apart = yearOf(comparison.to.point) - yearOf(comparison.from.point);
  const inWords = YEARS_IN_WORDS[apart - 1];
  const years = apart === 1 ? inWords : `${inWords ?? said.count(apart)} years`;
  return `the same ${grain} ${years} apart`;
}

/** The earliest bucket at the same time of an earlier year than `last`, or null. */
function samePeriodBefore(points: readonly TimePoint[], last: TimePoint): TimePoint | null {
  return (
    points.find((p) => p.iso.slice(5, 10) === last.iso.slice(5, 10) && p.iso.slice(0, 4) < last.iso.slice(0, 4)) ?? null
  );
}

const yearOf = (point: TimePoint) => Number(point.iso.slice(0, 4));

/** Days a year's buckets may miss at either end and the year still count as complete. */
const YEAR_SLACK_DAYS = 12;
const DAY_MS = 86_400_000;

/**
 * The years the buckets cover from start to end, oldest first, with their
 * buckets; none for yearly or hourly series (a yearly series' ends already
 * compare years) or buckets that are not dates.
 */
function completeYears(points: readonly TimePoint[], grain: TimeGrain): [number, TimePoint[]][] {
  if (grain === 'year' || grain === 'hour') return [];
  const years = new Map<number, TimePoint[]>();
  for (const point of points) {
    const date = parseIsoDate(point.iso);
    if (date === null) return [];
    const year = date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), point]);
  }
  return [...years].filter(([year, inYear]) => coversYear(year, inYear, grain)).sort((a, b) => a[0] - b[0]);
}

/** Whether a year's buckets run from its start to its end, give or take a few days. */
function coversYear(year: number, inYear: readonly TimePoint[], grain: TimeGrain): boolean {
  const starts = inYear.map((p) => parseIsoDate(p.iso)).filter((d): d is Date => d !== null);
  if (starts.length === 0) return false;
  const first = Math.min(...starts.map((d) => d.getTime()));
  const last = new Date(Math.max(...starts.map((d) => d.getTime())));
  const end = periodEnd(last, grain).getTime();
  return (
    first - Date.UTC(year, 0, 1) <= YEAR_SLACK_DAYS * DAY_MS &&
    Date.UTC(year + 1, 0, 1) - end <= YEAR_SLACK_DAYS * DAY_MS
  );
}
