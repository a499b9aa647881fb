import type { ColumnProfile } from '../../core/dataset';
import { describeKind, isCalendar, isNumeric, isYearNumber } from './column-kinds';
import { parseIsoTime } from './iso-time';
import { PlanError } from './plan-errors';

type Scalar = string | number | boolean;

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/**
 * A filter or comparison value in the form its column compares with: numbers
 * for number columns (`"12"` becomes 12), ISO text for dates, booleans for
 * yes/no columns, text for categories (`10024` becomes `"10024"`). A value that
 * can never match, like a word for a number column, is an error rather than an
 * empty answer.
 *
 * @example
 * comparableValue(quantity, '3')  // 3
 * comparableValue(orderDate, '2016-7-1') // throws INVALID_VALUE
 */
export function comparableValue(column: ColumnProfile, value: Scalar): Scalar {
  if (isNumeric(column)) {
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(number) ? number : invalid(column, value);
  }
  if (isCalendar(column)) {
    const time = typeof value === 'string' ? parseIsoTime(value) : null;
    return time ? time.text : invalid(column, value);
  }
  if (column.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const word = String(value).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return invalid(column, value);
  }
  return String(value);
}

/**
 * A bound of a range or a compared period: a number for number columns, an
 * ISO date or datetime for date columns (`2016` and `2016-07` allowed), a
 * year for year columns. Text and yes/no columns have no order to bound.
 */
export function boundValue(column: ColumnProfile, value: Scalar): Scalar {
  if (isYearNumber(column)) {
    const year = typeof value === 'number' ? value : Number(String(value).trim());
    if (!Number.isInteger(year)) {
      throw new PlanError(
        'INVALID_VALUE',
        `"${column.name}" holds years; give its bounds as years, like 2016, not ${JSON.stringify(value)}.`,
      );
    }
    return year;
  }
  if (isCalendar(column) || isNumeric(column)) return comparableValue(column, value);
  throw new PlanError(
    'WRONG_COLUMN_KIND',
    `"${column.name}" holds ${describeKind(column)}, which have no order to take a range of. Filter it by values instead.`,
  );
}

function invalid(column: ColumnProfile, value: Scalar): never {
  const example = isCalendar(column) ? ' Write dates as YYYY-MM-DD.' : '';
  throw new PlanError(
    'INVALID_VALUE',
    `${JSON.stringify(value)} cannot be compared with "${column.name}", which holds ${describeKind(column)}.${example}`,
  );
}
