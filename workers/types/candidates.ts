import type { ColumnUnit } from '../../core/dataset';

/** A number's written form, as seen in a column's sample. */
export interface NumberFormat {
  decimal: '.' | ',';
  /** Characters and codes to drop before the cast: currency, group separators, spaces, %, parentheses. */
  strip: string[];
  percent: boolean;
  currency: string | null;
  /** Some values are negated with U+2212 (−) rather than a hyphen. */
  unicodeMinus: boolean;
  /** Some values are negated with a minus after the digits (`1595.82-`, as SAP writes them). */
  trailingMinus: boolean;
  /**
   * True when no value showed which separator is the decimal mark: `1,234` or `1.234` read with a
   * decimal point, or `1.234` read as a thousands group in a file that writes numbers the German way.
   */
  decimalGuessed: boolean;
}

/**
 * Why values that are each a number make no number column together: amounts in several currencies, or
 * percentages beside plain numbers (is `0.25` a quarter or 0.25%?). Only the person can settle it.
 */
export interface NumberMix {
  mixed: 'currencies' | 'percent';
  /** A value of each currency, or a percentage and a plain number, as written. */
  examples: string[];
}

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** A date family: the strptime formats to try (none: ISO 8601, cast directly). */
export interface DateFormat {
  formats: string[];
  order: DateOrder;
  /**
   * ISO 8601 values (`2024-02-20`, with an optional time) are read beside `formats`: they are
   * unambiguous, and a column of `01/05/2024` often has a few of them (pasted, or from another system).
   */
  iso?: boolean;
  /** For `03/04/2024`-style dates: false while no value has shown which part is the day. */
  proven?: boolean;
  /** Excel serial day numbers (days since 1899-12-30) in a column named like a date. */
  excelSerial?: boolean;
  /**
   * Months written as six digits (`202401`) in a column named like a month, read beside `formats`.
   * They are read as numbers, not with strptime: a workbook holds them as numbers, and `%Y%m` would
   * also read `20241` as January 2024.
   */
  yearMonthNumbers?: boolean;
}

/** What a column's sample says it could be; SQL then checks every value of the column. */
export type Candidate =
  | { kind: 'boolean' }
  | {
      kind: 'number';
      plain: true;
      integer: boolean;
      /** Integers all written with the same number of digits, as codes are: leading zeros must be looked for. */
      fixedWidth: boolean;
      unit: ColumnUnit | null;
      nullTokens: boolean;
    }
  | { kind: 'number'; plain: false; format: NumberFormat }
  | { kind: 'date'; format: DateFormat; nullTokens: boolean }
  /**
   * `identifier`: numbers written with leading zeros, codes rather than quantities; `mix`: numbers that do
   * not add up; `spellings`: one way to write each answer of a Yes/No column, by its lower-case form
   * (`yes` → `Yes`), so that `yes` and `Yes ` count as `Yes`.
   */
  | { kind: 'text'; identifier?: boolean; mix?: NumberMix; spellings?: Record<string, string> };

/**
 * Values that mean "no value" in a numeric or date column: the usual placeholders, a pivot table's
 * "(blank)", and Excel's error values as a CSV export writes them (a workbook's error cells are read
 * as empty too).
 */
export const NULL_TOKENS = [
  'na',
  'n/a',
  'n.a.',
  '-',
  '--',
  '—',
  'null',
  'none',
  'nan',
  '?',
  '.',
  '(blank)',
  '#n/a',
  '#div/0!',
  '#value!',
  '#ref!',
  '#name?',
  '#num!',
  '#null!',
  '#spill!',
  '#calc!',
];

/**
 * How programs write the doubles that are not numbers (NumPy, JavaScript, DuckDB itself), lower-cased.
 * One of them in a sum makes the whole sum NaN, so they are read as missing values, and counted for a note.
 */
export const NON_FINITE = ['nan', '-nan', '+nan', 'inf', '-inf', '+inf', 'infinity', '-infinity', '+infinity'];
