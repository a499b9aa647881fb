import type { DigestTiming } from '../../core/digest-cadence';
import { digestJobOf, type DigestSchedule, type DigestTrigger } from '../../core/digest-scheduler';
import { LocalDigestScheduler } from '../../core/local-digest-scheduler';
import { MemoryJobQueue } from '../../core/memory-job-queue';
import type { Job } from '../../core/job';
import { ManualClock } from '../support/manual-clock';

const scheduleOf = (timing: DigestTiming, digest = 'd0123456789abcdef'): DigestSchedule => ({
  digest,
  timing,
  conversation: { platform: 'slack', team: 'T0001', channel: 'C0001' },
  owner: { id: 'U0001' },
});

function setUp(start: string) {
  const clock = new ManualClock(start);
  const fired: DigestTrigger[] = [];
  const scheduler = new LocalDigestScheduler({
    clock,
    onDue: (trigger) => {
      fired.push(trigger);
      return Promise.resolve();
    },
  });
  return { clock, fired, scheduler, dueTimes: () => fired.map((trigger) => trigger.dueAt) };
}

describe('local digest scheduler', () => {
  it('keeps 9:00 on Mondays in Berlin across the spring change (UTC moves from 08:00 to 07:00)', async () => {
    const { clock, scheduler, dueTimes } = setUp('2026-03-20T00:00:00Z');
    await scheduler.put(
      scheduleOf({
        cadence: { every: 'week', weekday: 'MON' },
        time: { hour: 9, minute: 0 },
        timeZone: 'Europe/Berlin',
      }),
    );
    clock.advanceTo('2026-04-07T00:00:00Z');
    expect(dueTimes()).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
  });

  it('keeps 8:00 daily in New York across the autumn change, once a day', async () => {
    const { clock, scheduler, dueTimes } = setUp('2026-10-31T00:00:00Z');
    await scheduler.put(
      scheduleOf({ cadence: { every: 'day' }, time: { hour: 8, minute: 0 }, timeZone: 'America/New_York' }),
    );
    clock.advanceTo('2026-11-03T00:00:00Z');
    expect(dueTimes()).toEqual(['2026-10-31T12:00:00.000Z', '2026-11-01T13:00:00.000Z', '2026-11-02T13:00:00.000Z']);
  });

  it('runs a time the spring change skips at the end of the gap, and a repeated autumn time once', async () => {
    const timing: DigestTiming = {
      cadence: { every: 'day' },
      time: { hour: 2, minute: 30 },
      timeZone: 'Europe/Berlin',
    };
    const spring = setUp('2026-03-28T12:00:00Z');
    await spring.scheduler.put(scheduleOf(timing));
    spring.clock.advanceTo('2026-03-30T12:00:00Z');
    // 02:30 does not exist on 29 March in Berlin; it posts at 03:00 CEST instead of not at all.
    expect(spring.dueTimes()).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);

    const autumn = setUp('2026-10-24T12:00:00Z');
    await autumn.scheduler.put(scheduleOf(timing));
    autumn.clock.advanceTo('2026-10-26T12:00:00Z');
    expect(autumn.dueTimes()).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('posts a “31st” digest on the last day of each month, 28 February included', async () => {
    const { clock, scheduler, dueTimes, fired } = setUp('2026-01-15T00:00:00Z');
    await scheduler.put(
      scheduleOf({ cadence: { every: 'month', day: 'last' }, time: { hour: 9, minute: 0 }, timeZone: 'UTC' }),
    );
    clock.advanceTo('2026-05-01T00:00:00Z');
    expect(dueTimes()).toEqual([
      '2026-01-31T09:00:00.000Z',
      '2026-02-28T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
      '2026-04-30T09:00:00.000Z',
    ]);
    // A month's wait is longer than a Node timer can hold: the waits are cut and re-armed.
    expect(clock.longestWaitMs).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(fired).toHaveLength(4);
  });

  it('a paused digest does not run; resumed, it runs from the next time on, not the missed ones', async () => {
    const { clock, scheduler, dueTimes } = setUp('2026-12-01T00:00:00Z');
    const schedule = scheduleOf({ cadence: { every: 'day' }, time: { hour: 9, minute: 0 }, timeZone: 'UTC' });
    await scheduler.put(schedule);
    await scheduler.pause(schedule.digest);
    clock.advanceTo('2026-12-03T12:00:00Z');
    expect(dueTimes()).toEqual([]);
    await scheduler.resume(schedule.digest);
    expect(scheduler.nextRun(schedule.digest)?.toISOString()).toBe('2026-12-04T09:00:00.000Z');
    await scheduler.delete(schedule.digest);
    clock.advanceTo('2026-12-06T00:00:00Z');
    expect(dueTimes()).toEqual([]);
  });

  it('after sleeping through a week of daily runs, sends one digest, for the latest run, on waking, not eight', async () => {
    const { clock, scheduler, dueTimes } = setUp('2026-12-01T00:00:00Z');
    await scheduler.put(scheduleOf({ cadence: { every: 'day' }, time: { hour: 9, minute: 0 }, timeZone: 'UTC' }));
    clock.sleepUntil('2026-12-08T10:00:00Z');
    expect(dueTimes()).toEqual(['2026-12-08T09:00:00.000Z']);
    clock.advanceTo('2026-12-09T10:00:00Z');
    expect(dueTimes()).toEqual(['2026-12-08T09:00:00.000Z', '2026-12-09T09:00:00.000Z']);
  });

  it('a run handed over twice (a schedule that fired twice) is one job on the queue', async () => {
    const handled: Job[] = [];
    const queue = new MemoryJobQueue(
      (job) => {
        handled.push(job);
        return Promise.resolve();
      },
      { now: () => Date.parse('2026-12-07T09:00:00Z') },
    );
    const schedule = scheduleOf({ cadence: { every: 'day' }, time: { hour: 9, minute: 0 }, timeZone: 'UTC' });
    const trigger: DigestTrigger = {
      trigger: 'digest',
      version: 1,
      digest: schedule.digest,
      conversation: schedule.conversation,
      owner: schedule.owner,
      dueAt: '2026-12-07T09:00:00.000Z',
    };
    await queue.enqueue(digestJobOf(trigger));
    await queue.enqueue(digestJobOf({ ...trigger, dueAt: '2026-12-07T09:00:00Z' }));
    await queue.idle();
    expect(handled).toHaveLength(1);
    await queue.enqueue(digestJobOf({ ...trigger, dueAt: '2026-12-08T09:00:00Z' }));
    await queue.idle();
    expect(handled).toHaveLength(2);
  });
});
