import type { TimeGrain } from '../../core/dataset';
import { utcTime } from '../../charts/iso-date';

/**
 * Calendar periods as ISO dates, `start` inclusive and `end` exclusive (the
 * plan's convention), and the rules that make "last quarter" mean the data's
 * last complete quarter rather than today's.
 */

export type PeriodGrain = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'day';

export interface Period {
  grain: PeriodGrain;
  /** ISO date, inclusive. */
  start: string;
  /** ISO date, exclusive. */
  end: string;
  /** How a person writes it: `2016`, `Q3 2017`, `Mar 2016`, `week of 2016-03-14`, `2016-03-15`. */
  label: string;
}

/** The span of a time column: first and last dates present, and the column's natural spacing. */
export interface DataRange {
  from: string;
  to: string;
  grain: TimeGrain;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Coarseness order, so a request finer than the data can be told apart. */
export const GRAIN_ORDER: readonly (PeriodGrain | TimeGrain)[] = [
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'half',
  'year',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;

function toUtc(iso: string): Date {
  return new Date(utcTime(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function fromUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The date part of an ISO date or datetime. */
export const isoDay = (value: string) => value.slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** Months added to the first of a month. */
function addMonths(iso: string, months: number): string {
  const date = toUtc(iso);
  return fromUtc(new Date(utcTime(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

export function yearPeriod(year: number): Period {
  return { grain: 'year', start: `${pad(year, 4)}-01-01`, end: `${pad(year + 1, 4)}-01-01`, label: String(year) };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  const start = `${pad(year, 4)}-${half === 1 ? '01' : '07'}-01`;
  return { grain: 'half', start, end: addMonths(start, 6), label: `H${half} ${year}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const start = `${pad(year, 4)}-${pad((quarter - 1) * 3 + 1)}-01`;
  return { grain: 'quarter', start, end: addMonths(start, 3), label: `Q${quarter} ${year}` };
}

export function monthPeriod(year: number, month: number): Period {
  const start = `${pad(year, 4)}-${pad(month)}-01`;
  return { grain: 'month', start, end: addMonths(start, 1), label: `${MONTH_NAMES[month - 1] ?? ''} ${year}` };
}

export function dayPeriod(iso: string): Period {
  return { grain: 'day', start: iso, end: addDays(iso, 1), label: iso };
}

/** Weeks start on Monday (ISO 8601), as DuckDB's `date_trunc('week', …)` does. */
function weekPeriod(anyDay: string): Period {
  const weekday = (toUtc(anyDay).getUTCDay() + 6) % 7;
  const start = addDays(anyDay, -weekday);
  return { grain: 'week', start, end: addDays(start, 7), label: `week of ${start}` };
}

/** The period of a grain that holds a date. */
export function periodContaining(grain: PeriodGrain, iso: string): Period {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (grain) {
    case 'year':
      return yearPeriod(year);
    case 'half':
      return halfPeriod(year, month <= 6 ? 1 : 2);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'month':
      return monthPeriod(year, month);
    case 'week':
      return weekPeriod(iso);
    case 'day':
      return dayPeriod(iso);
  }
}

/** The period `count` steps later (earlier when negative). */
export function shiftPeriod(period: Period, count: number): Period {
  if (period.grain === 'day') return dayPeriod(addDays(period.start, count));
  if (period.grain === 'week') return weekPeriod(addDays(period.start, 7 * count));
  const months = { year: 12, half: 6, quarter: 3, month: 1 }[period.grain];
  return periodContaining(period.grain, addMonths(period.start, months * count));
}

/** Whether any of the period lies inside the data's range. */
export function overlaps(period: { start: string; end: string }, range: DataRange): boolean {
  return period.start <= range.to && period.end > range.from;
}

/**
 * Whether the data reaches the end of a period. Data with a coarse natural
 * grain must hold the period's last step (December for monthly data); daily or
 * finer data may stop a little short, one day in thirty, because the last
 * days of a period often have no rows (Superstore's last order is on 30
 * December, a Saturday).
 */
export function isComplete(period: Period, range: DataRange): boolean {
  let lastStep: string;
  switch (range.grain) {
    case 'year':
      lastStep = addMonths(period.end, -12);
      break;
    case 'quarter':
      lastStep = addMonths(period.end, -3);
      break;
    case 'month':
      lastStep = addMonths(period.end, -1);
      break;
    case 'week':
      lastStep = addDays(period.end, -7);
      break;
    default:
      lastStep = addDays(period.end, -1 - Math.floor(daysBetween(period.start, period.end) / 30));
  }
  return isoDay(range.to) >= lastStep && isoDay(range.from) < period.end;
}

/** The latest period of a grain that the data covers completely ("last quarter"). */
export function latestComplete(grain: PeriodGrain, range: DataRange): Period {
  const latest = periodContaining(grain, isoDay(range.to));
  return isComplete(latest, range) ? latest : shiftPeriod(latest, -1);
}

/**
 * How a person reads a span: whole years as `2014–2016`, whole months as
 * `Mar 2016 – Jun 2016`, other spans as inclusive ISO dates.
 */
export function spanLabel(start: string, end: string): string {
  const last = addDays(end, -1);
  if (start.endsWith('-01-01') && end.endsWith('-01-01')) {
    const first = start.slice(0, 4);
    const final = last.slice(0, 4);
    return first === final ? first : `${first}–${final}`;
  }
  if (start.endsWith('-01') && end.endsWith('-01')) {
    const month = (iso: string) => `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
    return month(start) === month(last) ? month(start) : `${month(start)} – ${month(last)}`;
  }
  return start === last ? start : `${start} to ${last}`;
}

/** A period's first day as a person writes the period: `2015` for 1 January, `Mar 2015` for 1 March. */
export function pointLabel(iso: string): string {
  if (iso.endsWith('-01-01')) return iso.slice(0, 4);
  if (iso.endsWith('-01')) return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
  return iso;
}
