import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { jobOfMessage, type DigestSchedule } from '../../core/digest-scheduler';
import { EventBridgeDigestScheduler } from '../../core/eventbridge-digest-scheduler';
import { Job, messageGroupOf } from '../../core/job';
import { FakeScheduler } from '../fakes/scheduler-api';

// Integration: the real Scheduler client against the loopback fake of its REST-JSON API.
const GROUP = 'AnalyticsBot-digests';
const QUEUE = 'arn:aws:sqs:us-east-1:000000000000:AnalyticsBot-Jobs.fifo';

const weekly: DigestSchedule = {
  digest: 'd0123456789abcdef',
  timing: { cadence: { every: 'week', weekday: 'MON' }, time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' },
  conversation: { platform: 'slack', team: 'T0001', channel: 'C0001' },
  owner: { id: 'U0001', name: 'Maria' },
};

let fake: FakeScheduler;
let scheduler: EventBridgeDigestScheduler;

beforeEach(async () => {
  fake = await new FakeScheduler([GROUP]).start();
  const client = new SchedulerClient({
    endpoint: fake.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 2,
  });
  scheduler = new EventBridgeDigestScheduler({
    client,
    groupName: GROUP,
    queueArn: QUEUE,
    roleArn: 'arn:aws:iam::000000000000:role/digest-scheduler',
    deadLetterQueueArn: 'arn:aws:sqs:us-east-1:000000000000:digest-dlq',
    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 },
  });
});
afterEach(() => fake.stop());

describe('EventBridge digest schedules', () => {
  it('creates one schedule per digest in the group, in the subscriber’s time zone, with no flexible window', async () => {
    await scheduler.put(weekly);
    const stored = fake.schedule(GROUP, weekly.digest);
    expect(stored).toMatchObject({
      ScheduleExpression: 'cron(0 9 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: QUEUE,
        SqsParameters: { MessageGroupId: messageGroupOf(weekly.conversation) },
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:digest-dlq' },
      },
    });
  });

  it('sends a message that becomes the digest job for the run’s scheduled time', async () => {
    await scheduler.put(weekly);
    const body = fake.fire(GROUP, weekly.digest, '2026-12-07T08:00:00Z');
    const job = Job.parse(jobOfMessage(JSON.parse(body)));
    expect(job).toMatchObject({
      kind: 'digest',
      digest: weekly.digest,
      dueAt: '2026-12-07T08:00:00.000Z',
      conversation: weekly.conversation,
      requestedBy: weekly.owner,
    });
  });

  it('a run delivered twice has the same body (content-based dedup) and job id; the next run does not', async () => {
    await scheduler.put(weekly);
    const first = fake.fire(GROUP, weekly.digest, '2026-12-07T08:00:00Z', 1);
    const retried = fake.fire(GROUP, weekly.digest, '2026-12-07T08:00:00Z', 2);
    const nextWeek = fake.fire(GROUP, weekly.digest, '2026-12-14T08:00:00Z');
    expect(retried).toBe(first);
    const idOf = (body: string) => Job.parse(jobOfMessage(JSON.parse(body))).id;
    expect(idOf(retried)).toBe(idOf(first));
    expect(idOf(nextWeek)).not.toBe(idOf(first));
  });

  it('updates the timing of an existing schedule in place', async () => {
    await scheduler.put(weekly);
    await scheduler.put({
      ...weekly,
      timing: { cadence: { every: 'month', day: 'last' }, time: { hour: 8, minute: 30 }, timeZone: 'America/New_York' },
    });
    expect(fake.schedules.size).toBe(1);
    expect(fake.schedule(GROUP, weekly.digest)).toMatchObject({
      ScheduleExpression: 'cron(30 8 L * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
    });
    expect(fake.calls.map((call) => call.method)).toEqual(['GET', 'POST', 'GET', 'PUT']);
  });

  it('pauses and resumes, keeping the definition, and a paused digest stays paused when edited', async () => {
    await scheduler.put(weekly);
    await scheduler.pause(weekly.digest);
    expect(fake.schedule(GROUP, weekly.digest)).toMatchObject({
      State: 'DISABLED',
      ScheduleExpression: 'cron(0 9 ? * MON *)',
    });
    await scheduler.put({ ...weekly, timing: { ...weekly.timing, time: { hour: 10, minute: 0 } } });
    expect(fake.schedule(GROUP, weekly.digest)).toMatchObject({
      State: 'DISABLED',
      ScheduleExpression: 'cron(0 10 ? * MON *)',
    });
    await scheduler.resume(weekly.digest);
    expect(fake.schedule(GROUP, weekly.digest)?.State).toBe('ENABLED');
    expect(fake.fire(GROUP, weekly.digest, '2026-12-07T09:00:00Z')).toContain('"dueAt":"2026-12-07T09:00:00Z"');
  });

  it('deletes, and deleting again is not an error', async () => {
    await scheduler.put(weekly);
    await scheduler.delete(weekly.digest);
    await scheduler.delete(weekly.digest);
    expect(fake.schedules.size).toBe(0);
  });

  it('says which digest has no schedule when pausing an unknown one', async () => {
    await expect(scheduler.pause('dffffffffffffffff')).rejects.toMatchObject({ code: 'DIGEST_SCHEDULE_MISSING' });
  });

  it('turns an outage into a typed error after the client’s retries', async () => {
    fake.failNext(2);
    await expect(scheduler.put(weekly)).rejects.toMatchObject({ code: 'DIGEST_SCHEDULER_FAILED' });
    expect(fake.calls).toHaveLength(2);
  });
});
