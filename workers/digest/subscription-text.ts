import type { Cadence, TimeOfDay, Weekday } from '../../core/digest-cadence';
import { WorkerError } from '../errors';
import { closestColumns } from '../plan/closest-columns';

/** What `/analyze digest …` asked for, before the question is planned. */
export interface SubscriptionRequest {
  cadence: Cadence;
  time: TimeOfDay;
  /** The question the digest answers each time, as typed. */
  question: string;
  /** What was not said and so took its default, for the confirmation to mention. */
  defaulted: ('weekday' | 'day' | 'time')[];
  /** The monthly day as typed when it was stored as the month's last day (29–31 do not exist in every month). */
  askedDay?: number;
  /** `from s3://bucket/prefix`: an operator's export to read instead of a file shared in the channel, as typed. */
  linked?: string;
}

const DEFAULT_TIME: TimeOfDay = { hour: 9, minute: 0 };

const WEEKDAY_NAMES: Record<string, Weekday> = {
  sunday: 'SUN',
  monday: 'MON',
  tuesday: 'TUE',
  wednesday: 'WED',
  thursday: 'THU',
  friday: 'FRI',
  saturday: 'SAT',
  sun: 'SUN',
  mon: 'MON',
  tue: 'TUE',
  tues: 'TUE',
  wed: 'WED',
  thu: 'THU',
  thur: 'THU',
  thurs: 'THU',
  fri: 'FRI',
  sat: 'SAT',
};

const FULL_WEEKDAYS = Object.keys(WEEKDAY_NAMES)
  .filter((name) => name.length > 5)
  .map((name) => name.charAt(0).toUpperCase() + name.slice(1));

/** Words ending in "day" that are not meant as a weekday after "on" or "every" ("sales on holidays"). */
const NOT_WEEKDAYS = new Set([
  'day',
  'days',
  'today',
  'yesterday',
  'holiday',
  'holidays',
  'birthday',
  'birthdays',
  'weekday',
  'weekdays',
  'workday',
  'workdays',
  'payday',
  'paydays',
  'midday',
  'everyday',
]);

const EXAMPLE = 'For example: `digest weekly sales by region on Monday 9:00`.';

/**
 * Reads a digest subscription: a cadence (`daily`, `weekly`, `monthly`, `every day|week|month`,
 * `every Monday`), a weekday or a day of the month, a time (`9:00`, `8am`, `at 17`, `noon`), and
 * the question, which is whatever is left. Unsaid parts default to Monday, the 1st and 9:00. A
 * day from the 29th to the 31st means the month's last day, because those days are missing from
 * some months; the confirmation says so. Anything it cannot read is a `DIGEST_NOT_UNDERSTOOD`
 * error saying what to write instead. With `answered` (the question of the answer a "Send this
 * every week" button sits under), `text` holds only the schedule and the question is taken as it
 * is: its own words ("monthly trend") are a grain, not a cadence.
 *
 * @example
 * readSubscription('weekly sales by region on Monday 9:00')
 * // { cadence: { every: 'week', weekday: 'MON' }, time: { hour: 9, minute: 0 }, question: 'sales by region', … }
 */
