import type { TimeGrain, Unit } from './chart-spec';
import { ChartError } from './errors';
import { parseIsoDate } from './iso-date';

/** Options of {@link formatNumber}. */
export interface FormatNumberOptions {
  /** Abbreviate thousands and up as K, M, B, T: `$1.2M`, `45.3K`. */
  compact?: boolean;
  /** At most this many fraction digits, instead of the precision chosen from the size. */
  digits?: number;
}

// U+2212 rather than a hyphen: it is as wide as a plus and reads as a sign.
const MINUS = '\u2212';
const NOT_A_NUMBER = '\u2013';

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
// ISO 4217 currencies without minor units: a cent column would be made up.
const WHOLE_CURRENCIES = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK']);

const COMPACT_TIERS = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const;

/**
 * Prints a number the way the chart and the answer text show it: grouped
 * thousands, currency symbols from the ISO code (an unknown code is written
 * before the amount: `CHF 12`), percents from fractions, a minus sign (U+2212)
 * for negatives and a precision that fits the size. A value that is not
 * finite prints as an en dash.
 *
 * @example
 * formatNumber(1234567, { kind: 'currency', code: 'USD' }, { compact: true }) // '$1.2M'
 * formatNumber(0.125, { kind: 'percent' })                                     // '12.5%'
 * formatNumber(-45300, undefined, { compact: true })                           // '−45.3K'
 */
/** `2.5e20` as "2.5e20": three significant digits at most, no "+". */
export function scientific(value: number): string {
  const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
  return `${mantissa.replace(/\.?0+$/, '')}e${exponent.replace('+', '')}`;
}

export function formatNumber(value: number, unit?: Unit, options: FormatNumberOptions = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const magnitude = unit?.kind === 'percent' ? formatPercent(value, options) : formatAmount(value, unit, options);
  // A value that rounds to zero shows no sign: "−0" would claim a direction.
  const sign = value < 0 && /[1-9]/.test(magnitude) ? MINUS : '';
  if (unit?.kind !== 'currency') return sign + magnitude;
  const symbol = CURRENCY_SYMBOLS[unit.code];
  return symbol === undefined ? `${sign}${unit.code} ${magnitude}` : sign + symbol + magnitude;
}

function formatPercent(value: number, { digits }: FormatNumberOptions): string {
  const percent = Math.abs(value) * 100;
  const defaultDigits = percent >= 100 ? 0 : percent >= 1 ? 1 : 2;
  return `${decimal(percent, 0, digits ?? defaultDigits)}%`;
}

function formatAmount(value: number, unit: Unit | undefined, { compact, digits }: FormatNumberOptions): string {
  const abs = Math.abs(value);
  // Past a thousand trillion no suffix reads well ("187,500,000,000T"): the power of ten says it.
  if (compact && abs >= 1e15) return scientific(abs);
  if (compact) {
    for (let tier = 0; tier < COMPACT_TIERS.length; tier++) {
      const { size, suffix } = COMPACT_TIERS[tier]!;
      if (abs < size) continue;
      const scaled = abs / size;
      const text = decimal(scaled, 0, digits ?? (scaled >= 100 ? 0 : 1));
      // 999,950 rounds to "1000K"; the next tier up says it better.
      const larger = COMPACT_TIERS[tier - 1];
      if (larger && Number(text.replace(/,/g, '')) >= 1000) {
        return decimal(abs / larger.size, 0, digits ?? 1) + larger.suffix;
      }
      return text + suffix;
    }
  }
  if (unit?.kind === 'currency') return formatMoney(abs, unit.code, digits);
  if (Number.isInteger(abs)) return decimal(abs, 0, 0);
  if (abs >= 1) return decimal(abs, 0, digits ?? (abs >= 1000 ? 0 : abs >= 100 ? 1 : 2));
  return digits === undefined ? significant(abs, 3) : decimal(abs, 0, digits);
}

// Money shows cents or no fraction at all: "$12.50", never "$12.5".
function formatMoney(abs: number, code: string, digits: number | undefined): string {
  const whole = WHOLE_CURRENCIES.has(code) || Number.isInteger(abs) || abs >= 1000 || digits === 0;
  return whole ? decimal(abs, 0, 0) : decimal(abs, 2, 2);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', options);
    numberFormats.set(key, format);
  }
  return format;
}

function decimal(value: number, minDigits: number, maxDigits: number): string {
  const max = Math.max(minDigits, Math.min(maxDigits, 20));
  return cachedFormat(`d${minDigits}-${max}`, {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: max,
  }).format(value);
}

function significant(value: number, digits: number): string {
  return cachedFormat(`s${digits}`, { maximumSignificantDigits: digits }).format(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Options of {@link formatDate}. */
export interface FormatDateOptions {
  /** For axis ticks: a week prints as its first day, without "Week of". */
  compact?: boolean;
}

/**
 * Prints an ISO 8601 date at a time grain, in UTC so the calendar date never
 * moves with the server's time zone. A week label is the week's first day as
 * given (the caller decides whether weeks start on Monday or Sunday).
 *
 * | grain   | output               |
 * | ------- | -------------------- |
 * | hour    | `Mar 4, 2016 13:00`  |
 * | day     | `2016-03-04`         |
 * | week    | `Week of Mar 7, 2016` (`Mar 7, 2016` when compact) |
 * | month   | `Mar 2016`           |
 * | quarter | `Q3 2017`            |
 * | year    | `2016`               |
 *
 * @throws {ChartError} `INVALID_DATE` when the text is not an ISO 8601 date.
 */
export function formatDate(iso: string, grain: TimeGrain, options: FormatDateOptions = {}): string {
  const date = parseIsoDate(iso);
  if (date === null) throw new ChartError('INVALID_DATE', `"${iso}" is not a date I can read.`);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const monthName = MONTHS[month]!;
  switch (grain) {
    case 'hour':
      return `${monthName} ${day}, ${year} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
    case 'day':
      return `${year}-${pad(month + 1)}-${pad(day)}`;
    case 'week':
      return `${options.compact ? '' : 'Week of '}${monthName} ${day}, ${year}`;
    case 'month':
      return `${monthName} ${year}`;
    case 'quarter':
      return `Q${Math.floor(month / 3) + 1} ${year}`;
    case 'year':
      return String(year);
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * An axis title with its unit, as in "Sales (USD)" or "Share (%)". Plain
 * numbers add nothing, and a title that already names its unit is kept.
 */
export function titleWithUnit(title: string, unit?: Unit): string {
  const suffix = unit?.kind === 'currency' ? `(${unit.code})` : unit?.kind === 'percent' ? '(%)' : '';
  if (suffix === '' || title.endsWith(suffix)) return title;
  return title === '' ? suffix : `${title} ${suffix}`;
}
