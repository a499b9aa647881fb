import type { DatasetMeta } from '../../core/dataset';
import { parseIsoDate } from '../../charts/iso-date';
import type { Aggregate, Comparator, Filter, PeriodGrain } from '../plan/analysis-plan';
import { chartUnit } from './chart-unit';
import { joinWords } from './list-words';
import { calendarPeriod, dayBefore, periodLabel } from './period-words';
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
 * The plan's filters in words. A period counted back from the data's last
 * date (`lastDate`, from the result) is named with its dates and said to be
 * the data's latest: "in 2017, the latest year in the data".
 *
 * @example
 * describeFilters([{ op: 'in', column: 'Region', values: ['West'] },
 *   { op: 'range', column: 'Order Date', from: '2016-01-01', to: '2017-01-01' }], meta)
 * // { conditions: ['Region = West'], periods: [{ label: '2016', phrase: 'in 2016' }], numbers: [] }
 */
export function describeFilters(filters: readonly Filter[], meta: DatasetMeta, lastDate?: string): FilterScope {
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
      case 'compare':
        scope.conditions.push(`${filter.column} ${COMPARATOR_WORDS[filter.comparator]} ${value(filter.value)}`);
        break;
      case 'latest':
        scope.periods.push(latestPeriod(filter.grain, filter.count, lastDate));
        break;
      case 'having': {
        const measured = meta.columns.find((c) => c.name === filter.measure.column);
        const amount = said.amount(filter.value, chartUnit(measured?.unit));
        scope.conditions.push(
          `${filter.column} whose ${aggregateWords(filter.measure)} ${ENTITY_COMPARATOR_WORDS[filter.comparator]} ${amount}`,
        );
        break;
      }
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

const COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = { '>': '>', '>=': '\u2265', '<': '<', '<=': '\u2264' };
/** An entity's total in words: "Order ID whose total Profit is below 0". */
const ENTITY_COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = {
  '>': 'is above',
  '>=': 'is at least',
  '<': 'is below',
  '<=': 'is at most',
};

const AGGREGATE_WORDS: Readonly<Record<Aggregate['aggregation'], string>> = {
  sum: 'total',
  avg: 'average',
  median: 'median',
  min: 'minimum',
  max: 'maximum',
  count: 'count of',
  count_distinct: 'distinct count of',
};

/** "total Profit", "row count". */
function aggregateWords(measure: Aggregate): string {
  return measure.column === null ? 'row count' : `${AGGREGATE_WORDS[measure.aggregation]} ${measure.column}`;
}

/**
 * "2017, the latest year in the data", "the latest 6 months in the data
 * (Jul 2017 to Dec 2017)": the periods with their dates when the last date is
 * known, so nobody reads "this year" as the calendar's.
 */
function latestPeriod(grain: PeriodGrain, count: number, lastDate: string | undefined): PeriodWords {
  const latest = count === 1 ? `the latest ${grain} in the data` : `the latest ${count} ${grain}s in the data`;
  const last = lastDate === undefined ? null : parseIsoDate(lastDate);
  if (last === null) return { label: latest, phrase: `in ${latest}` };
  const end = periodStart(last, grain);
  const start = new Date(end.getTime());
  if (grain === 'week' || grain === 'day')
    start.setUTCDate(start.getUTCDate() - (count - 1) * (grain === 'week' ? 7 : 1));
  else start.setUTCMonth(start.getUTCMonth() - (count - 1) * MONTHS[grain]);
  const at = (date: Date) => periodLabel(date.toISOString().slice(0, 10), grain);
  if (count === 1) return { label: `${at(end)} (latest ${grain})`, phrase: `in ${at(end)}, ${latest}` };
  return {
    label: `${at(start)}\u2013${at(end)} (latest ${count} ${grain}s)`,
    phrase: `in ${latest} (${at(start)} to ${at(end)})`,
  };
}

const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** The first day of the period of `grain` that holds `date` (weeks start on Monday). */
function periodStart(date: Date, grain: PeriodGrain): Date {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (grain === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (grain === 'month' || grain === 'quarter' || grain === 'year') start.setUTCDate(1);
  if (grain === 'quarter') start.setUTCMonth(start.getUTCMonth() - (start.getUTCMonth() % 3));
  if (grain === 'year') start.setUTCMonth(0);
  return start;
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
