import { SQSClient } from '@aws-sdk/client-sqs';
import { Job, jobIdFor, messageGroupOf, type QuestionJob } from '../../core/job';
import type { JobQueue } from '../../core/job-queue';
import { MemoryJobQueue } from '../../core/memory-job-queue';
import { SqsJobQueue } from '../../core/sqs-job-queue';
import { FakeSqs } from '../fakes/sqs-api';

function question(channel: string, eventKey: string): QuestionJob {
  return {
    version: 1,
    id: jobIdFor('slack', eventKey),
    kind: 'question',
    text: 'revenue trends',
    via: 'command',
    conversation: { platform: 'slack', team: 'T1', channel },
    requestedBy: { id: 'U1' },
    placeholder: { channel, ts: '1700000000.000200' },
    receivedAt: '2026-11-26T00:00:00.000Z',
  };
}

/** A queue and what a consumer of it would be handed, with the conversation group each came in. */
interface Subject {
  queue: JobQueue;
  delivered(): Promise<{ job: Job; group: string }[]>;
  stop(): Promise<void>;
}

async function memorySubject(): Promise<Subject> {
  const handled: { job: Job; group: string }[] = [];
  const queue = new MemoryJobQueue(async (job) => void handled.push({ job, group: messageGroupOf(job.conversation) }));
  return { queue, delivered: async () => (await queue.idle(), handled), stop: async () => undefined };
}

async function sqsSubject(): Promise<Subject> {
  const sqs = await new FakeSqs().start();
  const client = new SQSClient({
    endpoint: sqs.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    queue: new SqsJobQueue(sqs.queueUrl(), client),
    delivered: async () => sqs.queued.map((m) => ({ job: Job.parse(JSON.parse(m.body)), group: m.groupId ?? '' })),
    stop: () => sqs.stop(),
  };
}

// One contract for the edge's queue, locally and on SQS FIFO (the loopback fake keeps FIFO deduplication).
describe.each([
  ['the in-process queue', memorySubject],
  ['SQS FIFO', sqsSubject],
] as const)('JobQueue: %s', (_name, make) => {
  let subject: Subject;
  beforeEach(async () => (subject = await make()));
  afterEach(() => subject.stop());

  it('hands over the job as it was given, in its conversation group', async () => {
    const job = question('C1', 'Ev1');
    await subject.queue.enqueue(job);

    expect(await subject.delivered()).toEqual([{ job, group: 'T1.C1' }]);
  });

  it('delivers an event enqueued three times (Slack retries) once', async () => {
    for (let i = 0; i < 3; i++) await subject.queue.enqueue(question('C1', 'Ev1'));

    expect(await subject.delivered()).toHaveLength(1);
  });

  it('keeps different events and conversations apart', async () => {
    await subject.queue.enqueue(question('C1', 'Ev1'));
    await subject.queue.enqueue(question('C1', 'Ev2'));
    await subject.queue.enqueue(question('C2', 'Ev3'));

    // Conversations run side by side, so only the order within one is fixed.
    const delivered = await subject.delivered();
    expect(delivered.filter((d) => d.group === 'T1.C1').map((d) => d.job.id)).toEqual([
      jobIdFor('slack', 'Ev1'),
      jobIdFor('slack', 'Ev2'),
    ]);
    expect(delivered.filter((d) => d.group === 'T1.C2')).toHaveLength(1);
  });

  it('refuses a job that breaks the schema before anything is sent', async () => {
    await expect(subject.queue.enqueue({ ...question('C1', 'Ev1'), text: '' })).rejects.toThrow();

    expect(await subject.delivered()).toHaveLength(0);
  });
});
