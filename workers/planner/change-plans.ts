import type { DatasetMeta } from '../../core/dataset';
import type { AnalysisPlan, Change, Filter, PeriodGrain } from '../plan/analysis-plan';
import { isYearNumber } from '../plan/column-kinds';
import { validatePlan } from '../plan/validate-plan';
import { dataRange } from './dataset-time';
import { measureLabel } from './plan-title';
import type { QuestionPart } from './question-parts';
import { addDays, periodContaining, type Period } from './time-periods';

/**
 * A change between periods, as the reader left it: levels of two periods side
 * by side, a series of periods, or two periods named at the ends of the data.
 * For a change per group, a change against the period before, and the first
 * period against the latest, levels do not answer the question; the plan is
 * turned into a `change`. A plan that cannot be turned stays as it was, and
 * the coverage check declines it. `grouped`: the question itself named what
 * to group by ("by month"), which a single total would leave out.
 */
export function withChange(
  plan: AnalysisPlan,
  parts: readonly QuestionPart[],
  meta: DatasetMeta,
  grouped = false,
): AnalysisPlan | null {
  if (plan.kind !== 'aggregate' || plan.change || plan.topPerGroup || plan.share) return null;
  const kinds = new Set(parts.map((p) => p.kind));
  const words = parts.map((p) => p.words).join(' ');
  let reshaped: AnalysisPlan | null = kinds.has('first-vs-last') ? null : rankedPeriods(plan, words, meta);
  if (reshaped) return validOrNull(reshaped, meta);
  if (kinds.has('first-vs-last')) reshaped = firstAgainstLatest(plan, grainIn(words), meta);
  else if (kinds.has('period-over-period')) reshaped = overPeriods(plan, words, meta);
  else if (kinds.has('change')) reshaped = perGroupChange(plan, meta, grouped);
  if (reshaped && kinds.has('change') && !kinds.has('first-vs-last')) reshaped = rankedGroups(plan, reshaped, words);
  // The change must compile on this data (a column of dates, a known period): the planner never hands on a plan that fails.
  return reshaped && validOrNull(reshaped, meta);
}

const GRAINS: readonly PeriodGrain[] = ['day', 'week', 'month', 'quarter', 'year'];
const ABBREVIATIONS: Readonly<Record<string, PeriodGrain>> = { yoy: 'year', mom: 'month', wow: 'week', qoq: 'quarter' };
const ADVERBS: Readonly<Record<string, PeriodGrain>> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  annual: 'year',
};

function grainIn(words: string): PeriodGrain | undefined {
  for (const word of words.split(/[^a-z]+/)) {
    const grain = GRAINS.find((g) => g === word) ?? ABBREVIATIONS[word] ?? ADVERBS[word];
    if (grain) return grain;
  }
  return undefined;
}

/**
 * The one year every date of the plan's time column falls in ("2024"), or null: a year against the
 * one before cannot be read from such data, and the person hears why.
 */
export function onlyYear(plan: AnalysisPlan, meta: DatasetMeta): string | null {
  const name = timeColumn(plan, meta);
  const column = meta.columns.find((c) => c.name === name);
  const range = column && dataRange(column);
  const year = range?.from.slice(0, 4);
  return year !== undefined && year === range?.to.slice(0, 4) ? year : null;
}

/**
 * The time column the plan reads periods of: its time dimension, its period
 * filter, or the data's first date column; a column of year numbers when the
 * plan reads periods of one (its changes count whole years).
 */
