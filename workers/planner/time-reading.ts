import type { ColumnProfile, TimeGrain } from '../../core/dataset';
import type { ComparisonSide } from '../plan/analysis-plan';
import { isYearNumber } from './dataset-time';
import type { Keyword } from './keyword-phrases';
import { joinedBy, type Item, type LexedQuestion } from './question-items';
import type { ComparisonChoice, DimensionChoice, FilterChoice } from './question-reading';
import { finerThanData } from './time-expressions';
import { GRAIN_ORDER, overlaps, spanLabel, type DataRange } from './time-periods';
import { coarsest } from './trend-grain';
import { compareText } from '../../core/text-order';

/** What the time phrases of a question ask for. */
export interface TimeReading {
  /** A bare grain noun outside a ranking ("days with snow"): the rows themselves, by that name. */
  rowsNoun?: string;
  /** A time grouping ("monthly", "by year", "over time"): asks for a trend. */
  dimensions: DimensionChoice[];
  filters: FilterChoice[];
  comparison?: ComparisonChoice;
  understood: string[];
  problems: string[];
}

interface Span {
  item: Item;
  from?: string;
  to?: string;
  label: string;
  ends?: [Span, Span];
}

/**
 * Turns the question's time phrases into time groupings, one time filter, or
 * a comparison of periods: "2016 vs 2017" and "compare 2016 and 2017" compare;
 * "growth from 2016 to 2017" compares the two ends; "in 2016 and 2017" is one
 * span when the periods touch; several phrases otherwise narrow each other
 * ("in 2016 … in March" is March 2016).
 */
export function readTime(
  lexed: LexedQuestion,
  used: Set<Item>,
  mode: { compare: boolean; change: boolean; ranking: boolean },
): TimeReading {
  const reading: TimeReading = { dimensions: [], filters: [], understood: [], problems: [] };
  const items = lexed.items.filter((i) => i.kind === 'time' && !used.has(i));
  if (items.length === 0) return reading;
  const { timeColumn: column, range } = lexed;
  if (!column || !range) {
    reading.problems.push(`this data has no dates, so "${items.map((i) => i.words).join('", "')}" cannot be used`);
    return reading;
  }
  items.forEach((i) => used.add(i));
  const bare = (i: Item) => i.kind === 'time' && i.expression.kind === 'grain' && i.expression.bare === true;
  if (!mode.ranking) reading.rowsNoun = items.find(bare)?.words;
  readGrains(mode.ranking ? items : items.filter((i) => !bare(i)), column, range, reading);
  const spans = items.flatMap((item): Span[] => {
    if (item.kind !== 'time' || item.expression.kind === 'grain') return [];
    const e = item.expression;
    if (e.kind === 'period') return [{ item, from: e.period.start, to: e.period.end, label: e.period.label }];
    const ends: [Span, Span] | undefined = e.ends && [
      { item, from: e.ends[0].start, to: e.ends[0].end, label: e.ends[0].label },
      { item, from: e.ends[1].start, to: e.ends[1].end, label: e.ends[1].label },
    ];
    return [{ item, from: e.from, to: e.to, label: e.label, ends }];
  });
  for (const span of spans) checkSpan(span, range, reading);
  const [first] = spans;
  if (!first || reading.problems.length > 0) return reading;

  const joined = (...keywords: Keyword[]) =>
    spans.slice(1).every((s, k) => joinedBy(lexed.items, spans[k]?.item, s.item, ...keywords));
  if (spans.length > 1 && (joined('vs', 'against') || (mode.compare && joined()))) {
    compare(column, spans, reading);
  } else if (spans.length === 1 && first.ends && mode.change) {
    compare(column, first.ends, reading);
  } else if (spans.length > 1 && joined('and')) {
    const sorted = [...spans].sort((a, b) => compareText(a.from ?? '', b.from ?? ''));
    const touching = sorted.slice(1).every((s, k) => s.from === sorted[k]?.to);
    if (touching)
      filter(column, { item: first.item, from: sorted[0]?.from, to: sorted.at(-1)?.to, label: '' }, reading);
    else compare(column, spans, reading);
  } else {
    const from = spans.map((s) => s.from).reduce(later, undefined);
    const to = spans.map((s) => s.to).reduce(earlier, undefined);
    if (from !== undefined && to !== undefined && from >= to) {
      reading.problems.push(`"${spans.map((s) => s.item.words).join('" and "')}" do not overlap`);
      return reading;
    }
    filter(column, { item: first.item, from, to, label: spans.length === 1 ? first.label : '' }, reading);
  }
  return reading;
}

