import type { TimeGrain } from '../../core/dataset';
import {
  FROM_WORDS,
  GRAIN_ADVERBS,
  GRAIN_LEADS,
  GRAIN_NOUNS,
  PERIOD_PREPOSITIONS,
  RANGE_JOINERS,
  TIME_NOUNS,
  TO_WORDS,
} from './calendar-words';
import type { Token } from './question-tokens';
import { atomAt, atomYear, periodOf, periodOfAtom, skipThe, text, type Atom, type Scan } from './time-atoms';
import {
  GRAIN_ORDER,
  isoDay,
  overlaps,
  spanLabel,
  yearPeriod,
  type DataRange,
  type Period,
  type PeriodGrain,
} from './time-periods';

/** What a time phrase asks for, relative to the data's own range. */
export type TimeExpression =
  /** One period: "2016", "Q3 2017", "last quarter". */
  | { kind: 'period'; period: Period }
  /** A span, open at either end: "since 2015", "between March and June 2016". `ends` keeps "from A to B"'s two periods. */
  | { kind: 'range'; from?: string; to?: string; label: string; ends?: [Period, Period] }
  /**
   * A grouping by time: "monthly", "by year"; `auto` for "over time", "by date".
   * `bare` for a grain noun on its own ("which month", "days with snow"), which groups only in a ranking.
   */
  | { kind: 'grain'; grain: TimeGrain | 'auto'; bare?: boolean };

/** A time phrase and the tokens it spans. */
export interface TimeMatch {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  expression: TimeExpression;
}

type Raw = { start: number; end: number } & (
  | { form: 'single'; atom: Atom }
  | { form: 'range'; a: Atom; b: Atom; fromTo: boolean }
  | { form: 'open'; atom: Atom; side: 'from' | 'to'; edge: 'start' | 'end' }
  | { form: 'grain'; grain: TimeGrain | 'auto'; bare?: boolean }
);

/**
 * Finds the time phrases of a question among the tokens not yet taken.
 * Periods without a year take the year of another period in the question
 * ("between March and June 2016"), or else the latest year in which all of
 * them hold data ("Q3 vs Q2"). Relative periods ("last quarter") are the
 * latest complete ones in the data, not the calendar's.
 *
 * @example
 * findTimeExpressions(tokenize('sales in Q3 2017'), [], range)[0]?.expression
 * // { kind: 'period', period: { grain: 'quarter', start: '2017-07-01', end: '2017-10-01', label: 'Q3 2017' } }
 */
export function findTimeExpressions(
  tokens: readonly Token[],
  taken: readonly boolean[],
  range: DataRange,
): TimeMatch[] {
  const scan: Scan = { tokens, taken, range };
  const raws: Raw[] = [];
  for (let i = 0; i < tokens.length;) {
    const raw = expressionAt(scan, i);
    if (raw) {
      raws.push(raw);
      i = raw.end;
    } else i++;
  }
  resolveYears(raws, range);
  return raws.map((raw) => ({ start: raw.start, end: raw.end, expression: toExpression(raw) }));
}

function expressionAt(s: Scan, i: number): Raw | null {
  const first = text(s, i);
  if (first === undefined) return null;
  if (first === 'between') {
    const a = atomAt(s, skipThe(s, i + 1));
    if (a && text(s, a.next) === 'and') {
      const b = atomAt(s, skipThe(s, a.next + 1));
      if (b) return { form: 'range', a: a.atom, b: b.atom, fromTo: false, start: i, end: b.next };
    }
    return null;
  }
  if (first === 'prior' && text(s, i + 1) === 'to') return openAt(s, i, i + 2, 'to', 'start');
  if (first === 'up' && (text(s, i + 1) === 'to' || text(s, i + 1) === 'until'))
    return openAt(s, i, i + 2, 'to', 'end');
  const fromEdge = FROM_WORDS[first];
  if (fromEdge) {
    const a = atomAt(s, skipThe(s, i + 1));
    if (!a) return null;
    const joiner = text(s, a.next);
    if (first === 'from' && joiner !== undefined && RANGE_JOINERS.has(joiner)) {
      const b = atomAt(s, skipThe(s, a.next + 1));
      if (b) return { form: 'range', a: a.atom, b: b.atom, fromTo: true, start: i, end: b.next };
    }
    return { form: 'open', atom: a.atom, side: 'from', edge: fromEdge, start: i, end: a.next };
  }
  const toEdge = TO_WORDS[first];
  if (toEdge) return openAt(s, i, i + 1, 'to', toEdge);
  const grain = grainAt(s, i);
  if (grain) return grain;
  const lead = PERIOD_PREPOSITIONS.has(first) ? skipThe(s, i + 1) : i;
  const a = atomAt(s, lead, lead > i);
  if (!a) return null;
  const joiner = text(s, a.next);
  if (joiner !== undefined && RANGE_JOINERS.has(joiner)) {
    const b = shortYearAt(s, a.atom, a.next + 1) ?? atomAt(s, skipThe(s, a.next + 1), true);
    if (b && sameKind(a.atom, b.atom))
      return { form: 'range', a: a.atom, b: b.atom, fromTo: false, start: i, end: b.next };
  }
  return { form: 'single', atom: a.atom, start: i, end: a.next };
}

function openAt(s: Scan, start: number, at: number, side: 'from' | 'to', edge: 'start' | 'end'): Raw | null {
  const a = atomAt(s, skipThe(s, at));
  return a ? { form: 'open', atom: a.atom, side, edge, start, end: a.next } : null;
}

function sameKind(a: Atom, b: Atom): boolean {
  const kind = (atom: Atom) =>
    atom.type === 'fixed' ? atom.period.grain : atom.type === 'yearless' ? atom.grain : 'span';
  return kind(a) === kind(b);
}

