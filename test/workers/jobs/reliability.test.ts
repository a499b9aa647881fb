import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BlobStore } from '../../../core/blob-store';
import { referenceOf, scopeOf, type IngestJob } from '../../../core/job';
import { S3BlobStore } from '../../../core/s3-blob-store';
import { channelCatalog } from '../../../workers/catalog/channel-catalog';
import { JobLedger } from '../../../workers/jobs/job-ledger';
import {
  CHANNEL_A,
  DEAD_URL,
  FIRST,
  LAST,
  s3Client,
  threadOf,
  TOKEN,
  WorkerHarness,
} from '../../support/worker-harness';
import { TEST_BUCKET } from '../../support/s3rver';

/** The real store, except that the first write whose key matches dies as if the worker had crashed there. */
function crashOnce(store: BlobStore, at: (key: string) => boolean): BlobStore {
  let crashed = false;
  return {
    ...store,
    get: (key) => store.get(key),
    getFile: (key, path) => store.getFile(key, path),
    list: (prefix) => store.list(prefix),
    putFile: (key, path, type) => store.putFile(key, path, type),
    delete: (key) => store.delete(key),
    put: async (key, body, type) => {
      if (!crashed && at(key)) {
        crashed = true;
        throw new Error('worker crashed');
      }
      return store.put(key, body, type);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real store, except that listing datasets and fetching a dataset's data are slow. */
function slowStore(store: BlobStore, delayMs: number, seen: { folderThere: boolean[] } = { folderThere: [] }) {
  return {
    ...store,
    get: (key: string) => store.get(key),
    put: (...args: Parameters<BlobStore['put']>) => store.put(...args),
    putFile: (...args: Parameters<BlobStore['putFile']>) => store.putFile(...args),
    delete: (key: string) => store.delete(key),
    list: async (prefix: string) => {
      await sleep(delayMs);
      return store.list(prefix);
    },
    getFile: async (key: string, path: string) => {
      await sleep(delayMs);
      seen.folderThere.push(existsSync(dirname(path)));
      return store.getFile(key, path);
    },
  } satisfies BlobStore;
}

// Integration: FakeSlack and s3rver on loopback, real DuckDB and charts.
describe('reliability', () => {
  let harness: WorkerHarness;
  let dataset: IngestJob;

  beforeAll(async () => {
    harness = await WorkerHarness.start();
    dataset = await harness.shareFile(CHANNEL_A, 'teams.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\nRed,11\n'));
    await harness.run(dataset);
  });
  afterAll(async () => {
    expect(harness.logs.lines.join('\n')).not.toContain(TOKEN);
    await harness.stop();
  });

  const placeholderOf = (job: { placeholder?: { ts: string } }) => harness.message(CHANNEL_A, job.placeholder!.ts);
  const answersIn = (thread: string) =>
    harness.thread(CHANNEL_A, thread).filter((m) => m.text?.startsWith('Red had the highest Sales'));

  it('posts one answer and one chart when a job that crashed after answering is retried', async () => {
    const job = await harness.reply(CHANNEL_A, dataset.message as string, 'total sales by team');
    // The crash comes after the chart and the answer were posted: when the thread's state is saved.
    const crashing = harness.handler({ store: crashOnce(harness.store, (key) => key.startsWith('threads/')) });
    await expect(crashing(job, FIRST)).rejects.toThrow('worker crashed');
    await crashing(job, { number: 2, last: false });

    expect(answersIn(threadOf(job))).toHaveLength(1);
    const charts = harness.uploadsIn(CHANNEL_A, threadOf(job)).filter((u) => u.filename !== 'overview.png');
    expect(charts.map((u) => u.title)).toEqual([expect.stringMatching(/Sales by Team/)]);
  });

  it('posts one answer when the same job is delivered three times', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team');
    for (let i = 1; i <= 3; i++) await harness.run(job, { number: 1, last: false });

    expect(answersIn(threadOf(job))).toHaveLength(1);
    expect(harness.uploadsIn(CHANNEL_A, threadOf(job))).toHaveLength(1);
    const updates = harness.slack.callsOf('chat.update').filter((c) => c.params.ts === job.placeholder!.ts);
    const afterFirst = updates.length;
    await harness.run(job);
    expect(harness.slack.callsOf('chat.update').filter((c) => c.params.ts === job.placeholder!.ts)).toHaveLength(
      afterFirst,
    );
  });

  it('waits out a 429 from Slack for its Retry-After and then answers', async () => {
    const job = await harness.reply(CHANNEL_A, dataset.message as string, 'total sales by team');
    const posts = harness.slack.callsOf('chat.postMessage').length;
    harness.slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const started = Date.now();
    await harness.run(job);

    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(harness.slack.callsOf('chat.postMessage').length - posts).toBe(2);
    expect(answersIn(threadOf(job)).length).toBeGreaterThanOrEqual(1);
  });

  it('on an S3 outage says it is retrying, then on the last attempt what broke, and fails for the DLQ', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team');
    const down = harness.handler({ store: new S3BlobStore(TEST_BUCKET, s3Client(DEAD_URL)) });

    await expect(down(job, FIRST)).rejects.toThrow('Storage is unavailable');
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('trying again');

    await expect(down(job, LAST)).rejects.toThrow('Storage is unavailable');
    const told = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(told.text).toContain('Something broke on our side');
    expect(JSON.stringify(told.blocks)).toContain(referenceOf(job.id));
    expect(harness.logs.lines.some((line) => line.includes(job.id) && line.includes('"level":"ERROR"'))).toBe(true);
  });

  it('says on the last try after a failure what to do if that try dies too, and answers normally when it does not', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team');
    const updates = () => harness.slack.callsOf('chat.update').filter((call) => call.params.ts === job.placeholder!.ts);

    await harness.run(job, { number: 1, last: false });
    const firstTry = updates().map((call) => JSON.stringify(call.params.blocks));
    const retried = await harness.command(CHANNEL_A, 'total sales by team');
    await harness.run(retried, LAST);
    const lastTry = harness.slack
      .callsOf('chat.update')
      .filter((call) => call.params.ts === retried.placeholder!.ts)
      .map((call) => JSON.stringify(call.params.blocks));

    expect(firstTry.some((blocks) => blocks.includes('Last try'))).toBe(false);
    const progress = lastTry.slice(0, -1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((blocks) => blocks.includes(`Last try`) && blocks.includes(referenceOf(retried.id)))).toBe(
      true,
    );
    expect(lastTry.at(-1)).not.toContain('Last try');
    expect(placeholderOf(retried).text).toMatch(/^Red had the highest Sales/);
  });

  describe('a job given up at its time limit while its work runs on', () => {
    const ledgerDone = async (jobId: string) =>
      (await JobLedger.open(channelCatalog(harness.store, scopeOf(dataset.conversation)), jobId)).done;

    it('does not answer over the notice nor count as done, and its retry answers once', async () => {
      const job = await harness.listOrHelp(CHANNEL_A, 'list');
      const slow = harness.handler({ store: slowStore(harness.store, 600) });

      await expect(slow(job, FIRST, { timeLimitMs: 200, windDownMs: 2000 })).rejects.toThrow('time limit');
      await sleep(800);

      expect(placeholderOf(job).text).toContain('took longer than I’m allowed');
      expect(await ledgerDone(job.id)).toBe(false);
      await harness.run(job, { number: 2, last: false });
      expect(placeholderOf(job).text).toBe('1 dataset in this channel');
      expect(placeholderOf(job).history.filter((text) => text === '1 dataset in this channel')).toHaveLength(1);
    });

    it('keeps its folder until the work has ended, then removes it', async () => {
      const job = await harness.command(CHANNEL_A, 'total sales by team');
      const seen = { folderThere: [] as boolean[] };
      const deps = harness.deps({ store: slowStore(harness.store, 600, seen) });
      const slow = harness.handler(deps);

      await expect(slow(job, FIRST, { timeLimitMs: 800, windDownMs: 2000 })).rejects.toThrow('time limit');
      await sleep(800);

      expect(seen.folderThere).toEqual([true]);
      expect(readdirSync(deps.tmpDir!)).toEqual([]);
      expect(placeholderOf(job).text).toContain('took longer than I’m allowed');
    });
  });

  describe('the Slack bot token', () => {
    it('is read within the job’s time limit, so a slow Secrets Manager cannot eat the margin kept after it', async () => {
      const job = await harness.listOrHelp(CHANNEL_A, 'help');
      const slowSecrets = {
        get: async (name: string) => (await sleep(800), name === 'slackBotToken' ? TOKEN : undefined),
      };
      const started = Date.now();

      await expect(
        harness.handler({ secrets: slowSecrets })(job, FIRST, { timeLimitMs: 300, windDownMs: 200 }),
      ).rejects.toThrow('time limit');
      expect(Date.now() - started).toBeLessThan(800);
    });

    it('that cannot be read fails the job with a log line saying nobody could be told', async () => {
      const job = await harness.listOrHelp(CHANNEL_A, 'help');
      const broken = { get: () => Promise.reject(new Error('AccessDeniedException')) };

      await expect(harness.handler({ secrets: broken })(job, FIRST, { timeLimitMs: 5000 })).rejects.toThrow(
        'AccessDeniedException',
      );
      const logged = harness.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(
        expect.objectContaining({
          level: 'ERROR',
          message: 'the job failed before its conversation was open to tell the person',
          jobId: job.id,
        }),
      );
      expect(placeholderOf(job).history).toEqual(['Working on it…']);
    });
  });

  it('on a Slack outage fails the job on its last attempt, for the DLQ', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team');
    const failed = harness.metrics.filter((m) => m.name === 'JobsFailed').length;
    const down = harness.handler({ slackApiUrl: `${DEAD_URL}/api/` });

    await expect(down(job, LAST)).rejects.toThrow();
    expect(harness.metrics.filter((m) => m.name === 'JobsFailed')).toHaveLength(failed + 1);
    // Once Slack is back, the job's redelivery (from the DLQ's redrive) still answers.
    await harness.run(job);
    expect(answersIn(threadOf(job))).toHaveLength(1);
  });
});
