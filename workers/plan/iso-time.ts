import { utcTime } from '../../charts/iso-date';

/** A point in time as written in a plan, normalised for DuckDB. */
export interface IsoTime {
  /** `2016-03-01` or `2016-03-01T13:00:00` (fractions of a second kept). */
  text: string;
  /** Whether a time of day was given, so the value compares as a TIMESTAMP rather than a DATE. */
  hasTime: boolean;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?Z?)?)?)?$/;

/**
 * Parses an ISO 8601 date or datetime, accepting the reduced forms a planner
 * writes for whole periods (`2016` is 1 January 2016, `2016-07` is 1 July 2016)
 * and checking that the day exists. A trailing `Z` is dropped: datasets hold
 * local times without a zone. Returns null for anything else.
 *
 * @example
 * parseIsoTime('2017-07')        // { text: '2017-07-01', hasTime: false }
 * parseIsoTime('2017-02-30')     // null
 */
export function parseIsoTime(value: string): IsoTime | null {
  const match = ISO.exec(value.trim());
  if (!match) return null;
  const [, year = '', month = '01', day = '01', hour, minute, second = '00', fraction = ''] = match;
  const date = new Date(utcTime(Number(year), Number(month) - 1, Number(day)));
  // 30 February rolls over into March; a real day comes back unchanged.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  const dateText = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return { text: dateText, hasTime: false };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  return { text: `${dateText}T${hour}:${minute}:${second}${fraction}`, hasTime: true };
}