/** "2016-17": the second year written with two digits. */
function shortYearAt(s: Scan, a: Atom, i: number): { atom: Atom; next: number } | null {
  const t = text(s, i);
  if (a.type !== 'fixed' || a.period.grain !== 'year' || !t || !/^\d{2}$/.test(t)) return null;
  const year = Number(a.period.start.slice(0, 2) + t);
  const first = Number(a.period.start.slice(0, 4));
  return year > first ? { atom: { type: 'fixed', period: yearPeriod(year) }, next: i + 1 } : null;
}

/** "monthly", "by month", "per year", "each quarter", "month over month", "over time", "by date", a bare "month". */
function grainAt(s: Scan, i: number): Raw | null {
  const t = text(s, i);
  if (t === undefined) return null;
  const adverb = GRAIN_ADVERBS[t];
  if (adverb) return { form: 'grain', grain: adverb, start: i, end: i + 1 };
  for (const lead of GRAIN_LEADS) {
    const words = lead.split(' ');
    if (!words.every((w, k) => text(s, i + k) === w)) continue;
    const noun = text(s, i + words.length);
    if (noun === undefined) continue;
    const grain = GRAIN_NOUNS[noun] ?? (TIME_NOUNS.has(noun) ? 'auto' : undefined);
    if (grain) return { form: 'grain', grain, start: i, end: i + words.length + 1 };
  }
  const grain = GRAIN_NOUNS[t];
  if (grain && !(t === 'year' && text(s, i + 1) === 'to' && text(s, i + 2) === 'date')) {
    const link = text(s, i + 1);
    if ((link === 'over' || link === 'by' || link === 'on' || link === 'to') && text(s, i + 2) === t) {
      return { form: 'grain', grain, start: i, end: i + 3 };
    }
    return { form: 'grain', grain, bare: true, start: i, end: i + 1 };
  }
  if (TIME_NOUNS.has(t)) return { form: 'grain', grain: 'auto', start: i, end: i + 1 };
  return null;
}

/** Gives every yearless period a year: from its range partner, from the question's other periods, or from the data. */
function resolveYears(raws: Raw[], range: DataRange): void {
  for (const raw of raws) {
    if (raw.form !== 'range') continue;
    const { a, b } = raw;
    if (a.type === 'yearless' && a.year === undefined && atomYear(b) !== undefined) {
      a.year = atomYear(b);
      if (periodOfAtom(a).start >= periodOfAtom(b).end) a.year = (a.year ?? 0) - 1;
    }
    if (b.type === 'yearless' && b.year === undefined && atomYear(a) !== undefined) {
      b.year = atomYear(a);
      if (periodOfAtom(b).end <= periodOfAtom(a).start) b.year = (b.year ?? 0) + 1;
    }
  }
  const atoms = raws.flatMap((raw) =>
    raw.form === 'single' || raw.form === 'open'
      ? [{ at: raw.start, atom: raw.atom }]
      : raw.form === 'range'
        ? [
            { at: raw.start, atom: raw.a },
            { at: raw.start, atom: raw.b },
          ]
        : [],
  );
  const dated = atoms.filter(({ atom }) => atomYear(atom) !== undefined);
  const open = atoms.filter(({ atom }) => atom.type === 'yearless' && atom.year === undefined);
  if (open.length === 0) return;
  if (dated.length > 0) {
    for (const { at, atom } of open) {
      const nearest = dated.reduce((best, d) => (Math.abs(d.at - at) < Math.abs(best.at - at) ? d : best));
      if (atom.type === 'yearless') atom.year = atomYear(nearest.atom);
    }
    return;
  }
  const last = Number(isoDay(range.to).slice(0, 4));
  const first = Number(isoDay(range.from).slice(0, 4));
  let year = last;
  const fits = (y: number) =>
    open.every(({ atom }) => atom.type !== 'yearless' || overlaps(periodOf(atom.grain, y, atom.index), range));
  while (year > first && !fits(year)) year--;
  for (const { atom } of open) if (atom.type === 'yearless') atom.year = year;
}

function toExpression(raw: Raw): TimeExpression {
  switch (raw.form) {
    case 'grain':
      return raw.bare ? { kind: 'grain', grain: raw.grain, bare: true } : { kind: 'grain', grain: raw.grain };
    case 'single': {
      const period = periodOfAtom(raw.atom);
      return raw.atom.type === 'span'
        ? { kind: 'range', from: period.start, to: period.end, label: period.label }
        : { kind: 'period', period };
    }
    case 'range': {
      const a = periodOfAtom(raw.a);
      const b = periodOfAtom(raw.b);
      const ends: [Period, Period] | undefined = raw.fromTo ? [a, b] : undefined;
      return { kind: 'range', from: a.start, to: b.end, label: spanLabel(a.start, b.end), ends };
    }
    case 'open': {
      const period = periodOfAtom(raw.atom);
      const bound = raw.edge === 'start' ? period.start : period.end;
      if (raw.side === 'from') {
        return { kind: 'range', from: bound, label: `${raw.edge === 'start' ? 'since' : 'after'} ${period.label}` };
      }
      return { kind: 'range', to: bound, label: `${raw.edge === 'start' ? 'before' : 'through'} ${period.label}` };
    }
  }
}

/** Whether a period is finer than the data can tell apart (months of yearly data). */
export function finerThanData(grain: PeriodGrain, range: DataRange): boolean {
  return (
    range.grain !== 'day' && range.grain !== 'hour' && GRAIN_ORDER.indexOf(grain) < GRAIN_ORDER.indexOf(range.grain)
  );
}
