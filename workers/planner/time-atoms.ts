import { GRAIN_NOUNS, LAST_WORDS, MONTH_WORDS, ORDINALS, THIS_WORDS } from './calendar-words';
import { NUMBER_WORDS } from './keyword-phrases';
import type { Token } from './question-tokens';
import {
  addDays,
  dayPeriod,
  halfPeriod,
  isoDay,
  latestComplete,
  monthPeriod,
  periodContaining,
  quarterPeriod,
  shiftPeriod,
  spanLabel,
  yearPeriod,
  type DataRange,
  type Period,
} from './time-periods';

/**
 * One period as people write it: `2016`, `Q3 2017`, `2017 Q3`, `third quarter
 * of 2017`, `H1 2016`, `March 2016`, `2016-03`, `2016-03-15`, `March 15, 2016`,
 * `last quarter`, `the past 3 months`, `year to date`. A month or quarter
 * without a year stays `yearless` until the whole question is read.
 */

/** A period as read, before periods without a year are given one. */
export type Atom =
  | { type: 'fixed'; period: Period }
  | { type: 'yearless'; grain: 'month' | 'quarter' | 'half'; index: number; year?: number }
  | { type: 'span'; start: string; end: string; label: string };

/** The question's tokens, those already taken by stronger readings, and the data's range. */
export interface Scan {
  tokens: readonly Token[];
  taken: readonly boolean[];
  range: DataRange;
}

/** The token at `i` if it is still free. */
export const text = (s: Scan, i: number): string | undefined =>
  i < s.tokens.length && !s.taken[i] ? s.tokens[i]?.text : undefined;

export const skipThe = (s: Scan, i: number) => (text(s, i) === 'the' ? i + 1 : i);

const yearOf = (t: string | undefined) =>
  t !== undefined && /^\d{4}$/.test(t) && Number(t) >= 1800 && Number(t) < 2200 ? Number(t) : null;

function ordinalAt(s: Scan, i: number): { value: number; next: number } | null {
  const t = text(s, i);
  if (t === undefined) return null;
  if (ORDINALS[t]) return { value: ORDINALS[t], next: i + 1 };
  if (/^[1-4]$/.test(t) && ['st', 'nd', 'rd', 'th'].includes(text(s, i + 1) ?? ''))
    return { value: Number(t), next: i + 2 };
  return null;
}

/** An optional year after a part of a year: "Q3 2017", "Q3/2017", "March of 2016", "March, 2016". */
function trailingYear(s: Scan, i: number): { year: number; next: number } | null {
  const direct = yearOf(text(s, i));
  if (direct !== null) return { year: direct, next: i + 1 };
  const sep = text(s, i);
  if (sep === '-' || sep === '/' || sep === ',' || sep === 'of') {
    const year = yearOf(text(s, i + 1));
    if (year !== null) return { year, next: i + 2 };
  }
  return null;
}

function partOfYear(
  s: Scan,
  grain: 'month' | 'quarter' | 'half',
  index: number,
  i: number,
): { atom: Atom; next: number } {
  const year = trailingYear(s, i);
  if (!year) return { atom: { type: 'yearless', grain, index }, next: i };
  return { atom: { type: 'fixed', period: periodOf(grain, year.year, index) }, next: year.next };
}

export function periodOf(grain: 'month' | 'quarter' | 'half', year: number, index: number): Period {
  if (grain === 'month') return monthPeriod(year, index);
  if (grain === 'quarter') return quarterPeriod(year, index);
  return halfPeriod(year, index === 1 ? 1 : 2);
}

/**
 * One period at token `i`. `afterPreposition` lets "may" be a month ("in May");
 * elsewhere it is a month only when a year follows ("May 2016").
 */
export function atomAt(s: Scan, i: number, afterPreposition = false): { atom: Atom; next: number } | null {
  const t = text(s, i);
  if (t === undefined) return null;
  const year = yearOf(t);
  if (year !== null) return yearLed(s, year, i);
  const quarter = /^q([1-4])$/.exec(t);
  if (quarter) return partOfYear(s, 'quarter', Number(quarter[1]), i + 1);
  const half = /^h([12])$/.exec(t);
  if (half) return partOfYear(s, 'half', Number(half[1]), i + 1);
  if (t === 'quarter' && /^[1-4]$/.test(text(s, i + 1) ?? ''))
    return partOfYear(s, 'quarter', Number(text(s, i + 1)), i + 2);
  const ordinal = ordinalAt(s, i);
  if (ordinal) {
    const noun = text(s, ordinal.next);
    if (noun === 'quarter' || noun === 'half') {
      const of = text(s, ordinal.next + 1) === 'of' ? ordinal.next + 2 : ordinal.next + 1;
      const atom = partOfYear(s, noun, ordinal.value, of);
      return atom.next === of ? partOfYear(s, noun, ordinal.value, ordinal.next + 1) : atom;
    }
    return null;
  }
  const month = MONTH_WORDS[t];
  if (month) {
    const day = text(s, i + 1);
    if (day && /^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31) {
      const year = trailingYear(s, i + 2) ?? trailingYear(s, text(s, i + 2) === ',' ? i + 3 : i + 2);
      if (year)
        return { atom: { type: 'fixed', period: dayPeriod(isoDate(year.year, month, Number(day))) }, next: year.next };
    }
    const atom = partOfYear(s, 'month', month, i + 1);
    if (t === 'may' && atom.atom.type === 'yearless' && !afterPreposition) return null;
    return atom;
  }
  return relativeAt(s, i);
}