function timeColumn(plan: AnalysisPlan, meta: DatasetMeta): string | undefined {
  const isDate = (name: string) =>
    meta.columns.some((c) => c.name === name && (c.type === 'date' || c.type === 'datetime'));
  const isYears = (name: string) => meta.columns.some((c) => c.name === name && isYearNumber(c));
  const fromPlan = [
    ...plan.dimensions.map((d) => d.column),
    ...(plan.comparison ? [plan.comparison.column] : []),
    ...plan.filters.filter((f) => f.op === 'range').map((f) => f.column),
  ].find(isDate);
  const years = [
    ...plan.dimensions.map((d) => d.column),
    ...(plan.comparison ? [plan.comparison.column] : []),
    ...plan.filters.filter((f) => f.op === 'range').map((f) => f.column),
  ].find(isYears);
  return fromPlan ?? years ?? meta.columns.find((c) => c.role === 'time' && isDate(c.name))?.name;
}

const withoutTime = (plan: AnalysisPlan, column: string) => plan.dimensions.filter((d) => d.column !== column);

function changed(
  plan: AnalysisPlan,
  change: Change,
  dimensions: AnalysisPlan['dimensions'],
  filters: Filter[],
  title: string,
  meta: DatasetMeta,
): AnalysisPlan {
  const { comparison: _comparison, limit: _limit, sort: _sort, ...rest } = plan;
  const measure = plan.measures[0] ? measureLabel(plan.measures[0], false, undefined, meta) : '';
  const by = dimensions.length > 0 ? ` by ${dimensions.map((d) => d.column).join(' and ')}` : '';
  // The filters' labels follow the title's first comma ("Total Sales by Month, 2017"), kept while the filters are.
  // A comparison's label ("2024 vs 2023") is said again by the change's own.
  const scope =
    filters === plan.filters
      ? plan.title
          .split(', ')
          .slice(1)
          .filter((l) => !/ vs /.test(l))
      : [];
  return {
    ...rest,
    dimensions,
    filters,
    change,
    chart: change.period === 'each' ? 'line' : dimensions.length > 0 ? 'bar' : 'table',
    title: [`Change in ${measure}${by}`, title, ...scope].join(', ').slice(0, 200),
  };
}

/**
 * "our first quarter vs our latest quarter": the data's first and latest
 * periods side by side (both levels, which is what was asked to set against
 * each other), in place of the periods the reader took the words for.
 */
function firstAgainstLatest(
  plan: AnalysisPlan,
  grain: PeriodGrain | undefined,
  meta: DatasetMeta,
): AnalysisPlan | null {
  const column = meta.columns.find((c) => c.name === timeColumn(plan, meta));
  const range = column && dataRange(column);
  if (!grain || !column || !range || plan.dimensions.some((d) => d.column === column.name)) return null;
  const first = periodContaining(grain, range.from);
  const latest = periodContaining(grain, range.to);
  if (first.start === latest.start) return null;
  const side = (period: Period, which: string) => ({
    label: `${period.label} (${which})`,
    from: period.start,
    to: period.end,
  });
  const filters = plan.filters.filter((f) => !(f.op === 'range' && f.column === column.name));
  const { limit: _limit, ...rest } = plan;
  const sides = [side(first, `first ${grain}`), side(latest, `latest ${grain}`)];
  const measure = plan.measures[0] ? measureLabel(plan.measures[0], false, undefined, meta) : '';
  return {
    ...rest,
    filters,
    comparison: { column: column.name, sides },
    sort: { by: 'dimension', direction: 'asc' },
    chart: 'bar',
    title: `${measure}, ${first.label} vs ${latest.label}`.slice(0, 200),
  };
}

/** "month-over-month change in sales", "vs the same month last year": every period against the one before (or a year before). */
function overPeriods(plan: AnalysisPlan, words: string, meta: DatasetMeta): AnalysisPlan | null {
  const grain = grainIn(words) ?? plan.dimensions.find((d) => d.grain !== undefined)?.grain;
  const column = timeColumn(plan, meta);
  if (!grain || grain === 'hour' || !column || plan.comparison) return null;
  const dimensions = withoutTime(plan, column);
  // A series of changes is grouped by period; it cannot also be split by a group.
  if (dimensions.length > 0) return null;
  const against =
    /\bsame \w+ (?:of )?last|year ago|year earlier|yoy\b/.test(words) && grain !== 'year' ? 'year_ago' : 'previous';
  const noun = grain.charAt(0).toUpperCase() + grain.slice(1);
  const name = against === 'year_ago' ? `each ${grain} vs a year earlier` : `${noun}-over-${noun}`;
  return changed(plan, { column, grain, period: 'each', against }, dimensions, plan.filters, name, meta);
}

