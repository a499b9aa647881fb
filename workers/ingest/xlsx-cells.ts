import type { CellValue } from 'exceljs';
import type { ColumnHint } from './raw-source';

/** How a number format shows its numbers. */
export type FormatKind = 'plain' | 'date' | 'time' | 'percent' | 'currency';

/** What a cell's number format says about its value. */
export interface NumberFormat {
  kind: FormatKind;
  /** ISO 4217 code, for `currency`. */
  unit?: string;
}

const PLAIN: NumberFormat = { kind: 'plain' };
const DAY_MS = 86_400_000;
/** Serial of 10000-01-01: Excel shows nothing later as a date. */
const END_OF_DATES = 2_958_466;

/**
 * Classifies an Excel number format code (`0.0%`, `$#,##0.00`,
 * `[$€-407] #,##0.00`, `yyyy-mm-dd`). Dates are recognised exactly as exceljs's
 * streaming reader does, so a cell it turned into a Date and a formula result it
 * left as a serial number are classified alike.
 *
 * @example classifyNumberFormat('[$€-407] #,##0.00') // { kind: 'currency', unit: 'EUR' }
 */
export function classifyNumberFormat(code: string | undefined): NumberFormat {
  if (!code) return PLAIN;
  const unbracketed = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  if (/[ymdhMsb]/.test(unbracketed)) {
    const section = unbracketed.split(';')[0] ?? '';
    // `m` is minutes next to hours or seconds and months otherwise.
    const hasDate = /[ydbe]/i.test(section) || (/m/i.test(section) && !/[hs]/i.test(section));
    return { kind: hasDate ? 'date' : 'time' };
  }
  const section = firstSection(code);
  if (section.replace(/\[[^\]]*]|"[^"]*"|\\./g, '').includes('%')) return { kind: 'percent' };
  const unit = currencyOf(section);
  return unit ? { kind: 'currency', unit } : PLAIN;
}

/**
 * A column's hint from how many of its numbers carried each format (`counts`,
 * indexed like `formats`): the format most of them carry, so a stray total row
 * formatted differently does not change it.
 */
export function columnHint(counts: readonly number[], formats: readonly NumberFormat[]): ColumnHint {
  let total = 0;
  let top = -1;
  counts.forEach((count, id) => {
    total += count;
    if (top < 0 || count > (counts[top] as number)) top = id;
  });
  if (top < 0 || (counts[top] as number) * 2 < total) return {};
  const format = formats[top] ?? PLAIN;
  switch (format.kind) {
    case 'date':
      return { date: true };
    case 'percent':
      return { unit: 'percent' };
    case 'currency':
      return { unit: format.unit };
    default:
      return {};
  }
}

/**
 * An Excel serial date as ISO 8601 text in UTC, to the second: `2024-03-04`
 * when it has no time of day, `2024-03-04 13:45:00` otherwise, and `13:45:00`
 * for a time of day alone under a time-only format. Null outside Excel's range.
 */
