import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { createTeamsFilesLambda } from '../../bot/teams-files-lambda';
import { jobIdFor, scopeOf, type Job, type QuestionJob } from '../../core/job';
import { LocalDigestScheduler } from '../../core/local-digest-scheduler';
import { S3BlobStore } from '../../core/s3-blob-store';
import { DIGEST_VERB, SHOW_SQL_VERB, SUBSCRIBE_VERB } from '../../core/teams-card-actions';
import { fileLinkKey } from '../../core/teams-file-links';
import { TeamsConnector } from '../../core/teams-connector';
import { channelDigests } from '../../workers/digest/channel-digests';
import { closeDatabase, openDatabase, queryRows } from '../../workers/engine/duckdb';
import { createJobHandler } from '../../workers/jobs/job-handler';
import { createSqsHandler, type SqsHandler } from '../../workers/lambda';
import { DEFAULT_TTL_MS, FileLinks } from '../../workers/teams/file-links';
import { INLINE_LIMIT } from '../../workers/teams/teams-conversation';
import { teamsConversations } from '../../workers/teams/teams-conversation';
import { activityId, APP_ID, CHANNEL, messageActivity, TeamsHarness, TENANT } from '../bot/teams-harness';
import { FakeMicrosoftGraph } from '../fakes/microsoft-graph';
import { SUPERSTORE_CSV } from '../support/datasets';
import { states } from '../support/question-cases';
import { startS3, TEST_BUCKET, type LocalS3 } from '../support/s3rver';
import { lambdaContext as workerContext, sqsEvent, sqsRecord } from '../support/sqs-events';
import { s3Client } from '../support/worker-harness';
import { visibleText } from '../workers/teams/teams-subject';

const CONNECTOR_TOKEN = 'connector-token-n3ver-logged';
const GRAPH_TOKEN = 'graph-token-n3ver-logged';
const GROUP = '0f0e0d0c-0b0a-4909-8807-060504030201';
const APP_PASSWORD = 'app-password';
const FILES_URL = 'https://bot.example/prod/teams/files';

/**
 * The Teams path on loopback: activities signed by the fake Bot Framework keys into the Teams edge
 * Lambda, the SQS messages it queues handed to the worker Lambda, storage in s3rver, the Bot
 * Connector, Microsoft Graph and the file host as loopback fakes, with the real clients throughout.
 */
