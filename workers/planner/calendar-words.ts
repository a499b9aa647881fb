import type { TimeGrain } from '../../core/dataset';

/** Month names and their usual abbreviations, in English. */
export const MONTH_WORDS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Nouns of a grain, singular and plural: "by month", "last 3 quarters". */
export const GRAIN_NOUNS: Readonly<Record<string, TimeGrain>> = {
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  quarter: 'quarter',
  quarters: 'quarter',
  year: 'year',
  years: 'year',
};

/** Adverbs and abbreviations of a grain: "monthly", "yoy". */
export const GRAIN_ADVERBS: Readonly<Record<string, TimeGrain>> = {
  hourly: 'hour',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  yoy: 'year',
  mom: 'month',
  qoq: 'quarter',
  wow: 'week',
};

/** Words before a grain noun that make it a grouping: "per month", "each year", "over the years". */
export const GRAIN_LEADS = [
  'by',
  'per',
  'each',
  'every',
  'a',
  'over',
  'across',
  'in each',
  'for each',
  'for every',
  'by the',
  'over the',
  'across the',
  'in every',
];

/** Words that name "the time column" without a grain: "by date", "over time". */
export const TIME_NOUNS = new Set(['date', 'dates', 'time', 'timestamp', 'datetime']);

export const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };

/** Relative words: "last quarter" is the latest complete one, "this quarter" the latest present. */
export const LAST_WORDS = new Set(['last', 'past', 'previous', 'prior', 'preceding']);
export const THIS_WORDS = new Set(['this', 'current', 'latest', 'recent', 'newest']);

/** Prepositions before a single period: "in 2016", "during Q3". */
export const PERIOD_PREPOSITIONS = new Set(['in', 'during', 'for', 'of', 'within', 'on', 'throughout', 'at']);

/** Words that open a half-open range, and whether the period itself is included. */
export const FROM_WORDS: Readonly<Record<string, 'start' | 'end'>> = {
  since: 'start',
  from: 'start',
  starting: 'start',
  after: 'end',
  beginning: 'start',
};
export const TO_WORDS: Readonly<Record<string, 'start' | 'end'>> = {
  before: 'start',
  until: 'end',
  till: 'end',
  through: 'end',
  thru: 'end',
};

/** Words between the two ends of a range: "2016 to 2017", "March–June". */
export const RANGE_JOINERS = new Set(['-', '–', '—', 'to', 'through', 'thru', 'until', 'till']);
