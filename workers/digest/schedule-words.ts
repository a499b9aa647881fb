import { isTimeZone, type Cadence, type DigestTiming, type TimeOfDay } from '../../core/digest-cadence';

const WEEKDAY_WORDS = {
  SUN: 'Sunday',
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
} as const;

/** The subscriber's zone as the platform gave it (Slack `users.info` tz, Teams `localTimezone`), or UTC. */
export interface SubscriberZone {
  timeZone: string;
  /** False when the platform said nothing usable and UTC stands in; the confirmation says so. */
  known: boolean;
}

export function subscriberZone(fromPlatform: string | undefined): SubscriberZone {
  return fromPlatform && isTimeZone(fromPlatform)
    ? { timeZone: fromPlatform, known: true }
    : { timeZone: 'UTC', known: false };
}

export function timeWords(time: TimeOfDay): string {
  return `${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

/** "every Monday at 9:00", "on the last day of every month at 8:30". */
export function cadenceWords(cadence: Cadence, time: TimeOfDay): string {
  const at = `at ${timeWords(time)}`;
  if (cadence.every === 'day') return `every day ${at}`;
  if (cadence.every === 'week') return `every ${WEEKDAY_WORDS[cadence.weekday]} ${at}`;
  if (cadence.day === 'last') return `on the last day of every month ${at}`;
  return `on the ${ordinal(cadence.day)} of every month ${at}`;
}

/** "Monday 7 December 2026 at 9:00", read on the wall clock of `timeZone`. */
export function dateTimeWords(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${Number(parts.hour)}:${parts.minute}`;
}

export interface ConfirmationFacts {
  question: string;
  timing: DigestTiming;
  zoneKnown: boolean;
  firstRun: Date;
  /** What the person left out and so took its default. */
  defaulted: ('weekday' | 'day' | 'time')[];
  /** A monthly day past the 28th, stored as the month's last day. */
  askedDay?: number;
  /** Set up by a button, where nobody typed a day or time to leave out. */
  fromButton?: boolean;
}

/**
 * The reply to a new subscription: what will come, when, and in which time zone, in words a
 * manager can check at a glance, including any default taken and how a short month is handled.
 */
export function subscriptionConfirmation(facts: ConfirmationFacts): string {
  const { timing } = facts;
  const zone = timing.timeZone;
  const lines = [
    `Digest set up: “${facts.question}” ${cadenceWords(timing.cadence, timing.time)} (${zone} time).`,
    `The first one arrives on ${dateTimeWords(facts.firstRun, zone)}.`,
  ];
  if (facts.askedDay !== undefined) {
    lines.push(
      `You asked for the ${ordinal(facts.askedDay)}: months without one get their digest on their last day, so it comes on the last day of every month.`,
    );
  }
  const defaults = facts.defaulted.map((part) =>
    part === 'time'
      ? 'no time was given, so 9:00'
      : part === 'weekday'
        ? 'no day was given, so Monday'
        : 'no day was given, so the 1st',
  );
  if (facts.fromButton) {
    lines.push(
      `(You can change it: delete it in \`digests\` and write \`digest weekly ${facts.question} on Friday 8:00\` with the day and time you want.)`,
    );
  } else if (defaults.length > 0) lines.push(`(${defaults.join('; ')}.)`);
  if (!facts.zoneKnown) lines.push('Your time zone is not known to me, so times are in UTC.');
  return lines.join('\n');
}

export function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`;
}
