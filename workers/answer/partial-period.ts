import { parseIsoDate } from '../../charts/iso-date';
import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan } from '../plan/analysis-plan';
import { isIncomplete, isLateStart, periodEnd } from './period-words';
import type { TimeColumn, TimePoint } from './result-view';

/** A time series with its last bucket set apart when the data covers only part of it. */
export interface CompleteSeries {
  complete: TimePoint[];
  /** The last bucket when it is incomplete ("Dec 2017" when the data stops on Dec 10), else null. */
  partial: TimePoint | null;
}

/**
 * Sets apart a last bucket the data only partly covers, so that a change, a
 * low or an outlier is never read from a month that has barely started.
 */
export function splitPartialLast(
  plan: AnalysisPlan,
  meta: DatasetMeta,
  time: TimeColumn,
  series: readonly TimePoint[],
): CompleteSeries {
  const last = series[series.length - 1];
  const end = dataEnd(plan, meta, time);
  if (last === undefined || end === null || !isIncomplete(last.iso, time.grain, end)) {
    return { complete: [...series], partial: null };
  }
  return { complete: series.slice(0, -1), partial: last };
}

/**
 * The first bucket when the data only starts partway through it (a month
 * whose data begins on the 20th), else null: a change is never read from a
 * period that was barely covered either.
 */
export function partialFirst(
  plan: AnalysisPlan,
  meta: DatasetMeta,
  time: TimeColumn,
  series: readonly TimePoint[],
): TimePoint | null {
  const first = series[0];
  const start = dataStart(plan, meta, time);
  if (first === undefined || series.length < 2 || start === null) return null;
  return isLateStart(first.iso, time.grain, start) ? first : null;
}

/**
 * Where the data of the time column starts: its first value, or the start of
 * a time filter when that comes later; null when neither is known.
 */
function dataStart(plan: AnalysisPlan, meta: DatasetMeta, time: TimeColumn): Date | null {
  const name = plan.dimensions.find((d) => d.grain !== undefined)?.column ?? time.column.name;
  const profile = meta.columns.find((c) => c.name === name);
  // A column of years holds whole years.
  if (profile?.type === 'integer') return null;
  const starts: Date[] = [];
  const firstValue = profile?.from === undefined ? null : parseIsoDate(profile.from);
  if (firstValue !== null) starts.push(firstValue);
  for (const filter of plan.filters) {
    if (filter.op !== 'range' || filter.column !== name || typeof filter.from !== 'string') continue;
    const from = parseIsoDate(filter.from);
    if (from !== null) starts.push(from);
  }
  if (starts.length === 0) return null;
  return new Date(Math.max(...starts.map((d) => d.getTime())));
}

/**
 * Where the data of the time column stops (exclusive): after its last value,
 * or at the end of a time filter when that comes first; null when neither is known.
 */
function dataEnd(plan: AnalysisPlan, meta: DatasetMeta, time: TimeColumn): Date | null {
  const name = plan.dimensions.find((d) => d.grain !== undefined)?.column ?? time.column.name;
  const profile = meta.columns.find((c) => c.name === name);
  const lastValue = profile?.to === undefined ? null : parseIsoDate(profile.to);
  const ends: Date[] = [];
  if (lastValue !== null) {
    // A date holds its whole day, or its whole month or year when the column is spaced so (yearly data
    // dated Jan 1 covers the year); a year column holds its whole year; a datetime is an instant.
    const kept = profile?.type === 'date' ? (profile.grain ?? 'day') : profile?.type === 'integer' ? 'year' : null;
    ends.push(kept === null ? new Date(lastValue.getTime() + 1) : periodEnd(lastValue, kept));
  }
  for (const filter of plan.filters) {
    if (filter.op !== 'range' || filter.column !== name || typeof filter.to !== 'string') continue;
    const to = parseIsoDate(filter.to);
    if (to !== null) ends.push(to);
  }
  if (ends.length === 0) return null;
  return new Date(Math.min(...ends.map((d) => d.getTime())));
}

/** "; Jan 2014 is partial and left out", for the buckets at either end the data only partly covers. */
export function partialNote(cut: readonly (TimePoint | null)[], label: (point: TimePoint) => string): string {
  const names = cut.filter((p): p is TimePoint => p !== null).map(label);
  if (names.length === 0) return '';
  return names.length === 1
    ? `; ${names[0]} is partial and left out`
    : `; ${names.join(' and ')} are partial and left out`;
}
