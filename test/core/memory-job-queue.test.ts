import { jobIdFor, type Job } from '../../core/job';
import type { JobAttempt } from '../../core/job-queue';
import { MemoryJobQueue } from '../../core/memory-job-queue';

function question(channel: string, eventKey: string, text = 'revenue trends'): Job {
  return {
    version: 1,
    id: jobIdFor('slack', eventKey),
    kind: 'question',
    text,
    via: 'command',
    conversation: { platform: 'slack', team: 'T1', channel },
    requestedBy: { id: 'U1' },
    receivedAt: '2026-11-26T00:00:00.000Z',
  };
}

describe('MemoryJobQueue', () => {
  it('runs a job once when the same event is enqueued three times', async () => {
    const handled: string[] = [];
    const queue = new MemoryJobQueue(async (job) => void handled.push(job.id));

    for (let i = 0; i < 3; i++) await queue.enqueue(question('C1', 'Ev1'));
    await queue.idle();

    expect(handled).toEqual([jobIdFor('slack', 'Ev1')]);
  });

  it('forgets job ids once their deduplication window has passed, so a long-running bot does not grow', async () => {
    let now = 0;
    const handled: string[] = [];
    const queue = new MemoryJobQueue(async (job) => void handled.push(job.id), { dedupWindowMs: 1000, now: () => now });
    for (let i = 0; i < 50; i++) await queue.enqueue(question('C1', `Ev${i}`));
    expect(queue.remembered).toBe(50);

    now = 1500;
    await queue.enqueue(question('C1', 'Ev-late'));
    now = 2000;
    await queue.enqueue(question('C1', 'Ev-late'));
    await queue.idle();

    expect(queue.remembered).toBe(1);
    expect(handled.filter((id) => id === jobIdFor('slack', 'Ev-late'))).toHaveLength(1);
  });

  it('runs one conversation in order, one job at a time', async () => {
    const log: string[] = [];
    const queue = new MemoryJobQueue(async (job) => {
      log.push(`start ${job.kind === 'question' ? job.text : ''}`);
      await new Promise((resolve) => setTimeout(resolve, job.kind === 'question' && job.text === 'first' ? 30 : 1));
      log.push(`end ${job.kind === 'question' ? job.text : ''}`);
    });

    await queue.enqueue(question('C1', 'Ev1', 'first'));
    await queue.enqueue(question('C1', 'Ev2', 'second'));
    await queue.idle();

    expect(log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('redelivers a failed job and marks the last delivery', async () => {
    const attempts: JobAttempt[] = [];
    const queue = new MemoryJobQueue(
      async (_job, attempt) => {
        attempts.push(attempt);
        if (attempt.number < 2) throw new Error('flaky');
      },
      { maxReceives: 3, retryDelayMs: 1 },
    );

    await queue.enqueue(question('C1', 'Ev1'));
    await queue.idle();

    expect(attempts).toEqual([
      { number: 1, last: false },
      { number: 2, last: false },
    ]);
    expect(queue.deadLetters).toHaveLength(0);
  });

  it('dead-letters a job that fails every delivery, and goes on with the next', async () => {
    const done: string[] = [];
    const queue = new MemoryJobQueue(
      async (job) => {
        if (job.kind === 'question' && job.text === 'poison') throw new Error('always');
        done.push(job.id);
      },
      { maxReceives: 2, retryDelayMs: 1 },
    );

    await queue.enqueue(question('C1', 'Ev1', 'poison'));
    await queue.enqueue(question('C1', 'Ev2', 'fine'));
    await queue.idle();

    expect(queue.deadLetters.map((letter) => letter.job.id)).toEqual([jobIdFor('slack', 'Ev1')]);
    expect(done).toEqual([jobIdFor('slack', 'Ev2')]);
  });

  it('refuses a job that does not match the schema before queueing it', async () => {
    const queue = new MemoryJobQueue(async () => undefined);
    const broken = { ...question('C1', 'Ev1'), id: 'not-an-id' };

    await expect(queue.enqueue(broken)).rejects.toThrow();
  });
});
