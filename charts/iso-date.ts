// Year, optional month and day, optional time with optional seconds, fraction
// and offset. A space may replace the `T` because DuckDB prints timestamps so.
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Parses an ISO 8601 date or date-time into a `Date` at the same wall-clock
 * time in UTC, or `null` when the text is not a real date.
 *
 * `Date.parse` reads a date-time without an offset in the machine's zone,
 * which would move calendar dates on a server outside UTC; here a missing
 * offset means UTC, and an explicit offset is converted to UTC.
 *
 * @example parseIsoDate('2016-03-04')?.toISOString() // '2016-03-04T00:00:00.000Z'
 */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', offset] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = parts;
  const time = utcTime(y, mo - 1, d, h, mi, s);
  const date = new Date(time);
  // A day past the month's end rolls over (2016-02-30 to March); a rolled date is not a real one.
  const rolledOver =
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59;
  if (rolledOver) return null;
  return new Date(time - offsetMinutes(offset) * 60_000);
}

/**
 * Milliseconds since the epoch of a UTC wall-clock time, like `Date.UTC` but
 * with the year as written: `Date.UTC` reads years 0–99 as 1900–1999, which
 * turns .NET's "no date" (0001-01-01) into 1901. Days past a month's end roll
 * over into the next month, as they do with `Date.UTC`.
 *
 * @example new Date(utcTime(1, 0, 1)).toISOString() // '0001-01-01T00:00:00.000Z'
 */
export function utcTime(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z') return 0;
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