function readGrains(items: Item[], column: ColumnProfile, range: DataRange, reading: TimeReading): void {
  const grains = [
    ...new Set(items.flatMap((i) => (i.kind === 'time' && i.expression.kind === 'grain' ? [i.expression.grain] : []))),
  ];
  const explicit = grains.filter((g): g is TimeGrain => g !== 'auto');
  if (explicit.length > 1) {
    reading.problems.push(`the question asks for more than one time grain (${explicit.join(', ')})`);
    return;
  }
  const [wanted] = explicit.length > 0 ? explicit : grains;
  if (!wanted) return;
  const words = items.find((i) => i.kind === 'time' && i.expression.kind === 'grain')?.words ?? '';
  let grain: TimeGrain | 'auto' = wanted;
  if (wanted !== 'auto' && GRAIN_ORDER.indexOf(wanted) < GRAIN_ORDER.indexOf(range.grain)) {
    grain = coarsest(wanted, range.grain);
    reading.understood.push(`grain: ${grain} (the data has one value per ${range.grain}, so not by ${wanted})`);
  }
  if (isYearNumber(column)) grain = 'year';
  reading.dimensions.push({ column, grain, words });
  reading.understood.push(
    `group by: ${column.name} by ${grain === 'auto' ? 'a grain chosen from the span' : grainWords(grain, range)}`,
  );
}

/**
 * "by month" over several years is a calendar month (Dec 2014 apart from Dec
 * 2015), one of two readings of "which month was rainiest": said so, with
 * the words for the other.
 */
function grainWords(grain: TimeGrain, range: DataRange): string {
  const cyclic = grain === 'month' || grain === 'quarter';
  if (!cyclic || range.from.slice(0, 4) === range.to.slice(0, 4)) return grain;
  return `calendar ${grain} (each year's apart; "by ${grain} of the year" puts the years together)`;
}

function checkSpan(span: Span, range: DataRange, reading: TimeReading): void {
  const e = span.item.kind === 'time' ? span.item.expression : undefined;
  if (e?.kind === 'period' && finerThanData(e.period.grain, range)) {
    reading.problems.push(
      `the data has one value per ${range.grain}, so "${span.item.words}" is finer than it can tell apart`,
    );
    return;
  }
  const probe = { start: span.from ?? range.from, end: span.to ?? '9999-12-31' };
  if (!overlaps(probe, range)) {
    reading.problems.push(
      `the data covers ${range.from} to ${range.to}, so there is nothing in ${span.label || span.item.words}`,
    );
  }
}

const later = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || a > b ? a : b;
const earlier = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined || a < b ? a : b;

/** A bound as the column compares it: an ISO date, or a year number for year columns. */
function bound(column: ColumnProfile, iso: string | undefined): string | number | undefined {
  if (iso === undefined) return undefined;
  return isYearNumber(column) ? Number(iso.slice(0, 4)) : iso;
}

function filter(column: ColumnProfile, span: Span, reading: TimeReading): void {
  const label = span.label || spanLabel(span.from ?? '', span.to ?? '');
  reading.filters.push({
    filter: { op: 'range', column: column.name, from: bound(column, span.from), to: bound(column, span.to) },
    label,
    time: true,
  });
  const bounds = [span.from && `from ${span.from}`, span.to && `to ${span.to}`].filter(Boolean).join(' ');
  reading.understood.push(`filter: ${column.name} ${label} (${bounds})`);
}

function compare(column: ColumnProfile, spans: readonly Span[], reading: TimeReading): void {
  if (spans.length > 6) {
    reading.problems.push('a comparison can have at most 6 sides');
    return;
  }
  const sides: ComparisonSide[] = spans.map((s) => ({
    label: s.label || spanLabel(s.from ?? '', s.to ?? ''),
    from: s.from && String(bound(column, s.from)),
    to: s.to && String(bound(column, s.to)),
  }));
  if (new Set(sides.map((s) => s.label)).size < sides.length) {
    reading.problems.push(`"${spans.map((s) => s.item.words).join('" and "')}" name the same period`);
    return;
  }
  reading.comparison = { comparison: { column: column.name, sides }, time: true };
  reading.understood.push(`compare: ${sides.map((s) => s.label).join(' vs ')} (${column.name})`);
}