export function readSubscription(text: string, answered?: string): SubscriptionRequest {
  let rest = ` ${text.replace(/\s+/g, ' ').trim()} `;
  const take = (pattern: RegExp): RegExpExecArray[] => {
    const found = [...rest.matchAll(new RegExp(pattern.source, 'gi'))];
    rest = rest.replace(new RegExp(pattern.source, 'gi'), ' ');
    return found;
  };

  // First, so the digits of a path are not read as a day or a time.
  const linked = take(/(?:\b(?:from|in|at) )?(s3:\/\/\S+)/).map((m) => m[1]!);
  if (linked.length > 1) throw notUnderstood('A digest reads one S3 location; I read more than one.');
  const everyWeekday = take(/\bevery (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/);
  const cadenceWords = take(/\b(daily|weekly|monthly|every (?:day|week|month))\b/).map((m) => m[1]!.toLowerCase());
  const weekdays = [
    ...everyWeekday,
    ...take(/\b(?:on )?(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/),
    ...take(/\bon (mon|tues?|wed|thur?s?|fri|sat|sun)\.?(?= )/),
  ].map((m) => WEEKDAY_NAMES[m[1]!.toLowerCase().replace(/s$/, '')] ?? WEEKDAY_NAMES[m[1]!.toLowerCase()]!);
  // Looked for, not taken: "sales on holidays" keeps its words in the question.
  const unknownDay = [...rest.matchAll(/\b(?:on|every) ([a-z]+days?)\b/gi)].find(
    (m) => !NOT_WEEKDAYS.has(m[1]!.toLowerCase()),
  );
  if (unknownDay) {
    const typed = unknownDay[1]!;
    const near = closestColumns(typed, FULL_WEEKDAYS, 1)[0];
    throw notUnderstood(
      `I don’t know the day “${typed}”; ${near ? `did you mean ${near}? Write` : 'write'} a weekday, such as \`weekly … on Monday\`.`,
    );
  }
  const lastDay = take(/\b(?:on )?the last day(?: of (?:the|each|every) month)?\b/);
  const days = take(/\b(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b(?: of (?:the|each|every) month)?/).map((m) =>
    Number(m[1]),
  );
  const times = readTimes(take);

  const kinds = new Set(
    cadenceWords.map((word) =>
      word.endsWith('day') || word === 'daily' ? 'day' : word.includes('week') ? 'week' : 'month',
    ),
  );
  if (everyWeekday.length > 0) kinds.add('week');
  if (kinds.size === 0) {
    throw notUnderstood(
      `Say how often the digest should come: daily, weekly on a weekday, or monthly on a day. ${EXAMPLE}`,
    );
  }
  if (kinds.size > 1) {
    throw notUnderstood(`A digest has one cadence; I read ${[...kinds].map(cadenceName).join(' and ')}. ${EXAMPLE}`);
  }
  const every = [...kinds][0]!;
  if (new Set(weekdays).size > 1) {
    throw notUnderstood('A weekly digest comes on one weekday; for several days a week, subscribe once per day.');
  }
  if (days.length + lastDay.length > 1) throw notUnderstood('A monthly digest comes on one day of the month.');
  if (times.length > 1) throw notUnderstood('A digest comes at one time of day; I read more than one.');
  if (every !== 'week' && weekdays.length > 0) {
    throw notUnderstood(
      `A ${cadenceName(every)} digest does not take a weekday; write \`weekly … on ${titleCase(weekdays[0]!)}\` for one day a week.`,
    );
  }
  if (every !== 'month' && (days.length > 0 || lastDay.length > 0)) {
    throw notUnderstood(
      `A ${cadenceName(every)} digest does not take a day of the month; write \`monthly … on the 1st\`.`,
    );
  }

  const question = (answered ?? rest)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:of|on|for|about|with|,|-)\s+)+/i, '')
    .replace(/(?:\s+(?:of|on|for|at|,|-))+$/i, '')
    .trim();
  if (!question) throw notUnderstood(`Say what the digest should be about. ${EXAMPLE}`);

  const defaulted: SubscriptionRequest['defaulted'] = [];
  const time = times[0] ?? DEFAULT_TIME;
  if (times.length === 0) defaulted.push('time');
  const common = { time, question, defaulted, ...(linked[0] ? { linked: linked[0] } : {}) };
  if (every === 'day') return { cadence: { every: 'day' }, ...common };
  if (every === 'week') {
    if (weekdays.length === 0) defaulted.push('weekday');
    return { cadence: { every: 'week', weekday: weekdays[0] ?? 'MON' }, ...common };
  }
  if (lastDay.length > 0) return { cadence: { every: 'month', day: 'last' }, ...common };
  const day = days[0];
  if (day === undefined) {
    defaulted.push('day');
    return { cadence: { every: 'month', day: 1 }, ...common };
  }
  if (day < 1 || day > 31) throw notUnderstood(`There is no day ${day} in a month; pick the 1st to the 31st.`);
  if (day > 28) return { cadence: { every: 'month', day: 'last' }, ...common, askedDay: day };
  return { cadence: { every: 'month', day }, ...common };
}

function readTimes(take: (pattern: RegExp) => RegExpExecArray[]): TimeOfDay[] {
  const times: TimeOfDay[] = [];
  for (const m of take(/\b(?:at )?(\d{1,2})[:.](\d{2}) ?([ap]\.?m\.?)?(?= )/)) {
    times.push(timeOf(Number(m[1]), Number(m[2]), m[3], m[0]));
  }
  for (const m of take(/\b(?:at )?(\d{1,2}) ?([ap]\.?m\.?)(?= )/)) times.push(timeOf(Number(m[1]), 0, m[2], m[0]));
  for (const m of take(/\bat (\d{1,2})(?= )/)) times.push(timeOf(Number(m[1]), 0, undefined, m[0]));
  for (const m of take(/\b(?:at )?(noon|midday|midnight)\b/)) {
    times.push({ hour: m[1]!.toLowerCase() === 'midnight' ? 0 : 12, minute: 0 });
  }
  return times;
}

function timeOf(hour: number, minute: number, meridiem: string | undefined, typed: string): TimeOfDay {
  const bad = () => notUnderstood(`“${typed.trim()}” is not a time of day; write it as 9:00, 17:30 or 8am.`);
  if (minute > 59) throw bad();
  if (meridiem === undefined) {
    if (hour > 23) throw bad();
    return { hour, minute };
  }
  if (hour < 1 || hour > 12) throw bad();
  const pm = meridiem.toLowerCase().startsWith('p');
  return { hour: (hour % 12) + (pm ? 12 : 0), minute };
}

function cadenceName(every: string): string {
  return every === 'day' ? 'daily' : every === 'week' ? 'weekly' : 'monthly';
}

function titleCase(weekday: Weekday): string {
  const name = Object.keys(WEEKDAY_NAMES).find(
    (candidate) => candidate.length > 5 && WEEKDAY_NAMES[candidate] === weekday,
  );
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : weekday;
}

function notUnderstood(message: string): WorkerError {
  return new WorkerError('DIGEST_NOT_UNDERSTOOD', message);
}
