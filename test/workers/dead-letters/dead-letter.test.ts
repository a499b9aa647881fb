import { digestJobOf } from '../../../core/digest-scheduler';
import { referenceOf, scopeOf, type Job } from '../../../core/job';
import { S3BlobStore } from '../../../core/s3-blob-store';
import { storageKeys } from '../../../core/storage-keys';
import { createDeadLetterHandler } from '../../../workers/dead-letter-lambda';
import { DeadLetterRecord } from '../../../workers/dead-letters/dead-letter';
import { channelDigests, newDigestId } from '../../../workers/digest/channel-digests';
import { OWNER_TOLD_OF_FAILURE, type DigestRecord } from '../../../workers/digest/digest-record';
import { AnalysisPlan } from '../../../workers/plan/analysis-plan';
import { slackClientFactory } from '../../../workers/slack/slack-client';
import { slackConversations } from '../../../workers/slack/slack-conversation';
import { TEST_BUCKET } from '../../support/s3rver';
import { lambdaContext, sqsEvent, sqsRecord } from '../../support/sqs-events';
import {
  ALICE,
  CHANNEL_A,
  DEAD_URL,
  FAST_RETRIES,
  s3Client,
  TEAM,
  TOKEN,
  WorkerHarness,
} from '../../support/worker-harness';

const FAILURE_NOTE = /^:x: Something broke on our side/;

