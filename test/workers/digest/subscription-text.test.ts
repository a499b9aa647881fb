import { nextRunAfter } from '../../../core/digest-cadence';
import { subscriberZone, subscriptionConfirmation } from '../../../workers/digest/schedule-words';
import { readSubscription } from '../../../workers/digest/subscription-text';

describe('reading a digest subscription', () => {
  it.each([
    [
      'weekly sales by region on Monday 9:00',
      { cadence: { every: 'week', weekday: 'MON' }, time: { hour: 9, minute: 0 }, question: 'sales by region' },
    ],
    ['daily revenue at 8am', { cadence: { every: 'day' }, time: { hour: 8, minute: 0 }, question: 'revenue' }],
    [
      'monthly profit by category on the 1st at 9:00',
      { cadence: { every: 'month', day: 1 }, time: { hour: 9, minute: 0 }, question: 'profit by category' },
    ],
    [
      'every Friday at 5:30pm top 5 products by sales',
      {
        cadence: { every: 'week', weekday: 'FRI' },
        time: { hour: 17, minute: 30 },
        question: 'top 5 products by sales',
      },
    ],
    [
      'monthly sales on the 15th of the month at 17',
      { cadence: { every: 'month', day: 15 }, time: { hour: 17, minute: 0 }, question: 'sales' },
    ],
    ['every day at noon orders', { cadence: { every: 'day' }, time: { hour: 12, minute: 0 }, question: 'orders' }],
    [
      'monthly precipitation on the last day of the month at 12am',
      { cadence: { every: 'month', day: 'last' }, time: { hour: 0, minute: 0 }, question: 'precipitation' },
    ],
  ])('%s', (text, expected) => {
    expect(readSubscription(text)).toMatchObject(expected);
  });

  it('reads “the 31st” (and the 29th, 30th) as the last day of the month and remembers what was asked', () => {
    expect(readSubscription('monthly sales by segment on the 31st')).toMatchObject({
      cadence: { every: 'month', day: 'last' },
      askedDay: 31,
      defaulted: ['time'],
    });
    expect(readSubscription('monthly sales on the 30th at 9:00')).toMatchObject({ askedDay: 30 });
  });

  it('reads an S3 location after “from” before anything else, so the digits of its path are not a day or a time', () => {
    expect(
      readSubscription('weekly sales by region on Monday 9:00 from s3://acme-exports/nightly/2026/12:00/'),
    ).toEqual({
      cadence: { every: 'week', weekday: 'MON' },
      time: { hour: 9, minute: 0 },
      question: 'sales by region',
      defaulted: [],
      linked: 's3://acme-exports/nightly/2026/12:00/',
    });
  });

  it('keeps “on holidays” in the question: not every word ending in “day” is a weekday', () => {
    expect(readSubscription('weekly sales on holidays on Friday')).toMatchObject({
      cadence: { every: 'week', weekday: 'FRI' },
      question: 'sales on holidays',
    });
  });

  it('takes Monday, the 1st and 9:00 when they are not said, and says which it took', () => {
    expect(readSubscription('weekly sales')).toMatchObject({
      cadence: { every: 'week', weekday: 'MON' },
      time: { hour: 9, minute: 0 },
      defaulted: ['time', 'weekday'],
    });
    expect(readSubscription('monthly sales at 7:15').defaulted).toEqual(['day']);
  });

  it.each([
    ['sales by region on Monday 9:00', /how often/],
    ['daily weekly sales', /one cadence/],
    ['weekly sales on Monday and Friday', /one weekday/],
    ['daily sales on Monday', /weekly … on Monday/],
    ['weekly sales on the 3rd', /day of the month/],
    ['monthly sales on the 32nd', /no day 32/],
    ['daily sales at 25:00', /“at 25:00” is not a time of day/],
    ['daily sales at 13pm', /not a time of day/],
    ['daily sales at 9:00 and 17:00', /one time of day/],
    ['weekly on Monday at 9:00', /what the digest should be about/],
    ['weekly sales on Funday 9:00', /^I don’t know the day “Funday”; did you mean Sunday\? Write a weekday/],
    ['weekly sales every Caturday', /^I don’t know the day “Caturday”; /],
    ['weekly sales on Thrusday at 9:00', /^I don’t know the day “Thrusday”; did you mean Thursday\?/],
    ['daily sales from s3://a-bucket/x/ from s3://b-bucket/y/', /one S3 location/],
  ])('%s → a message saying what to write', (text, message) => {
    expect(() => readSubscription(text)).toThrow(
      expect.objectContaining({ code: 'DIGEST_NOT_UNDERSTOOD', message: expect.stringMatching(message) }),
    );
  });
});

describe('the confirmation', () => {
  it('says when the first weekly digest arrives, on the subscriber’s clock', () => {
    const request = readSubscription('weekly sales by region on Monday 9:00');
    const timing = { cadence: request.cadence, time: request.time, timeZone: 'Europe/Berlin' };
    // Wednesday 2 December 2026, 01:54 UTC: the next Monday 9:00 in Berlin is 7 December, 08:00 UTC.
    const firstRun = nextRunAfter(timing, new Date('2026-12-02T01:54:00Z'));
    expect(firstRun.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(subscriptionConfirmation({ ...request, timing, zoneKnown: true, firstRun })).toBe(
      'Digest set up: “sales by region” every Monday at 9:00 (Europe/Berlin time).\n' +
        'The first one arrives on Monday 7 December 2026 at 9:00.',
    );
  });

  it('a “31st” digest started in November says it comes on the last day and arrives on 30 November', () => {
    const request = readSubscription('monthly sales on the 31st at 8:30');
    const timing = { cadence: request.cadence, time: request.time, timeZone: 'America/New_York' };
    const firstRun = nextRunAfter(timing, new Date('2026-11-10T12:00:00Z'));
    const text = subscriptionConfirmation({ ...request, timing, zoneKnown: true, firstRun });
    expect(text).toContain('on the last day of every month at 8:30 (America/New_York time)');
    expect(text).toContain('The first one arrives on Monday 30 November 2026 at 8:30.');
    expect(text).toContain('You asked for the 31st: months without one get their digest on their last day');
  });

  it('falls back to UTC when the platform gave no usable zone, and says so', () => {
    expect(subscriberZone(undefined)).toEqual({ timeZone: 'UTC', known: false });
    expect(subscriberZone('Mars/Olympus_Mons')).toEqual({ timeZone: 'UTC', known: false });
    expect(subscriberZone('Asia/Kolkata')).toEqual({ timeZone: 'Asia/Kolkata', known: true });
    const request = readSubscription('daily revenue');
    const timing = { cadence: request.cadence, time: request.time, timeZone: 'UTC' };
    const firstRun = nextRunAfter(timing, new Date('2026-12-02T10:00:00Z'));
    const text = subscriptionConfirmation({ ...request, timing, zoneKnown: false, firstRun });
    expect(text).toContain('The first one arrives on Thursday 3 December 2026 at 9:00.');
    expect(text).toContain('(no time was given, so 9:00.)');
    expect(text).toContain('Your time zone is not known to me, so times are in UTC.');
  });
});