export function excelSerialToIso(serial: number, date1904: boolean, timeOnly = false): string | null {
  if (!(serial >= 0 && serial < END_OF_DATES)) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  const time =
    seconds === 0
      ? ''
      : `${twoDigits(Math.floor(seconds / 3600))}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  if (timeOnly && days === 0) return time || '00:00:00';
  // The 1900 system counts a 29 February 1900 that never was: serials before it are a day later than the arithmetic says.
  const date = civilDate(date1904 ? days - 24_107 : days - 25_569 + (days < 60 ? 1 : 0));
  return time ? `${date} ${time}` : date;
}

/**
 * `YYYY-MM-DD` of a count of days since 1970-01-01, by Howard Hinnant's
 * civil-from-days arithmetic: several times faster than formatting a Date, and
 * it runs once per date cell.
 */
function civilDate(epochDays: number): string {
  const shifted = epochDays + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return `${yearOfEra + era * 400 + (month <= 2 ? 1 : 0)}-${twoDigits(month)}-${twoDigits(day)}`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

/** Stands for a plain number read without its text (see {@link CellText.read}). */
export const NUMBER = '#';

/** The parts of an exceljs cell this module reads. */
export interface CellLike {
  readonly value: CellValue;
  readonly numFmt: string;
}

/**
 * Turns exceljs cell values into the text a staging table holds, keeping the
 * per-cell work to a switch and, for numbers, one map lookup of their format.
 * After each {@link read}, {@link lastFormat} says which format the cell's
 * number or date carried (an index into {@link formats}), or -1 for text,
 * booleans and empty cells, so callers can tally formats per column.
 */
export class CellText {
  /** Cells holding an error value (#DIV/0!, #N/A), read as empty. */
  errorCells = 0;
  /** Formulas with no saved result (a file written by a program, never calculated by Excel), read as empty. */
  uncalculatedCells = 0;
  lastFormat = -1;
  /** The last cell's number when it was a plain number (not a date), else NaN: staged as DOUBLE. */
  lastNumber = NaN;
  readonly formats: NumberFormat[] = [];
  private readonly formatIds = new Map<string, number>();
  private numbersAsText = true;

  constructor(private readonly date1904: boolean) {}

  /**
   * @param numbersAsText false when the caller stages plain numbers as numbers and needs no text for
   *   them: they then come back as `NUMBER` and their value is in {@link lastNumber}
   */
  read(cell: CellLike, numbersAsText = true): string | null {
    this.lastFormat = -1;
    this.lastNumber = NaN;
    this.numbersAsText = numbersAsText;
    return this.text(cell.value, cell);
  }

  private text(value: CellValue, cell: CellLike): string | null {
    switch (typeof value) {
      case 'string':
        return value === '' ? null : unescapeOoxml(value);
      case 'number':
        return this.number(value, cell);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'object':
        break;
      default:
        return null;
    }
    if (value === null) return null;
    if (value instanceof Date) {
      // Back to the serial exceljs converted from: its conversion ignores the 1900 leap-year bug, ours does not.
      return this.number(value.getTime() / DAY_MS + (this.date1904 ? 24_107 : 25_569), cell, true);
    }
    if ('error' in value) {
      this.errorCells++;
      return null;
    }
    if ('richText' in value) {
      let joined = '';
      for (const run of value.richText) joined += run.text ?? '';
      return joined === '' ? null : unescapeOoxml(joined);
    }
    // A formula's cached result; shared formulas arrive with an empty formula text.
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: CellValue }).result;
      if (result === undefined) {
        this.uncalculatedCells++;
        return null;
      }
      return this.text(result, cell);
    }
    if ('text' in value) return value.text === '' ? null : value.text;
    return null;
  }

  private number(value: number, cell: CellLike, isDate = false): string | null {
    // A formula whose cached result is an error comes through as NaN.
    if (Number.isNaN(value)) {
      this.errorCells++;
      return null;
    }
    const id = this.formatId(cell.numFmt);
    this.lastFormat = id;
    const kind = (this.formats[id] as NumberFormat).kind;
    if (isDate || kind === 'date' || kind === 'time') {
      return excelSerialToIso(value, this.date1904, kind === 'time') ?? String(value);
    }
    this.lastNumber = value;
    return this.numbersAsText ? String(value) : NUMBER;
  }

  private formatId(code: string | undefined): number {
    const key = code ?? '';
    let id = this.formatIds.get(key);
    if (id === undefined) {
      id = this.formats.push(classifyNumberFormat(code)) - 1;
      this.formatIds.set(key, id);
    }
    return id;
  }
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return). */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The format for positive numbers: the text before the first `;` outside quotes and brackets. */
function firstSection(code: string): string {
  let quoted = false;
  let bracketed = false;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '[') bracketed = true;
    else if (!quoted && char === ']') bracketed = false;
    else if (char === ';' && !quoted && !bracketed) return code.slice(0, i);
  }
  return code;
}

// prettier-ignore
const SYMBOLS = new Map<string, string>([
  ['US$', 'USD'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['￥', 'JPY'], ['CN¥', 'CNY'], ['元', 'CNY'],
  ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'], ['₫', 'VND'], ['฿', 'THB'], ['₱', 'PHP'],
  ['₦', 'NGN'], ['₴', 'UAH'], ['R$', 'BRL'], ['A$', 'AUD'], ['AU$', 'AUD'], ['C$', 'CAD'], ['CA$', 'CAD'],
  ['NZ$', 'NZD'], ['HK$', 'HKD'], ['S$', 'SGD'], ['zł', 'PLN'], ['Kč', 'CZK'], ['Ft', 'HUF'], ['CHF', 'CHF'],
  ['Fr.', 'CHF'], ['kr', 'SEK'], ['kr.', 'DKK'], ['R', 'ZAR'],
]);

/** `[$symbol-LCID]` where the locale, not the symbol, tells the currency. */
// prettier-ignore
const LOCALE_SYMBOLS = new Map<string, string>([
  ['$-1009', 'CAD'], ['$-c0c', 'CAD'], ['$-c09', 'AUD'], ['$-1409', 'NZD'], ['$-80a', 'MXN'], ['$-4809', 'SGD'],
  ['$-3c09', 'HKD'], ['¥-804', 'CNY'], ['¥-4', 'CNY'], ['￥-804', 'CNY'], ['kr-41d', 'SEK'], ['kr-414', 'NOK'],
  ['kr-814', 'NOK'], ['kr-406', 'DKK'], ['kr.-406', 'DKK'], ['kr-40f', 'ISK'],
]);

/** Symbols that may stand unquoted in a format; letters must be quoted or bracketed there. */
const BARE_SYMBOLS = [...SYMBOLS.keys()]
  .filter((symbol) => /[^A-Za-z.]/.test(symbol))
  .sort((a, b) => b.length - a.length);

/** ISO 4217 codes, so a quoted `"USD"` is a currency and a quoted `"PCS"` is not. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function isCurrencyCode(text: string): boolean {
  return CURRENCY_CODES.has(text);
}

function currencyOf(section: string): string | undefined {
  for (const [, symbol = '', locale] of section.matchAll(/\[\$([^\]-]*)(?:-([0-9A-Fa-f]+))?]/g)) {
    const code = symbol.trim();
    if (isCurrencyCode(code)) return code;
    const unit = (locale && LOCALE_SYMBOLS.get(`${code}-${locale.toLowerCase()}`)) || SYMBOLS.get(code);
    if (unit) return unit;
  }
  for (const [, quoted = ''] of section.matchAll(/"([^"]*)"/g)) {
    const text = quoted.trim();
    if (isCurrencyCode(text)) return text;
    const unit = SYMBOLS.get(text);
    if (unit) return unit;
  }
  const bare = section.replace(/\[[^\]]*]|"[^"]*"/g, '').replace(/\\(.)/g, '$1');
  const symbol = BARE_SYMBOLS.find((candidate) => bare.includes(candidate));
  return symbol && SYMBOLS.get(symbol);
}
