import { formatDate } from '../../charts/format';
import { parseIsoDate } from '../../charts/iso-date';
import type { TimeGrain } from '../../core/dataset';

/**
 * A time value at its grain ("Mar 2016", "Q3 2017"), or the value as given
 * when it is not a date: a label is better than no answer.
 */
export function periodLabel(iso: string, grain: TimeGrain): string {
  return parseIsoDate(iso) === null ? iso : formatDate(iso, grain);
}

/** The instant a period that starts at `start` ends (exclusive). */
export function periodEnd(start: Date, grain: TimeGrain): Date {
  const end = new Date(start.getTime());
  switch (grain) {
    case 'hour':
      end.setUTCHours(end.getUTCHours() + 1);
      break;
    case 'day':
      end.setUTCDate(end.getUTCDate() + 1);
      break;
    case 'week':
      end.setUTCDate(end.getUTCDate() + 7);
      break;
    case 'month':
      end.setUTCMonth(end.getUTCMonth() + 1);
      break;
    case 'quarter':
      end.setUTCMonth(end.getUTCMonth() + 3);
      break;
    case 'year':
      end.setUTCFullYear(end.getUTCFullYear() + 1);
      break;
  }
  return end;
}

/**
 * The calendar period exactly between two bounds (`to` exclusive), as a
 * filter or a comparison side states it: "2016", "2014–2016", "Q3 2017",
 * "Mar 2016"; null when the bounds are not one of those.
 *
 * @example calendarPeriod('2016-01-01', '2017-01-01') // '2016'
 */
export function calendarPeriod(from: string, to: string): string | null {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (start === null || end === null || !isMonthStart(start) || !isMonthStart(end)) return null;
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (start.getUTCMonth() === 0 && months % 12 === 0 && months > 0) {
    const last = end.getUTCFullYear() - 1;
    return months === 12 ? String(last) : `${start.getUTCFullYear()}\u2013${last}`;
  }
  if (months === 3 && start.getUTCMonth() % 3 === 0) return formatDate(from, 'quarter');
  if (months === 1) return formatDate(from, 'month');
  return null;
}

function isMonthStart(date: Date): boolean {
  return (
    date.getUTCDate() === 1 && date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0
  );
}

/** The day before a date, for printing an exclusive bound as the last day included. */
export function dayBefore(iso: string): string | null {
  const date = parseIsoDate(iso);
  if (date === null || date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0)
    return null;
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

// A bucket whose data stops before this share of its length is called
// incomplete: a month that ends on the 30th is complete, one that ends on the 10th is not.
const COMPLETE_SHARE = 0.9;

/**
 * Whether the period starting at `start` is cut short because the data ends
 * at `dataEnd` (exclusive). Hours and days are never called incomplete: a
 * day's rows are all there or none are.
 */
export function isIncomplete(start: string, grain: TimeGrain, dataEnd: Date): boolean {
  if (grain === 'hour' || grain === 'day') return false;
  const from = parseIsoDate(start);
  if (from === null) return false;
  const length = periodEnd(from, grain).getTime() - from.getTime();
  return dataEnd.getTime() - from.getTime() < length * COMPLETE_SHARE;
}

/** Whether the period starting at `start` is cut short because the data only begins at `dataStart`. */
export function isLateStart(start: string, grain: TimeGrain, dataStart: Date): boolean {
  if (grain === 'hour' || grain === 'day') return false;
  const from = parseIsoDate(start);
  if (from === null) return false;
  const end = periodEnd(from, grain).getTime();
  return end - dataStart.getTime() < (end - from.getTime()) * COMPLETE_SHARE;
}
