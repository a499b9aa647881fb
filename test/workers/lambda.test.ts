import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import { referenceOf, type IngestJob } from '../../core/job';
import { S3BlobStore } from '../../core/s3-blob-store';
import { createJobHandler } from '../../workers/jobs/job-handler';
import { sqsRetryDelay, type RetryDelay } from '../../workers/jobs/retry-visibility';
import { createSqsHandler, type SqsHandlerDeps } from '../../workers/lambda';
import { FakeSqs } from '../fakes/sqs-api';
import { TEST_BUCKET } from '../support/s3rver';
import { lambdaContext, lambdaContextEnding, lambdaContextWith, sqsEvent, sqsRecord } from '../support/sqs-events';
import { CHANNEL_A, DEAD_URL, s3Client, TOKEN, WorkerHarness } from '../support/worker-harness';

const MAX_RECEIVES = 5;

const sleep = (ms: number) => new Promise<'still running'>((resolve) => setTimeout(resolve, ms, 'still running'));

// Integration: the SQS entry point with Powertools' real logger, metrics and batch processing.
describe('worker Lambda', () => {
  let harness: WorkerHarness;
  let dataset: IngestJob;
  let stdout: string[];
  let restore: () => void;
  const sqs = new FakeSqs();

  beforeAll(async () => {
    [harness] = await Promise.all([WorkerHarness.start(), sqs.start()]);
    dataset = await harness.shareFile(CHANNEL_A, 'teams.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\nRed,11\n'));
    await harness.run(dataset);
  });
  // Powertools writes to the process's streams (stdout, and stderr for warnings and errors), as Lambda captures them.
  beforeEach(() => {
    stdout = [];
    const streams = [process.stdout, process.stderr];
    const writes = streams.map((stream) => stream.write);
    for (const stream of streams) {
      stream.write = ((chunk: string | Uint8Array) => {
        stdout.push(String(chunk));
        return true;
      }) as typeof stream.write;
    }
    restore = () => streams.forEach((stream, i) => (stream.write = writes[i]!));
  });
  afterEach(() => {
    restore();
    // A test that breaks Slack for "everything" may leave some of its faults unused.
    harness.slack.clearFaults();
  });
  afterAll(() => Promise.all([harness.stop(), sqs.stop()]));

  function lambda(overrides: Parameters<WorkerHarness['deps']>[0] = {}, sqsDeps: Partial<SqsHandlerDeps> = {}) {
    const logger = new Logger({ serviceName: 'analytics-worker', logLevel: 'INFO' });
    const metrics = new Metrics({ namespace: 'AnalyticsBot', serviceName: 'analytics-worker' });
    const handleJob = createJobHandler(harness.deps({ logger, metrics, ...overrides }));
    return createSqsHandler({ handleJob, maxReceives: MAX_RECEIVES, logger, metrics, ...sqsDeps });
  }

  const sqsClient = (endpoint: string) =>
    new SQSClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });

  const jsonLines = () =>
    stdout
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('fails a poison message alone in a batch of three and answers the other two', async () => {
    const first = await harness.command(CHANNEL_A, 'total sales by team');
    const second = await harness.listOrHelp(CHANNEL_A, 'list');
    // A message from another conversation's group, as a broken sender would put on the queue.
    const poison = sqsRecord(
      JSON.stringify({ version: 1, kind: 'question', text: 'no id, no conversation' }),
      1,
      'x.y',
    );

    const response = await lambda()(
      sqsEvent(sqsRecord(JSON.stringify(first)), poison, sqsRecord(JSON.stringify(second))),
      lambdaContext,
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: poison.messageId }]);
    expect(harness.message(CHANNEL_A, first.placeholder!.ts).text).toMatch(/^Red had the highest Sales/);
    expect(harness.message(CHANNEL_A, second.placeholder!.ts).text).toBe('1 dataset in this channel');
    expect(jsonLines().some((line) => line.message === 'poison message' && line.level === 'ERROR')).toBe(true);
  });

  it("holds back the rest of a conversation's batch after one of its records fails, so its jobs stay in order", async () => {
    const after = await harness.command(CHANNEL_A, 'total sales by team');
    const records = [sqsRecord('not a job'), sqsRecord(JSON.stringify(after))];

    const response = await lambda()(sqsEvent(...records), lambdaContext);

    expect(response.batchItemFailures).toEqual(records.map((record) => ({ itemIdentifier: record.messageId })));
    expect(harness.message(CHANNEL_A, after.placeholder!.ts).history).toHaveLength(1);
  });

  it('tells the person on the delivery that reaches maxReceiveCount, and reports the failure for the DLQ', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team');
    const handler = lambda({ store: new S3BlobStore(TEST_BUCKET, s3Client(DEAD_URL)) });
    const early = sqsRecord(JSON.stringify(job), MAX_RECEIVES - 1);
    expect((await handler(sqsEvent(early), lambdaContext)).batchItemFailures).toEqual([
      { itemIdentifier: early.messageId },
    ]);
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('trying again');

    const last = sqsRecord(JSON.stringify(job), MAX_RECEIVES);
    expect((await handler(sqsEvent(last), lambdaContext)).batchItemFailures).toEqual([
      { itemIdentifier: last.messageId },
    ]);
    const told = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(told.text).toContain('Something broke on our side');
    expect(JSON.stringify(told.blocks)).toContain(referenceOf(job.id));
  });

  it('refuses a file too wide to read on its first delivery: the person is told why once, and it is not retried', async () => {
    const header = Array.from({ length: 1500 }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: 1500 }, (_, i) => i).join(',');
    const job = await harness.shareFile(CHANNEL_A, 'wide.csv', Buffer.from(`${header}\n${row}\n`));

    const response = await lambda()(sqsEvent(sqsRecord(JSON.stringify(job), 1)), lambdaContext);

    expect(response.batchItemFailures).toEqual([]);
    const told = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(told.text).toMatch(/wide\.csv.*1,?500 columns/);
    expect(told.history.some((text) => text.includes('trying again'))).toBe(false);
  });

  it('logs structured JSON lines carrying the job id, emits job metrics, and never logs the token', async () => {
    const ok = await harness.command(CHANNEL_A, 'total sales by team');
    const failing = await harness.command(CHANNEL_A, 'total sales by team');
    await lambda()(sqsEvent(sqsRecord(JSON.stringify(ok))), lambdaContext);
    harness.slack.inject('chat.update', { kind: 'error', error: 'invalid_auth' }, 20);
    await lambda()(sqsEvent(sqsRecord(JSON.stringify(failing), MAX_RECEIVES)), lambdaContext);

    const lines = jsonLines();
    const finished = lines.find((line) => line.message === 'job finished');
    expect(finished).toMatchObject({ level: 'INFO', jobId: ok.id, jobKind: 'question', outcome: 'done' });
    const failed = lines.find((line) => line.level === 'ERROR' && line.jobId === failing.id);
    expect(failed?.error).toMatchObject({ name: 'WebAPIPlatformError', code: 'slack_webapi_platform_error' });
    const emf = lines.filter((line) => '_aws' in line);
    expect(emf.flatMap((line) => Object.keys(line))).toEqual(
      expect.arrayContaining(['JobsSucceeded', 'JobsFailed', 'JobDuration']),
    );
    expect(stdout.join('')).not.toContain(TOKEN);
  });

  describe('a job that runs out of Lambda time', () => {
    // 1.5 s left with a 1 s margin: the job gets half a second before it is given up.
    const shortOfTime = lambdaContextWith(1500);

    it('is stopped before Lambda kills it: the person hears it is being tried again and the record fails', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'slow.csv', Buffer.from('a,b\n1,2\n'));
      harness.slack.inject('download', { kind: 'hang' });
      const record = sqsRecord(JSON.stringify(job));
      const started = Date.now();

      const response = await lambda({}, { safetyMarginMs: 1000 })(sqsEvent(record), shortOfTime);

      expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
      expect(Date.now() - started).toBeLessThan(15_000);
      const told = harness.message(CHANNEL_A, job.placeholder!.ts);
      expect(told.text).toContain('took longer than I’m allowed');
      expect(told.text).toContain('trying again');
    }, 20_000);

    it('on its last delivery says it took too long, with the reference, instead of leaving a spinner', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'slower.csv', Buffer.from('a,b\n1,2\n'));
      harness.slack.inject('download', { kind: 'hang' });
      const record = sqsRecord(JSON.stringify(job), MAX_RECEIVES);

      const response = await lambda({}, { safetyMarginMs: 1000 })(sqsEvent(record), shortOfTime);

      expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
      const told = harness.message(CHANNEL_A, job.placeholder!.ts);
      expect(told.text).toContain('took longer than I’m allowed');
      expect(told.text).not.toContain('trying again');
      expect(JSON.stringify(told.blocks)).toContain(referenceOf(job.id));
    }, 20_000);

    it('does not start a record with less than the margin left: nobody is told, and it comes back at once', async () => {
      const job = await harness.command(CHANNEL_A, 'total sales by team');
      const behind = await harness.listOrHelp(CHANNEL_A, 'list');
      // Two records of one conversation, as when the batch's earlier records used up the invocation.
      const records = [sqsRecord(JSON.stringify(job)), sqsRecord(JSON.stringify(behind))];
      const delays: { messageId: string; seconds: number }[] = [];
      const retryDelay: RetryDelay = async (record, seconds) =>
        void delays.push({ messageId: record.messageId, seconds });

      const response = await lambda({}, { safetyMarginMs: 1000, retryDelay })(
        sqsEvent(...records),
        lambdaContextWith(800),
      );

      expect(response.batchItemFailures).toEqual(records.map((record) => ({ itemIdentifier: record.messageId })));
      expect(harness.message(CHANNEL_A, job.placeholder!.ts).history).toEqual(['Working on it…']);
      expect(harness.message(CHANNEL_A, behind.placeholder!.ts).history).toEqual(['Working on it…']);
      expect(delays).toEqual(records.map((record) => ({ messageId: record.messageId, seconds: 0 })));
    });

    it('reports the batch within the margin when Slack hangs on the notice that the job took too long', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'hung.csv', Buffer.from('a,b\n1,2\n'));
      harness.slack.inject('download', { kind: 'hang' });
      // The progress line before the download is refused; the notice after the time limit gets no answer.
      harness.slack.inject('chat.update', { kind: 'error', error: 'internal_error' });
      harness.slack.inject('chat.update', { kind: 'hang' });
      const record = sqsRecord(JSON.stringify(job));
      const started = Date.now();

      const response = await Promise.race([
        lambda({}, { safetyMarginMs: 1000 })(sqsEvent(record), lambdaContextEnding(1500)),
        sleep(5000),
      ]);

      expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: record.messageId }] });
      expect(Date.now() - started).toBeLessThan(1500);
    }, 20_000);

    it('reports the batch within the margin when SQS hangs on bringing a failed record back', async () => {
      const failing = sqsRecord('not a job', 1, 'x.y');
      const hanging: RetryDelay = () => new Promise<void>(() => undefined);
      const started = Date.now();

      const response = await Promise.race([
        lambda({}, { safetyMarginMs: 1000, retryDelay: hanging })(sqsEvent(failing), lambdaContextEnding(1500)),
        sleep(5000),
      ]);

      expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: failing.messageId }] });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(jsonLines().some((line) => line.level === 'WARN' && line.messageId === failing.messageId)).toBe(true);
    }, 20_000);
  });

  describe('retries', () => {
    it('brings failed records back in seconds, not after the 30-minute visibility timeout, the held-back ones too', async () => {
      const good = await harness.command(CHANNEL_A, 'total sales by team');
      // A poison message and the record queued behind it in its conversation; a job of another conversation.
      const failing = sqsRecord('not a job', 2, 'x.y');
      const heldBack = sqsRecord(JSON.stringify(good), 1, 'x.y');
      const fine = sqsRecord(JSON.stringify(good));
      const retryDelay = sqsRetryDelay(sqsClient(sqs.endpoint), sqs.queueUrl());

      const response = await lambda({}, { retryDelay })(sqsEvent(failing, heldBack, fine), lambdaContext);

      expect(response.batchItemFailures).toEqual([
        { itemIdentifier: failing.messageId },
        { itemIdentifier: heldBack.messageId },
      ]);
      expect(sqs.visibilityChanges).toEqual([
        { queueUrl: sqs.queueUrl(), receiptHandle: failing.receiptHandle, visibilityTimeout: 20 },
        { queueUrl: sqs.queueUrl(), receiptHandle: heldBack.receiptHandle, visibilityTimeout: 10 },
      ]);
    });

    it('still reports the failure when SQS cannot shorten the wait, and logs why', async () => {
      const failing = sqsRecord('not a job', 1, 'x.y');
      const retryDelay = sqsRetryDelay(sqsClient(DEAD_URL), sqs.queueUrl());

      const response = await lambda({}, { retryDelay })(sqsEvent(failing), lambdaContext);

      expect(response.batchItemFailures).toEqual([{ itemIdentifier: failing.messageId }]);
      expect(jsonLines().some((line) => line.level === 'WARN' && line.messageId === failing.messageId)).toBe(true);
    });
  });
});
