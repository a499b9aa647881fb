import { isIdentifierName } from './column-decision';

/**
 * Month-level dates, as monthly exports write them: `2024-01`, `01/2024`, `Jan 2024`,
 * `January 2024`, `Jan-24`, `202401`. Each is read as the first day of its month, so the profile
 * sees a month grain and quarters and years group them as they would daily dates.
 */
export type MonthFamily = 'yearMonth' | 'monthYear' | 'monthWord' | 'compact';

/** What a column's name allows of the month shapes that could also be something else. */
export interface MonthReading {
  /** `2024-01`, `01/2024`: not in a column named like a code, where they are labels (batch 2024-01). */
  numeric: boolean;
  /** `Jan-24`: only in a column named like a date, since elsewhere it may be the 24th of January. */
  shortYear: boolean;
  /** `202401`: only in a column named like a month, since elsewhere it is a plain number. */
  compact: boolean;
}

/** Names of month columns in the languages of the files we meet (Monat, mois, mes, maand), and `yyyymm`. */
const MONTH_NAME = /month|period|monat|yyyy[-_ ]?mm|(^|[^a-z])(mois|mes|mese|maand|ym)([^a-z]|$)/i;

const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/]\d{4}$/;
const MONTH_WORD = /^([A-Za-z]{3,9})(\.? |-)(\d{4}|\d{2})$/;
/** Years 1900 to 2199, as `yearMonthNumberSql` reads them: six digits are otherwise too common a number. */
const COMPACT = /^(19|20|21)\d{2}(\d{2})$/;

/** The English month names and abbreviations DuckDB's `%B` and `%b` read (not `Sept`). */
const MONTH_WORDS = new Set(
  'january february march april may june july august september october november december'
    .split(' ')
    .flatMap((month) => [month, month.slice(0, 3)]),
);

/** A month number as written, `01` to `12`. */
const isMonth = (digits: string | undefined) => Number(digits) >= 1 && Number(digits) <= 12;

/**
 * The strptime formats of each family, the two-digit years first, since `%Y` reads `24` as the year 24.
 * `202401` has none: it is read as a number (see `DateFormat.yearMonthNumbers`).
 */
export function monthFormats(family: MonthFamily, reading: MonthReading): string[] {
  switch (family) {
    case 'yearMonth':
      return ['%Y-%m', '%Y/%m'];
    case 'monthYear':
      return ['%m/%Y', '%m-%Y'];
    case 'monthWord':
      return [...(reading.shortYear ? ['%b-%y', '%B-%y'] : []), ...['%b %Y', '%B %Y', '%b. %Y', '%b-%Y', '%B-%Y']];
    case 'compact':
      return [];
  }
}

/** What month shapes a column named `name` may hold; `dateNamed` when its name says it holds dates. */
export function monthReading(name: string, dateNamed: boolean): MonthReading {
  const monthNamed = MONTH_NAME.test(name);
  return {
    numeric: dateNamed || monthNamed || !isIdentifierName(name),
    shortYear: dateNamed || monthNamed,
    compact: monthNamed,
  };
}

/** The month family of one value, or null when it is none (or a month past 12, or a word not a month's). */
export function monthFamilyOf(value: string, reading: MonthReading): MonthFamily | null {
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (reading.numeric) {
      const yearFirst = YEAR_MONTH.exec(value);
      if (yearFirst) return isMonth(yearFirst[2]) ? 'yearMonth' : null;
      const monthFirst = MONTH_YEAR.exec(value);
      if (monthFirst) return isMonth(monthFirst[1]) ? 'monthYear' : null;
    }
    const compact = reading.compact ? COMPACT.exec(value) : null;
    return compact && isMonth(compact[2]) ? 'compact' : null;
  }
  const word = MONTH_WORD.exec(value);
  if (!word || !MONTH_WORDS.has((word[1] as string).toLowerCase())) return null;
  const shortYear = (word[3] as string).length === 2;
  // `Jan 24` (a space) is the 24th of January as often as January 2024: only `Jan-24` is read, where allowed.
  if (shortYear && (!reading.shortYear || word[2] !== '-')) return null;
  return 'monthWord';
}

/**
 * True when every `2010-11`-style value names a span of two years (a fiscal or school year:
 * `2010-11`, `2011/12`), not a month: the second part is always the first year's successor.
 */
export function allYearSpans(values: string[]): boolean {
  const spans = values.filter((v) => YEAR_MONTH.test(v));
  return (
    spans.length > 0 &&
    spans.every((v) => {
      const [, year, next] = YEAR_MONTH.exec(v) as RegExpExecArray;
      return next?.length === 2 && Number(next) === (Number(year) + 1) % 100;
    })
  );
}