const isoDate = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A period that starts with a year: `2016`, `2016-03`, `2016-03-15`, `2016 Q3`, `2016 March`, `1990s`. */
function yearLed(s: Scan, year: number, i: number): { atom: Atom; next: number } {
  const decades = decadesAt(s, year, i);
  if (decades) return decades;
  const sep = text(s, i + 1);
  const second = text(s, i + 2);
  if ((sep === '-' || sep === '/' || sep === '.') && second !== undefined) {
    const quarter = /^q([1-4])$/.exec(second);
    if (quarter) return { atom: { type: 'fixed', period: quarterPeriod(year, Number(quarter[1])) }, next: i + 3 };
    const month = /^\d{1,2}$/.test(second) ? Number(second) : 0;
    const day = text(s, i + 4);
    if (month >= 1 && month <= 12 && text(s, i + 3) === sep && day !== undefined && /^\d{1,2}$/.test(day)) {
      const iso = isoDate(year, month, Number(day));
      if (addDays(iso, 0) === iso) return { atom: { type: 'fixed', period: dayPeriod(iso) }, next: i + 5 };
    }
    // "2016-12" is December; "2016-17" is two years, read by the range rule.
    if (month >= 1 && month <= 12 && (second.length === 2 || sep === '/')) {
      return { atom: { type: 'fixed', period: monthPeriod(year, month) }, next: i + 3 };
    }
  }
  const next = text(s, i + 1);
  const quarter = next === undefined ? null : /^q([1-4])$/.exec(next);
  if (quarter) return { atom: { type: 'fixed', period: quarterPeriod(year, Number(quarter[1])) }, next: i + 2 };
  const half = next === undefined ? null : /^h([12])$/.exec(next);
  if (half) return { atom: { type: 'fixed', period: halfPeriod(year, half[1] === '1' ? 1 : 2) }, next: i + 2 };
  const month = next === undefined ? undefined : MONTH_WORDS[next];
  if (month) return { atom: { type: 'fixed', period: monthPeriod(year, month) }, next: i + 2 };
  return { atom: { type: 'fixed', period: yearPeriod(year) }, next: i + 1 };
}

/**
 * `1990s` (or `1990's`): the decade. A round hundred before 2000 is its century, as people say it
 * (`the 1800s`, `the 1900s`); `2000s` is the decade. The label gives the years, so the reading is shown.
 */
function decadesAt(s: Scan, year: number, i: number): { atom: Atom; next: number } | null {
  if (year % 10 !== 0) return null;
  const apostrophe = text(s, i + 1) === "'" || text(s, i + 1) === '’';
  const at = apostrophe ? i + 2 : i + 1;
  if (text(s, at) !== 's' || s.tokens[at]?.spaced) return null;
  const years = year % 100 === 0 && year < 2000 ? 100 : 10;
  const start = yearPeriod(year).start;
  const end = yearPeriod(year + years).start;
  return { atom: { type: 'span', start, end, label: spanLabel(start, end) }, next: at + 1 };
}

/** "last quarter", "this year", "the past 3 months", "most recent month", "year to date". */
function relativeAt(s: Scan, i: number): { atom: Atom; next: number } | null {
  const t = text(s, i);
  if (t === 'ytd' || (t === 'year' && text(s, i + 1) === 'to' && text(s, i + 2) === 'date')) {
    const year = periodContaining('year', isoDay(s.range.to));
    const end = addDays(isoDay(s.range.to), 1);
    return {
      atom: { type: 'span', start: year.start, end, label: `${year.label} to date` },
      next: t === 'ytd' ? i + 1 : i + 3,
    };
  }
  let at: number;
  let which: 'last' | 'this';
  if (t === 'most' && text(s, i + 1) === 'recent') {
    which = 'this';
    at = i + 2;
  } else if (t !== undefined && LAST_WORDS.has(t)) {
    which = 'last';
    at = i + 1;
  } else if (t !== undefined && THIS_WORDS.has(t)) {
    which = 'this';
    at = i + 1;
  } else return null;
  const count = text(s, at);
  const n = count === undefined ? undefined : /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count];
  const noun = text(s, n === undefined ? at : at + 1);
  const grain = noun === undefined ? undefined : GRAIN_NOUNS[noun];
  if (!grain || grain === 'hour') return null;
  const next = n === undefined ? at + 1 : at + 2;
  const latest = which === 'last' ? latestComplete(grain, s.range) : periodContaining(grain, isoDay(s.range.to));
  if (n === undefined || n === 1) return { atom: { type: 'fixed', period: latest }, next };
  const first = shiftPeriod(latest, 1 - n);
  const label = `last ${n} ${noun} (${spanLabel(first.start, latest.end)})`;
  return { atom: { type: 'span', start: first.start, end: latest.end, label }, next };
}

export function atomYear(atom: Atom): number | undefined {
  if (atom.type === 'fixed') return Number(atom.period.start.slice(0, 4));
  return atom.type === 'yearless' ? atom.year : undefined;
}

export function periodOfAtom(atom: Atom): Period {
  if (atom.type === 'fixed') return atom.period;
  if (atom.type === 'span') return { grain: 'day', start: atom.start, end: atom.end, label: atom.label };
  return periodOf(atom.grain, atom.year ?? 0, atom.index);
}