describe('Teams end to end', () => {
  const graph = new FakeMicrosoftGraph(GRAPH_TOKEN);
  let harness: TeamsHarness;
  let s3: LocalS3;
  let worker: SqsHandler;
  let links: FileLinks;
  let store: S3BlobStore;
  let delivered = 0;
  // Digests kept in-process on a still clock: nothing fires while the test runs.
  const digestScheduler = new LocalDigestScheduler({
    onDue: async () => undefined,
    clock: { now: () => new Date(), setTimer: () => 0, clearTimer: () => undefined },
  });

  /** Hands every message the edge queued since the last call to the worker, `times` over, as SQS may. */
  async function deliver(times = 1) {
    const messages = harness.sqs.queued.slice(delivered);
    delivered = harness.sqs.queued.length;
    for (let i = 0; i < times; i++) {
      const result = await worker(sqsEvent(...messages.map((m) => sqsRecord(m.body))), workerContext);
      expect(result.batchItemFailures).toEqual([]);
    }
  }

  const thread = (root: string) => harness.connector.in(`${CHANNEL};messageid=${root}`);
  const texts = (root: string) => thread(root).map((activity) => visibleText(activity) ?? '');

  /** A channel message with a file, as Teams sends it: HTML only; Graph holds the file. */
  async function shareInChannel(name: string, bytes: Buffer): Promise<string> {
    const id = activityId();
    graph.channelMessage({ group: GROUP, channel: CHANNEL, id }, [{ name, bytes }]);
    const activity = messageActivity(harness, {
      scope: 'channel',
      id,
      text: '',
      mention: true,
      attachments: [{ contentType: 'text/html', content: `<div><attachment id="${id}"></attachment></div>` }],
    });
    (activity.channelData as { team: { aadGroupId?: string } }).team.aadGroupId = GROUP;
    expect((await harness.send(activity)).statusCode).toBe(200);
    await deliver();
    return id;
  }

  async function ask(text: string, root?: string): Promise<string> {
    const id = activityId();
    const activity = messageActivity(harness, {
      scope: 'channel',
      text,
      id,
      mention: !root,
      ...(root ? { root } : {}),
    });
    expect((await harness.send(activity)).statusCode).toBe(200);
    return root ?? id;
  }

  beforeAll(async () => {
    [harness, s3] = await Promise.all([new TeamsHarness().start(), startS3(), graph.start()]);
    const logger = new Logger({ serviceName: 'analytics-worker' });
    const metrics = new Metrics({ namespace: 'AnalyticsBot', serviceName: 'analytics-worker' });
    store = new S3BlobStore(TEST_BUCKET, s3Client(s3.endpoint));
    // The key both sides derive from the Teams secret, as the worker and the files Lambda do when deployed.
    links = new FileLinks({ store, baseUrl: FILES_URL, key: fileLinkKey(APP_PASSWORD) });
    const handleJob = createJobHandler({
      store,
      conversations: {
        teams: teamsConversations({
          secrets: {
            get: async (name) =>
              ({ teamsAppId: APP_ID, teamsAppPassword: APP_PASSWORD, teamsTenantId: TENANT })[name as string],
          },
          clients: () => ({
            connector: new TeamsConnector({
              token: async () => CONNECTOR_TOKEN,
              serviceUrlAllowed: (url) => url.hostname === '127.0.0.1',
              retry: { baseDelayMs: 1, maxDelayMs: 50 },
            }),
            files: { graphUrl: graph.graphUrl, graphToken: async () => GRAPH_TOKEN },
            links,
          }),
        }),
      },
      config: { maxUploadBytes: 50 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024 },
      logger,
      metrics,
      digestScheduler,
      tmpDir: mkdtempSync(join(tmpdir(), 'e2e-teams-')),
    });
    worker = createSqsHandler({ handleJob, maxReceives: 5, logger, metrics });
  });
  afterAll(async () => {
    await Promise.all([harness.stop(), s3.stop(), graph.stop()]);
  });

  let question = '';

  it('reads a file shared in a channel through Graph and answers with its profile in the file’s thread', async () => {
    const root = await shareInChannel('superstore.csv', readFileSync(SUPERSTORE_CSV));

    expect(texts(root).join('\n')).toContain('**superstore.csv** · 9,994 rows × 21 columns · Jan 2014–Dec 2017');
  });

  it('answers a channel question in its thread: a chart card, then the answer card with the right number', async () => {
    // The Bot Connector throttles once; the worker waits and carries on.
    harness.connector.faults.push({ status: 429, retryAfter: '0' });
    question = await ask('total sales by region');
    await deliver(3);

    const activities = thread(question);
    const answers = activities.filter((a) => visibleText(a)?.startsWith('West had the highest Sales'));
    expect(answers).toHaveLength(1);
    const reference = await openDatabase();
    try {
      const [row] = await queryRows(
        reference,
        `SELECT sum("Sales") AS west FROM read_csv('${SUPERSTORE_CSV}') WHERE "Region" = 'West'`,
      );
      expect(states(visibleText(answers[0]) ?? '', Number(row?.west))).toBe(true);
    } finally {
      closeDatabase(reference);
    }
    const image = JSON.stringify(activities.map((a) => a.body)).match(
      /"url":"(data:image\/png[^"]+|https:\/\/bot[^"]+)"/,
    )?.[1];
    const png = image?.startsWith('data:')
      ? Buffer.from(image.split(',')[1] ?? '', 'base64')
      : Buffer.from(
          (await store.get(
            links.resolve(new URL(image ?? 'x:').pathname.replace(/^\/prod\/teams\/files/, ''))?.key ?? '',
          )) ?? [],
        );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(activities.every((a) => a.text === undefined && a.attachments?.length === 1)).toBe(true);
  });

  it('answers a follow-up in the answer’s thread', async () => {
    const before = texts(question).length;
    await ask('only the West, by category', question);
    await deliver();

    const added = texts(question).slice(before).join('\n');
    expect(added).toMatch(/Technology|Furniture|Office Supplies/);
    expect(added).toMatch(/Region (is|=) West/);
  });

  it('shows the SQL behind an answer when its card action is clicked', async () => {
    const answer = harness.sqs.queued
      .map((m) => JSON.parse(m.body) as { id: string; kind: string; conversation: { thread?: string } })
      .find((job) => job.kind === 'question' && job.conversation.thread === question);
    const activity = {
      ...messageActivity(harness, { scope: 'channel', root: question }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: SHOW_SQL_VERB, data: { verb: SHOW_SQL_VERB, answer: answer?.id } },
      },
    };
    expect((await harness.send(activity)).statusCode).toBe(200);
    await deliver();

    expect(texts(question).some((text) => text.includes('SELECT') && text.includes('"Region"'))).toBe(true);
  });

  /** A click on a card button, as Teams sends an `Action.Execute`: an invoke in the card's thread. */
  async function click(root: string, button: { verb: string; data: unknown }, from?: Record<string, string>) {
    const activity = {
      ...messageActivity(harness, { scope: 'channel', root }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      localTimezone: 'Europe/Berlin',
      value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } },
      ...(from ? { from } : {}),
    };
    const response = await harness.send(activity);
    expect(response.statusCode).toBe(200);
    await deliver();
  }

  /** Every `Action.Execute` in a thread's cards, wherever in the card it sits. */
  function buttons(root: string): { title: string; verb: string; data: Record<string, unknown> }[] {
    const found: { title: string; verb: string; data: Record<string, unknown> }[] = [];
    JSON.stringify(
      thread(root).map((a) => a.body),
      (_key, value: unknown) => {
        const button = value as { type?: string; title: string; verb: string; data: Record<string, unknown> };
        if (button && button.type === 'Action.Execute') found.push(button);
        return value;
      },
    );
    return found;
  }

  it('sets up a weekly digest from “Send this every week”, and lets only its owner pause it from the list', async () => {
    const subscribe = buttons(question).find((button) => button.verb === SUBSCRIBE_VERB);
    expect(subscribe?.title).toBe('Send this every week');
    await click(question, subscribe!);
    expect(texts(question).join('\n')).toMatch(
      /Digest set up: “total sales by region” every .* \(Europe\/Berlin time\)/,
    );

    const list = await ask('digests');
    await deliver();
    const listed = buttons(list).filter((button) => button.verb === DIGEST_VERB);
    expect(listed.map((button) => button.title)).toEqual(['Pause', 'Send now', 'Delete']);
    const pause = listed[0]!;

    const mallory = { id: '29:1mallory', aadObjectId: '6b9f1d3c-0e7a-4b7e-9a3e-bbbbbbbbbbbb', name: 'Mallory' };
    await click(list, pause, mallory);
    expect(texts(list).join('\n')).toMatch(
      /Only Alice, who set it up, can change the digest “total sales by region” every Monday at \d+:00\./,
    );
    const { conversation } = JSON.parse(harness.sqs.queued.at(-1)?.body ?? '{}') as {
      conversation: Job['conversation'];
    };
    const digests = channelDigests(store, scopeOf(conversation));
    const [record] = await digests.list();
    expect(record?.paused).toBe(false);

    await click(list, pause);
    expect(texts(list).join('\n')).toMatch(/Paused “total sales by region” every Monday at \d+:00\./);
    expect((await digests.get(record!.id))?.paused).toBe(true);
    expect(buttons(list).map((button) => button.title)).toContain('Resume');

    const before = harness.connector.activities.length;
    const sendNow = buttons(list)
      .filter((button) => button.verb === DIGEST_VERB)
      .find((b) => b.title === 'Send now');
    await click(list, sendNow!);
    const posted = harness.connector.activities.slice(before).map((a) => visibleText(a) ?? '');
    expect(posted.join('\n')).toContain('Digest: total sales by region');
    expect(texts(list).join('\n')).toContain('Sent “total sales by region”');
  });

  it('links a chart too big to inline, and the files route serves exactly its bytes until the link expires', async () => {
    const root = await ask('scatter plot of discount vs profit');
    await deliver();

    const cards = thread(root).map((a) => JSON.stringify(a.body));
    const image = cards.join('\n').match(/"type":"Image","url":"([^"]+)"/)?.[1] ?? '';
    expect(image).toMatch(new RegExp(`^${FILES_URL}/\\d{10}/[\\w-]{22}/[\\w-]{43}/[\\w.-]+\\.png$`));
    const proxy = image.slice(FILES_URL.length + 1);
    const stored = await store.get(links.resolve(proxy)?.key ?? '');
    // Inline, the chart alone would have taken the card past Teams' limit.
    expect(Math.ceil(((stored?.length ?? 0) * 4) / 3)).toBeGreaterThan(INLINE_LIMIT - 2048);
    expect(cards.every((card) => card.length <= INLINE_LIMIT)).toBe(true);

    const files = (now?: () => number) =>
      createTeamsFilesLambda({
        logger: new Logger({ serviceName: 'teams-files' }),
        deps: () => ({
          key: async () => fileLinkKey(APP_PASSWORD),
          s3: s3Client(s3.endpoint),
          bucket: TEST_BUCKET,
          now,
        }),
      });
    const get = (handler: ReturnType<typeof files>, path: string) =>
      handler(
        { httpMethod: 'GET', pathParameters: { proxy: path }, headers: {} } as unknown as APIGatewayProxyEvent,
        { awsRequestId: 'files-1' } as Context,
      );
    const served = await get(files(), proxy);
    expect(served.statusCode).toBe(200);
    expect(served.headers?.['content-type']).toBe('image/png');
    const bytes = Buffer.from(served.body, 'base64');
    expect(bytes.equals(Buffer.from(stored ?? []))).toBe(true);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');

    const [expires, id, signature, name] = proxy.split('/');
    for (const tampered of [
      `${Number(expires) + 86_400}/${id}/${signature}/${name}`,
      `${expires}/${id}/${signature}/other.png`,
      `${expires}/${id}/${signature?.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}/${name}`,
    ]) {
      const refused = await get(files(), tampered);
      expect(refused.statusCode).toBe(403);
      expect(Buffer.from(refused.body, 'base64').toString()).toMatch(/not valid or has expired/);
    }
    const later = await get(
      files(() => Date.now() + DEFAULT_TTL_MS + 60_000),
      proxy,
    );
    expect(later.statusCode).toBe(403);
  });

  it('says which permission an admin must grant when Graph refuses to show a channel message', async () => {
    graph.denied = { messages: true };
    const root = await shareInChannel('orders.csv', Buffer.from('a,b\n1,2\n'));
    graph.denied = {};

    expect(texts(root).join('\n')).toMatch(/ChannelMessage\.Read\.Group.*personal chat/s);
  });

  it('keeps another tenant’s channel of the same id away from this tenant’s datasets', async () => {
    const job: QuestionJob = {
      version: 1,
      id: jobIdFor('teams', `other-tenant:${activityId()}`),
      kind: 'question',
      text: 'total sales by region',
      via: 'mention',
      conversation: {
        platform: 'teams',
        tenant: '0a0b0c0d-0000-4000-8000-0000000000ff',
        conversationId: CHANNEL,
        conversationType: 'channel',
        serviceUrl: harness.connector.serviceUrl,
        channel: CHANNEL,
        thread: activityId(),
      },
      requestedBy: { id: '29:1mallory' },
      receivedAt: new Date().toISOString(),
    };
    await worker(sqsEvent(sqsRecord(JSON.stringify(job))), workerContext);

    const said = texts(job.conversation.thread ?? '').join('\n');
    expect(said).toContain('No dataset in this channel yet');
    expect(said).not.toContain('West');
    expect(harness.leakedSecrets()).toEqual([]);
  });
});
