import type { ColumnHint } from '../ingest/raw-source';
import {
  NON_FINITE,
  NULL_TOKENS,
  type Candidate,
  type DateFormat,
  type DateOrder,
  type NumberFormat,
  type NumberMix,
} from './candidates';
import { allYearSpans, monthFamilyOf, monthFormats, monthReading, type MonthFamily } from './month-shapes';
import { isTotalLabel } from './total-labels';

const TRUE_WORDS = new Set(['true', 'false', 't', 'f']);
/** A form's answers: kept as written (a category), in one spelling each. */
const ANSWER_WORDS = new Set(['yes', 'no', 'y', 'n']);

/** Each answer's most common spelling in the sample, by its lower-case form. */
function spellingsOf(values: string[]): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const v of values) {
    const forms = counts.get(v.toLowerCase()) ?? new Map<string, number>();
    forms.set(v, (forms.get(v) ?? 0) + 1);
    counts.set(v.toLowerCase(), forms);
  }
  return Object.fromEntries(
    [...counts].map(([lower, forms]) => [
      lower,
      [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
    ]),
  );
}
// Sets: every sampled value of every column is looked up in them at each start.
const NULL_WORDS = new Set(NULL_TOKENS);
const NON_FINITE_WORDS = new Set(NON_FINITE);
const LEADING_ZERO = /^\s*0\d/;
const WHOLE_PART_TOO_LONG = /^\s*[+-]?\d{16}/;
const PLAIN_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'SEK', 'NOK', 'DKK'];
const FORMATTED_NUMBER = new RegExp(
  `^\\(?\\s*[-+−]?\\s*([$€£¥]|${CURRENCY_CODES.join('|')})?\\s*[-+−]?\\s*` +
    `(\\d{1,3}(?:[.,'\\s\\u00a0\\u202f]\\d{3})*|\\d+)([.,]\\d+)?` +
    `\\s*([$€£¥%]|${CURRENCY_CODES.join('|')})?\\s*-?\\s*\\)?$`,
);
/**
 * A negative number as SAP and some ledgers write it, with the minus after the digits: `1,595.82-`.
 * The first digit is matched where it stands, so that text without a minus fails in one pass.
 */