const FALLING =
  /\b(?:drops?|dropped|dips?|dipped|fall|falls|fell|fallen|falling|decline[sd]?|declining|decrease[sd]?|decreasing|shrink|shrank|shrinking|worsen(?:ed)?|loss|losses)\b/;

/**
 * "which month had the biggest jump in sales", "the 3 biggest monthly
 * drops": every period against the one before, ranked by the change (the
 * largest rise first, or the largest fall with a falling word). Only a
 * ranking from the top is read: "the smallest drop" could be either end.
 */
function rankedPeriods(plan: AnalysisPlan, words: string, meta: DatasetMeta): AnalysisPlan | null {
  const [time] = plan.dimensions;
  const grain = grainIn(words) ?? time?.grain;
  const column = timeColumn(plan, meta);
  if (plan.sort?.direction !== 'desc' || plan.dimensions.length !== 1 || !time?.grain || time.column !== column)
    return null;
  if (!grain || grain === 'hour' || plan.comparison) return null;
  const direction = FALLING.test(words) ? 'asc' : 'desc';
  const noun = grain.charAt(0).toUpperCase() + grain.slice(1);
  const ranked = changed(
    plan,
    { column, grain, period: 'each', against: 'previous' },
    [],
    plan.filters,
    `${noun}-over-${noun}, ${direction === 'desc' ? 'largest rise' : 'largest fall'} first`,
    meta,
  );
  return { ...ranked, sort: { by: 'measure', direction }, limit: plan.limit, chart: 'bar' };
}

/**
 * "which region had the biggest revenue drop 2024 vs 2023": the groups
 * ranked by their change (the largest fall first with a falling word), so
 * the answer names the one that moved most. "The smallest drop" could be
 * either end, so it is not read; the coverage check declines it.
 */
function rankedGroups(plan: AnalysisPlan, reshaped: AnalysisPlan, words: string): AnalysisPlan | null {
  if (plan.sort?.by !== 'measure' || reshaped.change?.period === 'each' || reshaped.dimensions.length === 0)
    return reshaped;
  const falling = FALLING.test(words);
  if (plan.sort.direction === 'asc' && falling) return null;
  const direction = plan.sort.direction === 'asc' || falling ? 'asc' : 'desc';
  return { ...reshaped, sort: { by: 'measure', direction } };
}

/**
 * "profit growth by segment 2016 to 2017", "sales change by category": the
 * change for each group, between two whole periods the question named (two
 * compared periods, or a span whose ends are those periods), or else the
 * latest year against the one before.
 */
