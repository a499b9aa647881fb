import type { DatasetMeta } from '../../core/dataset';
import type { Filter } from '../plan/analysis-plan';
import { chartUnit } from './chart-unit';
import { joinWords } from './list-words';
import { calendarPeriod, dayBefore } from './period-words';
import { StatedNumbers } from './stated-numbers';

type Scalar = string | number | boolean;

/** A time filter, bare for lists ("2016") and as a phrase for sentences ("in 2016"). */
export interface PeriodWords {
  label: string;
  phrase: string;
}

/** What the plan's filters keep, in words. */
export interface FilterScope {
  /** Conditions on anything but time: "Region = West", "Sales ≥ $100". */
  conditions: string[];
  periods: PeriodWords[];
  /** The numbers the conditions state, for a sentence that quotes them. */
  numbers: number[];
}

// Past this many values a list stops being read; the rest are counted.
const LISTED_VALUES = 3;

/**
 * The plan's filters in words.
 *
 * @example
 * describeFilters([{ op: 'in', column: 'Region', values: ['West'] },
 *   { op: 'range', column: 'Order Date', from: '2016-01-01', to: '2017-01-01' }], meta)
 * // { conditions: ['Region = West'], periods: [{ label: '2016', phrase: 'in 2016' }], numbers: [] }
 */
export function describeFilters(filters: readonly Filter[], meta: DatasetMeta): FilterScope {
  const said = new StatedNumbers();
  const scope: FilterScope = { conditions: [], periods: [], numbers: said.numbers };
  for (const filter of filters) {
    // An open range keeps every row: nothing to say.
    if (filter.op === 'range' && filter.from === undefined && filter.to === undefined) continue;
    const profile = meta.columns.find((c) => c.name === filter.column);
    if (filter.op === 'range' && profile?.role === 'time') {
      scope.periods.push(timeRange(filter.from, filter.to));
      continue;
    }
    const value = (v: Scalar) => (typeof v === 'number' ? said.amount(v, chartUnit(profile?.unit)) : String(v));
    switch (filter.op) {
      case 'in':
        scope.conditions.push(`${filter.column} = ${listed(filter.values, value, said)}`);
        break;
      case 'not_in':
        scope.conditions.push(
          filter.values.length === 1
            ? `${filter.column} \u2260 ${value(filter.values[0] as Scalar)}`
            : `${filter.column} not in ${listed(filter.values, value, said)}`,
        );
        break;
      case 'range':
        scope.conditions.push(numberRange(filter.column, filter.from, filter.to, value));
        break;
    }
  }
  return scope;
}

/** The scope for a sentence: "Region = West in 2016", "" when nothing is filtered. */
export function scopePhrase(scope: FilterScope): string {
  return [scope.conditions.join(' and '), scope.periods.map((p) => p.phrase).join(' and ')]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The scope as a clause after a noun: " where Region = West in 2016",
 * " in 2016", or "" when nothing is filtered.
 */
export function scopeClause(scope: FilterScope): string {
  if (scope.conditions.length > 0) return ` where ${scopePhrase(scope)}`;
  const periods = scopePhrase(scope);
  return periods === '' ? '' : ` ${periods}`;
}

/** The scope as a list: "Region = West, 2016". */
export function scopeList(scope: FilterScope): string {
  return [...scope.conditions, ...scope.periods.map((p) => p.label)].join(', ');
}

function listed(values: readonly Scalar[], value: (v: Scalar) => string, said: StatedNumbers): string {
  if (values.length <= LISTED_VALUES + 1) return joinWords(values.map(value), 'or');
  const shown = values.slice(0, LISTED_VALUES).map(value);
  return joinWords([...shown, `${said.count(values.length - LISTED_VALUES)} more`], 'or');
}

function numberRange(
  column: string,
  from: Scalar | undefined,
  to: Scalar | undefined,
  value: (v: Scalar) => string,
): string {
  // `to` is exclusive, as for time bounds.
  if (from !== undefined && to !== undefined) return `${value(from)} \u2264 ${column} < ${value(to)}`;
  if (from !== undefined) return `${column} \u2265 ${value(from)}`;
  return `${column} < ${value(to as Scalar)}`;
}

function timeRange(from: Scalar | undefined, to: Scalar | undefined): PeriodWords {
  const start = from === undefined ? undefined : isoOf(from);
  const end = to === undefined ? undefined : isoOf(to);
  if (start !== undefined && end !== undefined) {
    const period = calendarPeriod(start, end);
    if (period !== null) return { label: period, phrase: `in ${period}` };
    const last = dayBefore(end);
    if (last === start.slice(0, 10)) return { label: last, phrase: `on ${last}` };
    const range = last === null ? `${start} to before ${end}` : `${start.slice(0, 10)} to ${last}`;
    return { label: range, phrase: `from ${range}` };
  }
  if (start !== undefined) return { label: `since ${start}`, phrase: `since ${start}` };
  return { label: `before ${end}`, phrase: `before ${end}` };
}

// A year column holds numbers: 2016 is the year that starts on 2016-01-01.
function isoOf(value: Scalar): string {
  return typeof value === 'number' && Number.isInteger(value) ? `${value}-01-01` : String(value);
}
