import { Cron } from 'croner';
import { z } from 'zod';

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * How often a digest runs. A monthly day is 1–28 or `last`: the 29th–31st do not exist in every
 * month, and "the 31st" means the month's last day, so it is stored as `last` (cron's `L`, which
 * both EventBridge and croner understand).
 */
export const Cadence = z.discriminatedUnion('every', [
  z.object({ every: z.literal('day') }),
  z.object({ every: z.literal('week'), weekday: z.enum(WEEKDAYS) }),
  z.object({ every: z.literal('month'), day: z.union([z.number().int().min(1).max(28), z.literal('last')]) }),
]);
export type Cadence = z.infer<typeof Cadence>;

export const TimeOfDay = z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) });
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** An IANA time zone this runtime knows (`Europe/Berlin`, `UTC`); EventBridge takes the same names. */
export const TimeZone = z
  .string()
  .min(1)
  .max(50)
  .refine((zone) => isTimeZone(zone), 'not a known IANA time zone');

/** When a digest runs: a cadence and a time of day in a time zone. */
export const DigestTiming = z.object({ cadence: Cadence, time: TimeOfDay, timeZone: TimeZone });
export type DigestTiming = z.infer<typeof DigestTiming>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The standard five cron fields (minute hour day-of-month month day-of-week), as croner reads them. */
export function cronPattern(timing: DigestTiming): string {
  const { minute, hour } = timing.time;
  const cadence = timing.cadence;
  if (cadence.every === 'day') return `${minute} ${hour} * * *`;
  if (cadence.every === 'week') return `${minute} ${hour} * * ${cadence.weekday}`;
  return `${minute} ${hour} ${cadence.day === 'last' ? 'L' : cadence.day} * *`;
}

/**
 * EventBridge Scheduler's six-field cron, read in the schedule's time zone: one of day-of-month and
 * day-of-week must be `?`, and a year field closes it.
 */
export function eventBridgeCron(timing: DigestTiming): string {
  const { minute, hour } = timing.time;
  const cadence = timing.cadence;
  if (cadence.every === 'day') return `cron(${minute} ${hour} * * ? *)`;
  if (cadence.every === 'week') return `cron(${minute} ${hour} ? * ${cadence.weekday} *)`;
  return `cron(${minute} ${hour} ${cadence.day === 'last' ? 'L' : cadence.day} * ? *)`;
}

/**
 * The first run strictly after `after`. A time that a spring daylight-saving change skips runs at
 * the first minute after the gap; a time an autumn change repeats runs once.
 */
export function nextRunAfter(timing: DigestTiming, after: Date): Date {
  const next = new Cron(cronPattern(timing), { timezone: timing.timeZone, paused: true }).nextRun(after);
  // Every cadence here matches at least once a month, so croner always finds one.
  if (!next) throw new RangeError(`No run of ${cronPattern(timing)} after ${after.toISOString()}.`);
  return next;
}