function perGroupChange(plan: AnalysisPlan, meta: DatasetMeta, grouped: boolean): AnalysisPlan | null {
  const column = timeColumn(plan, meta);
  if (!column) return null;
  const dimensions = withoutTime(plan, column);
  const span = plan.filters.find((f): f is Extract<Filter, { op: 'range' }> => f.op === 'range' && f.column === column);
  // "sales growth between 2016 and 2017": one total's change between the ends of a span, not a series across it;
  // "by month between 2016 and 2017" asked for the series.
  const overall = dimensions.length === 0 && span !== undefined && plan.dimensions.length === 1 && !grouped;
  if ((dimensions.length === 0 && !overall) || dimensions.length > 2) return null;
  const sides = plan.comparison?.column === column ? plan.comparison.sides : undefined;
  const others = plan.filters.filter((f) => f !== span);
  if (meta.columns.some((c) => c.name === column && isYearNumber(c))) {
    return yearNumberChange(plan, column, dimensions, sides, span, others, meta);
  }
  if (sides) {
    const [a, b] = sides;
    const grain = a && b && sides.length === 2 ? wholeGrain(a.from, a.to) : undefined;
    if (!a?.from || !b?.from || !grain || grain !== wholeGrain(b.from, b.to)) return null;
    const [base, current] = a.from < b.from ? [a, b] : [b, a];
    return changed(
      plan,
      { column, grain, period: current.from ?? '', against: base.from ?? '' },
      dimensions,
      plan.filters,
      `${base.label} to ${current.label}`,
      meta,
    );
  }
  if (span) {
    const from = typeof span.from === 'string' ? span.from : undefined;
    const to = typeof span.to === 'string' ? span.to : undefined;
    if (!from || !to || !/^\d{4}-01-01$/.test(from) || !/^\d{4}-01-01$/.test(to)) return null;
    const first = Number(from.slice(0, 4));
    const last = Number(to.slice(0, 4)) - 1;
    if (last <= first) return null;
    const change: Change = { column, grain: 'year', period: `${last}-01-01`, against: `${first}-01-01` };
    return changed(plan, change, dimensions, others, `${first} to ${last}`, meta);
  }
  if (plan.comparison || onlyYear(plan, meta) !== null) return null;
  return changed(
    plan,
    { column, grain: 'year', period: 'latest', against: 'previous' },
    dimensions,
    plan.filters,
    'latest year vs the year before',
    meta,
  );
}

/**
 * A change per group on a column of year numbers ("deaths change from 2000 to
 * 2010 by entity"): the two years named, as two compared years or the ends of
 * a span of whole years.
 */
function yearNumberChange(
  plan: AnalysisPlan,
  column: string,
  dimensions: AnalysisPlan['dimensions'],
  sides: NonNullable<AnalysisPlan['comparison']>['sides'] | undefined,
  span: Extract<Filter, { op: 'range' }> | undefined,
  others: Filter[],
  meta: DatasetMeta,
): AnalysisPlan | null {
  const year = (value: unknown) => (/^\d{4}$/.test(String(value)) ? Number(value) : undefined);
  const oneYear = (side: { from?: string; to?: string }) => {
    const from = year(side.from);
    return from !== undefined && year(side.to) === from + 1 ? from : undefined;
  };
  let ends: [number, number] | undefined;
  let filters = plan.filters;
  if (sides) {
    const [a, b] = sides.map(oneYear);
    if (sides.length !== 2 || a === undefined || b === undefined || a === b) return null;
    ends = a < b ? [a, b] : [b, a];
  } else if (span) {
    const from = year(span.from);
    const to = year(span.to);
    if (from === undefined || to === undefined || to - 1 <= from) return null;
    ends = [from, to - 1];
    filters = others;
  }
  if (!ends) {
    if (plan.comparison) return null;
    const latest: Change = { column, grain: 'year', period: 'latest', against: 'previous' };
    return changed(plan, latest, dimensions, filters, 'latest year vs the year before', meta);
  }
  const [first, last] = ends;
  const change: Change = { column, grain: 'year', period: String(last), against: String(first) };
  return changed(plan, change, dimensions, filters, `${first} to ${last}`, meta);
}

/** The grain of a whole calendar period from its first day to the day after its last, if it is one. */
function wholeGrain(from: string | undefined, to: string | undefined): PeriodGrain | undefined {
  if (!from || !to || !/^\d{4}-\d{2}-01$/.test(from) || !/^\d{4}-\d{2}-01$/.test(to)) return undefined;
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  const month = Number(from.slice(5, 7));
  if (months === 12 && month === 1) return 'year';
  if (months === 3 && month % 3 === 1) return 'quarter';
  if (months === 1) return 'month';
  return undefined;
}

/**
 * "sales this year vs last year", "this month vs last", "how are we tracking on revenue compared
 * to last year": the data's latest period against the one before, both
 * counted from its last date (the reader would take "this year" and "last
 * year" for the calendar's). The words are taken out; the plan is reshaped.
 */