// Integration: the dead-letter consumer with the real Slack adapter on the loopback Slack, and S3 on s3rver.
describe('the dead-letter consumer', () => {
  let harness: WorkerHarness;
  let counted: number;
  beforeAll(async () => (harness = await WorkerHarness.start()));
  beforeEach(() => (counted = 0));
  afterAll(() => harness.stop());

  function consumer(store = harness.store) {
    const slack = slackConversations({
      secrets: { get: async (name) => (name === 'slackBotToken' ? TOKEN : undefined) },
      client: slackClientFactory({ apiUrl: harness.slack.apiUrl, retryConfig: FAST_RETRIES, logger: harness.logs }),
    });
    return createDeadLetterHandler({
      store,
      conversations: { slack },
      countDeadLetter: () => counted++,
      log: harness.logs,
    });
  }

  const deadLetter = (job: Job) => sqsEvent(sqsRecord(JSON.stringify(job), 1, `${TEAM}.${CHANNEL_A}`));

  const threadOf = (job: Job) => (job.conversation.platform === 'slack' ? (job.conversation.thread ?? '') : '');

  async function storedRecord(job: Job): Promise<DeadLetterRecord | undefined> {
    const bytes = await harness.store.get(storageKeys.deadLetter(scopeOf(job.conversation), job.id));
    return bytes && DeadLetterRecord.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
  }

  it('turns "Working on it…" into a failure note with the reference, keeps the job and counts it', async () => {
    // The worker died on the last try (out of memory, say) before it could edit the placeholder.
    const job = await harness.command(CHANNEL_A, 'revenue by region');

    const response = await consumer()(deadLetter(job), lambdaContext);

    expect(response.batchItemFailures).toEqual([]);
    const placeholder = harness.message(CHANNEL_A, job.placeholder?.ts ?? '');
    expect(placeholder.history[0]).toBe('Working on it…');
    expect(placeholder.text).toMatch(FAILURE_NOTE);
    expect(JSON.stringify(placeholder.blocks)).toContain(referenceOf(job.id));
    expect(await storedRecord(job)).toMatchObject({ reference: referenceOf(job.id), told: 'edited', job });
    expect(counted).toBe(1);
  });

  it('edits the message the worker posted itself when the edge left no placeholder (a thread reply)', async () => {
    const thread = await harness.say(CHANNEL_A, 'an answer to follow up on');
    const job = await harness.reply(CHANNEL_A, thread, 'and by month?');
    const progress = await harness.placeholder(CHANNEL_A, thread, 'Working on “and by month?”…');
    const ledger = { version: 1, done: false, steps: { message: progress.ts } };
    await harness.store.put(
      storageKeys.jobLedger(scopeOf(job.conversation), job.id),
      JSON.stringify(ledger),
      'application/json',
    );

    await consumer()(deadLetter(job), lambdaContext);

    expect(harness.message(CHANNEL_A, progress.ts).text).toMatch(FAILURE_NOTE);
    expect((await storedRecord(job))?.told).toBe('edited');
  });

  it('posts the note in the thread when there is no message to edit, or the placeholder was deleted', async () => {
    const thread = await harness.say(CHANNEL_A, 'a thread');
    const noMessage = await harness.reply(CHANNEL_A, thread, 'top customers');
    const deleted = {
      ...(await harness.command(CHANNEL_A, 'margin')),
      placeholder: { channel: CHANNEL_A, ts: '1.000001' },
    };

    await consumer()(deadLetter(noMessage), lambdaContext);
    await consumer()(deadLetter(deleted), lambdaContext);

    expect(harness.thread(CHANNEL_A, thread).map((m) => m.text)).toContainEqual(expect.stringMatching(FAILURE_NOTE));
    expect(harness.thread(CHANNEL_A, threadOf(deleted)).map((m) => m.text)).toContainEqual(
      expect.stringMatching(FAILURE_NOTE),
    );
    expect((await storedRecord(noMessage))?.told).toBe('posted');
    expect((await storedRecord(deleted))?.told).toBe('posted');
  });

  it('tells a digest’s owner privately when its run died before posting, and only once when the worker already told', async () => {
    const conversation = { platform: 'slack' as const, team: TEAM, channel: CHANNEL_A };
    const owner = { id: ALICE, name: 'Alice' };
    const record: DigestRecord = {
      version: 1,
      id: newDigestId(),
      conversation,
      question: 'sales by region',
      plan: AnalysisPlan.parse({
        version: 2,
        kind: 'aggregate',
        chart: 'bar',
        title: 'Sales',
        measures: [{ column: 'Sales', aggregation: 'sum' }],
        dimensions: [],
        filters: [],
      }),
      source: { kind: 'channel-file', name: 'sales.csv' },
      timing: { cadence: { every: 'day' }, time: { hour: 9, minute: 0 }, timeZone: 'Europe/Berlin' },
      owner,
      createdAt: new Date().toISOString(),
      paused: false,
      failures: 0,
    };
    await channelDigests(harness.store, scopeOf(conversation)).save(record);
    const job = (dueAt: string) =>
      digestJobOf({ trigger: 'digest', version: 1, digest: record.id, conversation, owner, dueAt });
    const dm = harness.slack.directChannelOf(ALICE);
    const dms = () =>
      harness.slack.messages.filter((m) => m.channel === dm && (m.text ?? '').includes('sales by region'));
    const channelPosts = () => harness.slack.messages.filter((m) => m.channel === CHANNEL_A).length;
    const posts = channelPosts();

    // Out of memory on the last try: the worker could say nothing.
    const died = job('2026-12-03T08:00:00Z');
    await consumer()(deadLetter(died), lambdaContext);
    expect(dms().map((m) => m.text)).toEqual([
      `:warning: Your digest “sales by region” due Thursday 3 December 2026 at 9:00 could not be sent: something broke on our side (reference ${referenceOf(died.id)}). It comes again at its next time.`,
    ]);
    expect((await storedRecord(died))?.told).toBe('owner-told');

    // The worker told the owner on its last try: the dead letter is kept and counted, and nobody is told twice.
    const failed = job('2026-12-04T08:00:00Z');
    await harness.store.put(
      storageKeys.jobLedger(scopeOf(conversation), failed.id),
      JSON.stringify({ version: 1, done: false, steps: { [OWNER_TOLD_OF_FAILURE]: 'told' } }),
      'application/json',
    );
    await consumer()(deadLetter(failed), lambdaContext);
    expect(dms()).toHaveLength(1);
    expect((await storedRecord(failed))?.told).toBe('owner-told');
    expect(channelPosts()).toBe(posts);
  });

  it('leaves an answer alone when the job was finished before its message went to the dead-letter queue', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales');
    // The worker answered and marked the job done, then died before SQS heard.
    const answer = 'Total sales were 23.';
    await harness.person.chat.update({ channel: CHANNEL_A, ts: job.placeholder?.ts ?? '', text: answer });
    await harness.store.put(
      storageKeys.jobLedger(scopeOf(job.conversation), job.id),
      JSON.stringify({ version: 1, done: true, steps: {} }),
      'application/json',
    );

    await consumer()(deadLetter(job), lambdaContext);

    expect(harness.message(CHANNEL_A, job.placeholder?.ts ?? '').text).toBe(answer);
    expect((await storedRecord(job))?.told).toBe('already-answered');
    expect(counted).toBe(1);
  });

  it('gives a dead letter back to SQS when its record cannot be stored, without counting it', async () => {
    const job = await harness.command(CHANNEL_A, 'revenue');
    const record = sqsRecord(JSON.stringify(job), 1, `${TEAM}.${CHANNEL_A}`);

    const response = await consumer(new S3BlobStore(TEST_BUCKET, s3Client(DEAD_URL)))(sqsEvent(record), lambdaContext);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(counted).toBe(0);
  });

  it('counts and logs a body that is not a job, and does not give it back to come round again', async () => {
    const response = await consumer()(sqsEvent(sqsRecord('{"kind":"question"}')), lambdaContext);

    expect(response.batchItemFailures).toEqual([]);
    expect(counted).toBe(1);
    expect(harness.logs.lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'a dead letter is not a job; nobody can be told' }),
    );
  });
});