const TRAILING_MINUS = /^[^-\d]*\d[^-]*-\s*$/;
/** Characters of a formatted number that are dropped before the cast: spaces, apostrophes, parentheses. */
const STRIPPED_CHARS = /[\s\u00a0\u202f'()]/g;
const TIME_PART = '( \\d{1,2}:\\d{2}(:\\d{2})?( ?[AaPp][Mm])?)?';
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const YMD_SLASH = new RegExp(`^\\d{4}/\\d{1,2}/\\d{1,2}${TIME_PART}$`);
const DAY_MONTH = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME_PART}$`);
const MONTH_NAME_FIRST = /^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}$/;
const DAY_FIRST_MONTH_NAME = /^\d{1,2}[ -][A-Za-z]{3,9}\.?[ -]\d{4}$/;
const DATE_NAME = /(date|day|time|month|period|created|updated|timestamp|when)/i;

function withTimes(dateFormat: string): string[] {
  return [
    dateFormat,
    `${dateFormat} %H:%M`,
    `${dateFormat} %H:%M:%S`,
    `${dateFormat} %I:%M %p`,
    `${dateFormat} %I:%M:%S %p`,
  ];
}

/**
 * Values that fit no date family still make a date column when they are at most this share of
 * its values (or one value): a stray "TBD" or "Total" must not turn a column of dates into text.
 * They are left empty, with a note; `typed-table.ts` applies the same share to the whole column.
 */
export const DATE_MISFIT_SHARE = 0.05;

/** How many values of `count` may fit no date family in a date column. */
export function toleratedDateMisfits(count: number): number {
  return Math.max(1, Math.floor(count * DATE_MISFIT_SHARE));
}

type NamedFamily = 'ymdSlash' | 'monthName' | 'dayMonthName';

/** Families whose day and month are never in doubt, with their formats and order. */
const NAMED_FAMILIES: Record<NamedFamily, { test: RegExp; formats: string[]; order: DateOrder }> = {
  ymdSlash: { test: YMD_SLASH, formats: withTimes('%Y/%m/%d'), order: 'ymd' },
  monthName: {
    test: MONTH_NAME_FIRST,
    formats: ['%b %d %Y', '%B %d %Y', '%b %d, %Y', '%B %d, %Y', '%b. %d %Y', '%b. %d, %Y'],
    order: 'mdy',
  },
  dayMonthName: { test: DAY_FIRST_MONTH_NAME, formats: ['%d %b %Y', '%d %B %Y', '%d-%b-%Y', '%d-%B-%Y'], order: 'dmy' },
};

const FAMILY_NAMES = Object.keys(NAMED_FAMILIES) as NamedFamily[];

/**
 * The order and formats of `03/04/2024`-style dates, given each value's parts; null when they
 * mix separators or year widths, or when both orders have more impossible values than are tolerated.
 */
function dayMonthFormat(parts: RegExpExecArray[]): Pick<DateFormat, 'formats' | 'order' | 'proven'> | null {
  const separators = new Set(parts.map((m) => m[2]));
  const yearDigits = new Set(parts.map((m) => m[4]?.length));
  if (separators.size !== 1 || yearDigits.size !== 1) return null;
  const sep = parts[0]?.[2] as string;
  const year = yearDigits.has(4) ? '%Y' : '%y';
  const firstOver12 = parts.filter((m) => Number(m[1]) > 12).length;
  const secondOver12 = parts.filter((m) => Number(m[3]) > 12).length;
  const mdy = { order: 'mdy' as const, formats: withTimes(`%m${sep}%d${sep}${year}`) };
  const dmy = { order: 'dmy' as const, formats: withTimes(`%d${sep}%m${sep}${year}`) };
  if (firstOver12 > 0 && secondOver12 > 0) {
    // A mistyped `25/12/2024` among month-first dates is impossible in their order, as a word would be: the
    // order most values prove holds, and the few impossible ones are misfits the full check leaves empty.
    const impossible = Math.min(firstOver12, secondOver12);
    const few = impossible <= toleratedDateMisfits(parts.length) && impossible * 4 <= parts.length;
    if (!few || firstOver12 === secondOver12) return null;
    return { ...(firstOver12 > secondOver12 ? dmy : mdy), proven: true };
  }
  if (firstOver12 > 0) return { ...dmy, proven: true };
  if (secondOver12 > 0) return { ...mdy, proven: true };
  // Nothing in the sample tells: slashes read month-first (US), dots and dashes day-first (Europe).
  return sep === '/' ? { ...mdy, proven: false } : { ...dmy, proven: false };
}

/**
 * The date families of a column's values. ISO 8601 is read beside any other family, and the
 * families whose day and month are spelled out or year-first, and the months (`2024-01`,
 * `Jan 2024`, see `month-shapes.ts`), beside each other; at most one
 * `03/04/2024`-style family fits, since its order is decided for the whole column. A few values
 * that fit no family (see {@link DATE_MISFIT_SHARE}) are left for the full scan to set aside.
 */
function dateFormat(values: string[], name: string): DateFormat | null {
  let iso = 0;
  let isoDatesOnly = true;
  let misfits = 0;
  const named = new Set<NamedFamily>();
  const months = new Set<MonthFamily>();
  const dayMonth: RegExpExecArray[] = [];
  const dateNamed = DATE_NAME.test(name);
  const reading = monthReading(name, dateNamed);
  // Only a column named like a date can be all misfits (Excel serials): any other stops at the first misfit
  // past those tolerated, sparing every column of numbers or names ten patterns a value at each start.
  const tolerated = dateNamed ? Infinity : toleratedDateMisfits(values.length);
  for (const v of values) {
    if (misfits > tolerated) return null;
    const isoDate = ISO_DATE.test(v);
    if (isoDate || ISO_DATETIME.test(v)) {
      iso++;
      if (!isoDate) isoDatesOnly = false;
      continue;
    }
    const family = FAMILY_NAMES.find((f) => NAMED_FAMILIES[f].test.test(v));
    if (family) {
      named.add(family);
      continue;
    }
    const parts = DAY_MONTH.exec(v);
    if (parts) {
      dayMonth.push(parts);
      continue;
    }
    const month = monthFamilyOf(v, reading);
    if (month) months.add(month);
    else misfits++;
  }
  if (misfits === values.length) {
    const serial = values.every((v) => /^\d{4,5}(\.\d+)?$/.test(v) && Number(v) > 1 && Number(v) < 80_000);
    return serial && DATE_NAME.test(name) ? { formats: [], order: 'ymd', excelSerial: true } : null;
  }
  // In a handful of values one misfit is a large share: three dates at least must stand beside it.
  if (misfits > toleratedDateMisfits(values.length) || misfits * 4 > values.length) return null;
  if (months.has('yearMonth') && allYearSpans(values)) return null;
  if (named.size === 0 && dayMonth.length === 0 && months.size === 0) {
    return isoDatesOnly ? { formats: ['%Y-%m-%d'], order: 'ymd' } : { formats: [], order: 'ymd' };
  }
  const numeric = dayMonth.length > 0 ? dayMonthFormat(dayMonth) : null;
  if (dayMonth.length > 0 && !numeric) return null;
  const families = [...named].map((f) => NAMED_FAMILIES[f]);
  const formats = [
    ...(numeric?.formats ?? []),
    ...families.flatMap((f) => f.formats),
    ...[...months].flatMap((f) => monthFormats(f, reading)),
  ];
  // A month has no day to put in doubt: its order is year/month/day, as ISO's is.
  const order = numeric?.order ?? families[0]?.order ?? 'ymd';
  return {
    formats,
    order,
    ...(numeric?.proven === undefined ? {} : { proven: numeric.proven }),
    ...(iso > 0 ? { iso: true } : {}),
    ...(months.has('compact') ? { yearMonthNumbers: true } : {}),
  };
}

/** A currency named in the header (`Cost Total $`, `Price (EUR)`) when the values carry none. */
function currencyInName(name: string): string | null {
  const symbol = [...name].find((ch) => CURRENCY_SYMBOLS[ch]);
  if (symbol) return CURRENCY_SYMBOLS[symbol] as string;
  return CURRENCY_CODES.find((code) => new RegExp(`(^|[^A-Za-z])${code}([^A-Za-z]|$)`).test(name)) ?? null;
}

/** Which separator is the decimal mark in one value: definite, or a guess when only `1,234` is seen. */
function decimalMark(digits: string): { mark: '.' | ','; sure: boolean } | null {
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return { mark: lastDot > lastComma ? '.' : ',', sure: true };
  const at = Math.max(lastDot, lastComma);
  if (at < 0) return null;
  const mark = lastDot >= 0 ? '.' : ',';
  const count = digits.split(mark).length - 1;
  const tail = digits.length - at - 1;
  if (count > 1) return { mark: mark === '.' ? ',' : '.', sure: true };
  if (tail !== 3) return { mark, sure: true };
  // `1.234` or `1,234`: most often a decimal or a thousands group, both of which read as '.'-decimal.
  return { mark: '.', sure: false };
}

/** The first of `values` of each kind that `kindOf` names (none for ''), up to three: examples for a note. */
function firstOfEach(values: string[], kindOf: (match: RegExpExecArray) => string): string[] {
  const firsts = new Map<string, string>();
  for (const value of values) {
    const kind = kindOf(FORMATTED_NUMBER.exec(value) as RegExpExecArray);
    if (kind && !firsts.has(kind)) firsts.set(kind, value);
  }
  return [...firsts.values()].slice(0, 3);
}

/** How numbers are written, or why they make no number column together (see {@link NumberMix}). */
function numberFormat(values: string[]): NumberFormat | NumberMix | null {
  const currencies = new Set<string>();
  const strip = new Set<string>();
  let percent = 0;
  let dotVotes = 0;
  let commaVotes = 0;
  let unsure = false;
  for (const value of values) {
    const match = FORMATTED_NUMBER.exec(value);
    if (!match) return null;
    const [prefix, digits, fraction, suffix] = [match[1], match[2] ?? '', match[3] ?? '', match[4]];
    for (const token of [prefix, suffix]) {
      if (!token) continue;
      if (token === '%') percent++;
      else currencies.add(CURRENCY_SYMBOLS[token] ?? token);
      strip.add(token);
    }
    const mark = decimalMark(digits + fraction);
    if (mark?.sure) {
      if (mark.mark === '.') dotVotes++;
      else commaVotes++;
    } else if (mark) unsure = true;
    for (const ch of value.match(STRIPPED_CHARS) ?? []) strip.add(ch);
  }
  if (currencies.size > 1) {
    const currency = (m: RegExpExecArray) => [m[1], m[4]].find((t) => t && t !== '%') ?? '';
    return { mixed: 'currencies', examples: firstOfEach(values, (m) => CURRENCY_SYMBOLS[currency(m)] ?? currency(m)) };
  }
  if (percent > 0 && percent < values.length) {
    return { mixed: 'percent', examples: firstOfEach(values, (m) => (m[4] === '%' ? '%' : 'number')) };
  }
  if (dotVotes > 0 && commaVotes > 0) return null;
  const decimal = commaVotes > 0 ? ',' : '.';
  strip.add(decimal === '.' ? ',' : '.');
  return {
    decimal,
    strip: [...strip].filter((token) => token !== decimal),
    percent: percent > 0,
    currency: currencies.values().next().value ?? null,
    unicodeMinus: values.some((v) => v.includes('−')),
    trailingMinus: values.some((v) => TRAILING_MINUS.test(v)),
    decimalGuessed: unsure && dotVotes + commaVotes === 0,
  };
}

/** `37.547`: a dot followed by three digits after a whole part of one to three digits, as a thousands group. */
export const DOT_GROUP = /^\s*[+-]?[1-9]\d{0,2}\.\d{3}\s*$/;

/**
 * The format of plain numbers whose every dotted value could be a thousands group (`37.547`, `607`):
 * groups in a file that writes numbers the German way (see `ColumnHint.dotGroups`), else decimals
 * with a note that the dot was a guess. Null when a value shows the dot is a decimal mark.
 */
function dotGroupsFormat(numbers: string[], name: string, hint: ColumnHint): NumberFormat | null {
  if (hint.unit) return null;
  let dotted = 0;
  let decimals = 0;
  for (const v of numbers) {
    if (!v.includes('.')) continue;
    dotted++;
    if (!DOT_GROUP.test(v)) decimals++;
  }
  const groups = hint.dotGroups === true;
  // Where dots group thousands, a stray `12.5` (also one met past the sample) is a misfit, as a word would be.
  const tolerated = groups ? Math.max(1, Math.floor(numbers.length * NUMBER_MISFIT_SHARE)) : 0;
  if (dotted === 0 || decimals > tolerated || decimals * 4 > dotted) return null;
  return {
    decimal: groups ? ',' : '.',
    strip: groups ? ['.'] : [],
    percent: false,
    currency: currencyInName(name),
    unicodeMinus: false,
    trailingMinus: false,
    decimalGuessed: true,
  };
}

/**
 * Values that are not plain numbers still make a number column when they are at most this share of
 * its sampled values (or one value): a stray "TBD" or a repeated header line must not turn a column
 * of amounts into text while the same value past the sample is only left empty.
 */
const NUMBER_MISFIT_SHARE = 0.01;

/** The plain numbers among `values`, or null when more than the tolerated share are something else. */
function plainNumbers(values: string[]): string[] | null {
  const tolerated = Math.max(1, Math.floor(values.length * NUMBER_MISFIT_SHARE));
  const numbers: string[] = [];
  let misfits = 0;
  for (const v of values) {
    if (PLAIN_NUMBER.test(v)) numbers.push(v);
    else if (++misfits > tolerated) return null;
  }
  // In a handful of values one misfit is a large share: three numbers at least must stand beside it.
  return misfits * 4 > values.length ? null : numbers;
}

/**
 * Proposes a type for a column from its sample values. The proposal is only a
 * candidate: the conversion SQL then runs over every value of the column, and a
 * column whose values do not all convert stays text.
 *
 * @example candidateFor('price', ['$1,234.50', '($20.00)'], {}) // number, USD, accounting negatives
 */
export function candidateFor(name: string, sample: (string | null)[], hint: ColumnHint = {}): Candidate {
  // A totals row's label ("Total", "East Total") often sits in the date or number column left of its sums:
  // it says nothing about the column's type, and `totals-rows.ts` looks at that row.
  // DuckDB's reader parses NaN and infinities as doubles itself; other tokens and labels need the column read as text.
  let nullTokens = false;
  const values: string[] = [];
  // One pass over the sample: this runs for every column at every start, before the JIT has warmed up.
  for (const raw of sample) {
    const v = raw?.trim();
    if (!v) continue;
    const lower = v.toLowerCase();
    if (NULL_WORDS.has(lower) || isTotalLabel(v)) nullTokens = true;
    else if (!NON_FINITE_WORDS.has(lower)) values.push(v);
  }
  if (values.length === 0) return { kind: 'text' };
  if (hint.date) {
    // Date-formatted cells read as ISO text; dates typed in as text beside them keep their own format.
    const typed = dateFormat(values, name);
    const format =
      typed && !typed.excelSerial && typed.formats.some((f) => f !== '%Y-%m-%d') ? { ...typed, iso: true } : null;
    return { kind: 'date', format: format ?? { formats: [], order: 'ymd' }, nullTokens };
  }
  if (values.every((v) => TRUE_WORDS.has(v.toLowerCase()))) return { kind: 'boolean' };
  if (values.every((v) => ANSWER_WORDS.has(v.toLowerCase()))) return { kind: 'text', spellings: spellingsOf(values) };
  const date = dateFormat(values, name);
  if (date) return { kind: 'date', format: date, nullTokens };
  // `500-` is no plain number, but neither is it a stray: such a column is read with its trailing minus.
  const numbers = values.some((v) => TRAILING_MINUS.test(v)) ? null : plainNumbers(values);
  if (numbers) {
    // Leading zeros, or a whole part with more digits than a double holds exactly: a code, not a quantity.
    // Digits after the point are only precision (`0.3333333333333333`, as Python and JavaScript print a third).
    if (numbers.some((v) => LEADING_ZERO.test(v) || WHOLE_PART_TOO_LONG.test(v)))
      return { kind: 'text', identifier: true };
    const grouped = dotGroupsFormat(numbers, name, hint);
    if (grouped) return { kind: 'number', plain: false, format: grouped };
    const integer = numbers.every((v) => /^\s*[+-]?\d+\s*$/.test(v));
    const widths = new Set(numbers.map((v) => v.trim().length));
    const fixedWidth = integer && widths.size === 1 && numbers[0]!.trim().length >= 3;
    // A sampled misfit ("TBD", a repeated header) needs the column read as text, like a null token, so
    // that the conversion sets it aside and the misfit check leaves it empty with a note, as one past the sample.
    const misfits = numbers.length < values.length;
    return {
      kind: 'number',
      plain: true,
      integer,
      fixedWidth,
      unit: hint.unit ?? currencyInName(name),
      nullTokens: nullTokens || misfits,
    };
  }
  const format = numberFormat(values);
  if (format && 'mixed' in format) return { kind: 'text', mix: format };
  if (format) return { kind: 'number', plain: false, format };
  return { kind: 'text' };
}