const AGAINST_LAST =
  /\b(?:this (day|week|month|quarter|year) )?(?:vs\.?|versus|compared (?:to|with)|against|relative to) last(?: (day|week|month|quarter|year))?\b/;
const TRACKING = /^\s*how (?:are|is|were) (?:we|it|things) (?:tracking|doing|trending|going) (?:on|with|for)\s+/;

export type AgainstLastPhrase =
  { kind: 'none' } | { kind: 'read'; question: string; grain: PeriodGrain; words: string };

export function readAgainstLast(question: string): AgainstLastPhrase {
  const text = question.toLowerCase();
  const match = AGAINST_LAST.exec(text);
  // "this year vs last": the grain named once serves both sides.
  const grain = (match?.[2] ?? match?.[1]) as PeriodGrain | undefined;
  if (!match || !grain || (match[1] !== undefined && match[1] !== grain)) return { kind: 'none' };
  const rest = `${text.slice(0, match.index)}${text.slice(match.index + match[0].length)}`.replace(TRACKING, '');
  return { kind: 'read', question: rest.replace(/\s+/g, ' ').trim(), grain, words: match[0] };
}

/**
 * "over the month before", "compared with the previous quarter": each period
 * against the one before it, put in the words the reader knows
 * ("month-over-month"). A question naming a year or a date is left alone:
 * "2017 vs the year before" is two periods, not a series.
 */
const AGAINST_BEFORE =
  /\b(?:over|on|from|vs\.?|versus|compared (?:to|with)|against|relative to|than) (?:the |a )?(?:(?:previous|prior|preceding) (day|week|month|quarter|year)|(day|week|month|quarter|year) (?:before|earlier))\b/i;

export function againstPeriodBefore(question: string): string {
  if (/\d/.test(question)) return question;
  return question.replace(AGAINST_BEFORE, (_words, named: string | undefined, before: string | undefined) => {
    const grain = (named ?? before ?? '').toLowerCase();
    return `${grain}-over-${grain}`;
  });
}

/** The plan as its measures in the data's latest period of `grain` and the one before, side by side. */
export function withLatestAgainstPrevious(
  plan: AnalysisPlan,
  grain: PeriodGrain,
  meta: DatasetMeta,
): AnalysisPlan | null {
  const column = meta.columns.find((c) => c.name === timeColumn(plan, meta));
  const range = column && dataRange(column);
  if (plan.kind !== 'aggregate' || plan.comparison || plan.change || !column || !range) return null;
  if (plan.dimensions.some((d) => d.column === column.name) || plan.filters.some((f) => f.column === column.name))
    return null;
  const latest = periodContaining(grain, range.to);
  const previous = periodContaining(grain, addDays(latest.start, -1));
  const side = (period: Period, note: string) => ({
    label: `${period.label}${note}`,
    from: period.start,
    to: period.end,
  });
  const { limit: _limit, ...rest } = plan;
  const measure = plan.measures[0] ? measureLabel(plan.measures[0], false, undefined, meta) : '';
  return validOrNull(
    {
      ...rest,
      comparison: { column: column.name, sides: [side(previous, ''), side(latest, ` (latest ${grain} in the data)`)] },
      sort: { by: 'dimension', direction: 'asc' },
      chart: 'bar',
      title: `${measure}${byDimensions(plan)}, ${latest.label} vs ${previous.label}`.slice(0, 200),
    },
    meta,
  );
}

const byDimensions = (plan: AnalysisPlan) =>
  plan.dimensions.length > 0 ? ` by ${plan.dimensions.map((d) => d.column).join(' and ')}` : '';

function validOrNull(plan: AnalysisPlan, meta: DatasetMeta): AnalysisPlan | null {
  try {
    return validatePlan(plan, meta);
  } catch {
    return null;
  }
}
