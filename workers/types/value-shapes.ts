import type { ColumnHint } from '../ingest/raw-source';
import { NON_FINITE, NULL_TOKENS, type Candidate, type DateFormat, type NumberFormat } from './candidates';

const TRUE_WORDS = ['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f'];
const LEADING_ZERO = /^\s*0\d/;
const WHOLE_PART_TOO_LONG = /^\s*[+-]?\d{16}/;
const PLAIN_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'SEK', 'NOK', 'DKK'];
const FORMATTED_NUMBER = new RegExp(
  `^\\(?\\s*[-+−]?\\s*([$€£¥]|${CURRENCY_CODES.join('|')})?\\s*[-+−]?\\s*` +
    `(\\d{1,3}(?:[.,'\\s\\u00a0\\u202f]\\d{3})*|\\d+)([.,]\\d+)?` +
    `\\s*([$€£¥%]|${CURRENCY_CODES.join('|')})?\\s*\\)?$`,
);
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

function dateFormat(values: string[], name: string): DateFormat | null {
  if (values.every((v) => ISO_DATE.test(v))) return { formats: ['%Y-%m-%d'], order: 'ymd' };
  if (values.every((v) => ISO_DATE.test(v) || ISO_DATETIME.test(v))) return { formats: [], order: 'ymd' };
  if (values.every((v) => YMD_SLASH.test(v))) return { formats: withTimes('%Y/%m/%d'), order: 'ymd' };
  if (values.every((v) => MONTH_NAME_FIRST.test(v))) {
    return { formats: ['%b %d %Y', '%B %d %Y', '%b %d, %Y', '%B %d, %Y', '%b. %d %Y', '%b. %d, %Y'], order: 'mdy' };
  }
  if (values.every((v) => DAY_FIRST_MONTH_NAME.test(v))) {
    return { formats: ['%d %b %Y', '%d %B %Y', '%d-%b-%Y', '%d-%B-%Y'], order: 'dmy' };
  }
  const parts = values.map((v) => DAY_MONTH.exec(v));
  if (parts.every((m) => m !== null)) {
    const separators = new Set(parts.map((m) => m?.[2]));
    const yearDigits = new Set(parts.map((m) => m?.[4]?.length));
    if (separators.size !== 1 || yearDigits.size !== 1) return null;
    const sep = parts[0]?.[2] as string;
    const year = yearDigits.has(4) ? '%Y' : '%y';
    const firstOver12 = parts.some((m) => Number(m?.[1]) > 12);
    const secondOver12 = parts.some((m) => Number(m?.[3]) > 12);
    if (firstOver12 && secondOver12) return null;
    const mdy = { order: 'mdy' as const, formats: withTimes(`%m${sep}%d${sep}${year}`) };
    const dmy = { order: 'dmy' as const, formats: withTimes(`%d${sep}%m${sep}${year}`) };
    if (firstOver12) return { ...dmy, proven: true };
    if (secondOver12) return { ...mdy, proven: true };
    // Nothing in the sample tells: slashes read month-first (US), dots and dashes day-first (Europe).
    return sep === '/' ? { ...mdy, proven: false } : { ...dmy, proven: false };
  }
  const serial = values.every((v) => /^\d{4,5}(\.\d+)?$/.test(v) && Number(v) > 1 && Number(v) < 80_000);
  if (serial && DATE_NAME.test(name)) return { formats: [], order: 'ymd', excelSerial: true };
  return null;
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

function numberFormat(values: string[]): NumberFormat | null {
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
    for (const ch of value) if (/[\s\u00a0\u202f'()]/.test(ch)) strip.add(ch);
  }
  if (currencies.size > 1 || (percent > 0 && percent < values.length) || (dotVotes > 0 && commaVotes > 0)) {
    return null;
  }
  const decimal = commaVotes > 0 ? ',' : '.';
  strip.add(decimal === '.' ? ',' : '.');
  return {
    decimal,
    strip: [...strip].filter((token) => token !== decimal),
    percent: percent > 0,
    currency: currencies.values().next().value ?? null,
    unicodeMinus: values.some((v) => v.includes('−')),
    decimalGuessed: unsure && dotVotes + commaVotes === 0,
  };
}

/**
 * Proposes a type for a column from its sample values. The proposal is only a
 * candidate: the conversion SQL then runs over every value of the column, and a
 * column whose values do not all convert stays text.
 *
 * @example candidateFor('price', ['$1,234.50', '($20.00)'], {}) // number, USD, accounting negatives
 */
export function candidateFor(name: string, sample: (string | null)[], hint: ColumnHint = {}): Candidate {
  const present = sample
    .filter((v): v is string => v !== null)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const values = present.filter((v) => !NULL_TOKENS.includes(v.toLowerCase()) && !NON_FINITE.includes(v.toLowerCase()));
  // DuckDB's reader parses NaN and infinities as doubles itself; only other tokens need the column read as text.
  const nullTokens = present.some((v) => NULL_TOKENS.includes(v.toLowerCase()));
  if (values.length === 0) return { kind: 'text' };
  if (hint.date) return { kind: 'date', format: { formats: [], order: 'ymd' }, nullTokens };
  if (values.every((v) => TRUE_WORDS.includes(v.toLowerCase()))) return { kind: 'boolean' };
  const date = dateFormat(values, name);
  if (date) return { kind: 'date', format: date, nullTokens };
  if (values.every((v) => PLAIN_NUMBER.test(v))) {
    // Leading zeros, or a whole part with more digits than a double holds exactly: a code, not a quantity.
    // Digits after the point are only precision (`0.3333333333333333`, as Python and JavaScript print a third).
    if (values.some((v) => LEADING_ZERO.test(v) || WHOLE_PART_TOO_LONG.test(v)))
      return { kind: 'text', identifier: true };
    const integer = values.every((v) => /^\s*[+-]?\d+\s*$/.test(v));
    const widths = new Set(values.map((v) => v.trim().length));
    const fixedWidth = integer && widths.size === 1 && values[0]!.trim().length >= 3;
    return { kind: 'number', plain: true, integer, fixedWidth, unit: hint.unit ?? currencyInName(name), nullTokens };
  }
  const format = numberFormat(values);
  if (format) return { kind: 'number', plain: false, format };
  return { kind: 'text' };
}
