import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createSlackEdge, type SlackEdgeHandler } from '../../bot/slack-lambda';
import { S3BlobStore } from '../../core/s3-blob-store';
import { storageKeys } from '../../core/storage-keys';
import { SqsJobQueue } from '../../core/sqs-job-queue';
import { closeDatabase, openDatabase, queryRows } from '../../workers/engine/duckdb';
import { createJobHandler } from '../../workers/jobs/job-handler';
import { createSqsHandler, type SqsHandler } from '../../workers/lambda';
import { slackClientFactory } from '../../workers/slack/slack-client';
import { slackConversations } from '../../workers/slack/slack-conversation';
import { CapturedOutput } from '../bot/captured-output';
import {
  CHANNEL,
  eventCallback,
  fileShareEvent,
  lambdaContext,
  SIGNING_SECRET,
  slashCommand,
  TEAM,
} from '../bot/slack-requests';
import { FakeSlack } from '../fakes/slack-api';
import { FakeSqs } from '../fakes/sqs-api';
import { SUPERSTORE_CSV } from '../support/datasets';
import { states } from '../support/question-cases';
import { startS3, TEST_BUCKET, type LocalS3 } from '../support/s3rver';
import { lambdaContext as workerContext, sqsEvent, sqsRecord } from '../support/sqs-events';
import { FAST_RETRIES, s3Client } from '../support/worker-harness';

const BOT_TOKEN = 'xoxb-e2e-token-5up3r53cr3t';

/**
 * The whole production path on loopback: a request signed with the v0 HMAC
 * scheme into the edge Lambda, the SQS message it sends captured by the SQS
 * fake and handed to the worker Lambda as an SQS event, storage in s3rver,
 * and Slack's side of everything in FakeSlack, with the real clients throughout.
 */
describe('Slack end to end', () => {
  const slack = new FakeSlack({ tokens: [BOT_TOKEN] });
  const sqs = new FakeSqs();
  const output = new CapturedOutput();
  let s3: LocalS3;
  let edge: SlackEdgeHandler;
  let worker: SqsHandler;
  let delivered = 0;

  /** Hands every message the edge queued since the last call to the worker, as SQS would. */
  async function deliver() {
    const messages = sqs.queued.slice(delivered);
    delivered = sqs.queued.length;
    return worker(sqsEvent(...messages.map((message) => sqsRecord(message.body))), workerContext);
  }

  beforeAll(async () => {
    [s3] = await Promise.all([startS3(), slack.start(), sqs.start()]);
    output.start();
    const sqsClient = new SQSClient({
      region: 'us-east-1',
      endpoint: sqs.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    edge = createSlackEdge({
      logger: new Logger({ serviceName: 'slack-edge' }),
      metrics: new Metrics({ namespace: 'AnalyticsBot', serviceName: 'slack-edge' }),
      compose: async () => ({
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        queue: new SqsJobQueue(sqs.queueUrl(), sqsClient),
        maxUploadBytes: 50 * 1024 * 1024,
        slackApiUrl: slack.apiUrl,
      }),
    });
    const logger = new Logger({ serviceName: 'analytics-worker' });
    const metrics = new Metrics({ namespace: 'AnalyticsBot', serviceName: 'analytics-worker' });
    const handleJob = createJobHandler({
      store: new S3BlobStore(TEST_BUCKET, s3Client(s3.endpoint)),
      conversations: {
        slack: slackConversations({
          secrets: { get: async (name) => (name === 'slackBotToken' ? BOT_TOKEN : undefined) },
          client: slackClientFactory({ apiUrl: slack.apiUrl, retryConfig: FAST_RETRIES, logger }),
        }),
      },
      config: { maxUploadBytes: 50 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024 },
      logger,
      metrics,
      tmpDir: mkdtempSync(join(tmpdir(), 'e2e-')),
    });
    worker = createSqsHandler({ handleJob, maxReceives: 5, logger, metrics });
  });
  afterAll(async () => {
    output.stop();
    await Promise.all([s3.stop(), slack.stop(), sqs.stop()]);
  });

  it('reads a shared file, then answers /analyze with the headline and the chart PNG in the command’s thread', async () => {
    const file = slack.hostFile({ name: 'superstore.csv', bytes: readFileSync(SUPERSTORE_CSV), channel: CHANNEL });
    const shared = eventCallback(fileShareEvent([file]));
    expect((await edge(shared, lambdaContext())).statusCode).toBe(200);
    expect((await deliver()).batchItemFailures).toEqual([]);
    const profile = slack.thread(CHANNEL, '1700000100.000100').find((m) => m.text?.startsWith('superstore.csv'));
    expect(profile?.text).toBe('superstore.csv · 9,994 rows × 21 columns · Jan 2014–Dec 2017');

    const command = slashCommand({ text: 'total sales by region', responseUrl: slack.responseUrl('cmd') });
    expect((await edge(command, lambdaContext())).statusCode).toBe(200);
    expect((await deliver()).batchItemFailures).toEqual([]);

    const [job] = sqs.queued
      .slice(-1)
      .map((message) => JSON.parse(message.body) as { id: string; conversation: { thread: string } });
    const thread = job!.conversation.thread;
    const announcement = slack.messages.find((m) => m.channel === CHANNEL && m.ts === thread);
    expect(announcement?.thread_ts).toBeUndefined();
    const answer = slack.thread(CHANNEL, thread).find((m) => m.text?.startsWith('West had the highest Sales'));
    const reference = await openDatabase();
    try {
      const [row] = await queryRows(
        reference,
        `SELECT sum("Sales") AS west FROM read_csv('${SUPERSTORE_CSV}') WHERE "Region" = 'West'`,
      );
      expect(states(answer?.text ?? '', Number(row?.west))).toBe(true);
    } finally {
      closeDatabase(reference);
    }

    const pngs = slack.uploads.filter((u) => u.channel === CHANNEL && u.thread_ts === thread);
    expect(pngs).toHaveLength(1);
    expect(pngs[0]!.bytes.subarray(1, 4).toString()).toBe('PNG');
    const stored = await new S3BlobStore(TEST_BUCKET, s3Client(s3.endpoint)).get(
      storageKeys.chart({ tenant: TEAM, channel: CHANNEL }, job!.id),
    );
    expect(stored && Buffer.from(stored).equals(pngs[0]!.bytes)).toBe(true);
    expect(slack.callsOf('files.upload')).toHaveLength(0);
    expect(output.lines.filter((line) => line.includes(BOT_TOKEN) || line.includes(SIGNING_SECRET))).toEqual([]);
  });
});
