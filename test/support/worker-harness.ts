import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import type { BlobStore } from '../../core/blob-store';
import { jobIdFor, type CommandJob, type ExportJob, type IngestJob, type Job, type QuestionJob } from '../../core/job';
import type { JobAttempt } from '../../core/job-queue';
import { S3BlobStore } from '../../core/s3-blob-store';
import type { SecretSource } from '../../core/secret-source';
import type { JobDeps, WorkerJobHandler } from '../../workers/jobs/job-context';
import { createJobHandler } from '../../workers/jobs/job-handler';
import type { LogSink } from '../../workers/jobs/job-log';
import { slackClientFactory } from '../../workers/slack/slack-client';
import { slackConversations } from '../../workers/slack/slack-conversation';
import { FakeSlack, type SlackMessage } from '../fakes/slack-api';
import { s3rverClient, startS3, TEST_BUCKET, type LocalS3 } from './s3rver';

export const TOKEN = 'xoxb-test-token';
export const TEAM = 'T00000001';
export const CHANNEL_A = 'C0AAAAAA1';
export const CHANNEL_B = 'C0BBBBBB2';
export const ALICE = 'U0ALICE01';
/** Fast retries, so a test of a failing Slack takes milliseconds, not the client's half hour. */
export const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 };
/** A port nothing listens on: a service that is down. */
export const DEAD_URL = 'http://127.0.0.1:9';

export const FIRST: JobAttempt = { number: 1, last: false };
export const LAST: JobAttempt = { number: 5, last: true };

/** Every log line a test's worker wrote, as JSON, to search for tokens and job ids. */
export class CapturedLogs implements LogSink {
  readonly lines: string[] = [];
  info(message: string, attributes: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ level: 'INFO', message, ...attributes }));
  }
  warn(message: string, attributes: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ level: 'WARN', message, ...attributes }));
  }
  error(message: string, attributes: Record<string, unknown>) {
    this.lines.push(JSON.stringify({ level: 'ERROR', message, ...attributes }));
  }
}

/** One attempt per request, so an outage test fails fast. */
export const s3Client = (endpoint: string) => s3rverClient(endpoint, { maxAttempts: 1 });

let sequence = 0;

/** Overrides of the worker's dependencies, and of what its Slack adapter is made with. */
export type HarnessOverrides = Partial<JobDeps> & { secrets?: SecretSource; slackApiUrl?: string };

/**
 * A worker wired to loopback servers: FakeSlack for the Web API and file
 * downloads, s3rver for storage, a real DuckDB and real charts. Tests drive it
 * with jobs shaped like the edge's and read what Slack received.
 */
export class WorkerHarness {
  readonly logs = new CapturedLogs();
  readonly metrics: { name: string; unit: string; value: number }[] = [];
  readonly store: BlobStore;
  /** A person's client, for posting the messages the edge would (a file share, a placeholder). */
  readonly person: WebClient;

  private constructor(
    readonly slack: FakeSlack,
    readonly s3: LocalS3,
  ) {
    this.store = new S3BlobStore(TEST_BUCKET, s3Client(s3.endpoint));
    this.person = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  }

  static async start(): Promise<WorkerHarness> {
    const [slack, s3] = await Promise.all([new FakeSlack({ tokens: [TOKEN] }).start(), startS3()]);
    return new WorkerHarness(slack, s3);
  }

  async stop(): Promise<void> {
    await Promise.all([this.slack.stop(), this.s3.stop()]);
  }

  /**
   * The worker's dependencies; tests override one to break it (a dead S3), or
   * what the Slack adapter is made with (its secrets, a dead Slack API URL).
   */
  deps({ secrets, slackApiUrl, ...overrides }: HarnessOverrides = {}): JobDeps {
    const slack = slackConversations({
      secrets: secrets ?? { get: async (name) => (name === 'slackBotToken' ? TOKEN : undefined) },
      client: slackClientFactory({
        apiUrl: slackApiUrl ?? this.slack.apiUrl,
        retryConfig: FAST_RETRIES,
        logger: this.logs,
      }),
    });
    return {
      store: this.store,
      conversations: { slack },
      config: { maxUploadBytes: 50 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024 },
      logger: this.logs,
      metrics: { addMetric: (name, unit, value) => this.metrics.push({ name, unit, value }) },
      tmpDir: mkdtempSync(join(tmpdir(), 'worker-test-')),
      ...overrides,
    };
  }

  /** The worker's handler; a test may pass each delivery a time limit, as the Lambda does. */
  handler(overrides: HarnessOverrides = {}): WorkerJobHandler {
    return createJobHandler(this.deps(overrides));
  }

  run(job: Job, attempt: JobAttempt = FIRST): Promise<void> {
    return this.handler()(job, attempt);
  }

  /** A message from a person in a channel (or thread); its ts. */
  async say(channel: string, text: string, thread?: string): Promise<string> {
    const posted = await this.person.chat.postMessage({ channel, text, ...(thread ? { thread_ts: thread } : {}) });
    return posted.ts as string;
  }

  /** What the edge posts before queueing: a "working on it" reply in the thread. */
  async placeholder(channel: string, thread: string, text = 'Working on it…') {
    return { channel, ts: await this.say(channel, text, thread) };
  }

  /** The edge's job for a file shared in `channel`, with its placeholder in the file message's thread. */
  async shareFile(
    channel: string,
    name: string,
    bytes: Buffer,
    options: { question?: string; size?: number; placeholder?: boolean } = {},
  ): Promise<IngestJob & { file: NonNullable<IngestJob['file']> }> {
    const hosted = this.slack.hostFile({ name, bytes, channel });
    const message = await this.say(channel, options.question ?? `shared ${name}`);
    const placeholder = options.placeholder === false ? undefined : await this.placeholder(channel, message);
    return {
      ...this.base(channel, message, placeholder),
      kind: 'ingest',
      file: { id: hosted.id, name, size: options.size ?? hosted.size, downloadUrl: hosted.url_private_download },
      message,
      ...(options.question ? { question: options.question } : {}),
    };
  }

  /** `/analyze <text>`: the announcement starts the thread and a placeholder waits in it. */
  async command(channel: string, text: string): Promise<QuestionJob> {
    const thread = await this.say(channel, `<@${ALICE}> asked: ${text}`);
    return {
      ...this.base(channel, thread, await this.placeholder(channel, thread)),
      kind: 'question',
      text,
      via: 'command',
    };
  }

  /** A reply in a thread: the edge cannot tell whose thread it is, so there is no placeholder. */
  async reply(channel: string, thread: string, text: string): Promise<QuestionJob> {
    await this.say(channel, text, thread);
    return { ...this.base(channel, thread), kind: 'question', text, via: 'thread' };
  }

  /** A suggested-question button clicked in a thread. */
  async button(channel: string, thread: string, text: string, dataset: string): Promise<QuestionJob> {
    const base = this.base(channel, thread, await this.placeholder(channel, thread));
    return { ...base, kind: 'question', text, via: 'button', dataset };
  }

  async listOrHelp(channel: string, command: 'list' | 'help'): Promise<CommandJob> {
    const thread = await this.say(channel, `/analyze ${command}`);
    return { ...this.base(channel, thread, await this.placeholder(channel, thread)), kind: 'command', command };
  }

  async exportOf(channel: string, thread: string, answer: string, format: 'sql' | 'csv'): Promise<ExportJob> {
    return { ...this.base(channel, thread, await this.placeholder(channel, thread)), kind: 'export', format, answer };
  }

  /** Messages in a thread the worker wrote or edited (the person's own messages left out). */
  thread(channel: string, ts: string): SlackMessage[] {
    return this.slack.thread(channel, ts);
  }

  message(channel: string, ts: string): SlackMessage {
    const found = this.slack.messages.find((m) => m.channel === channel && m.ts === ts);
    if (!found) throw new Error(`no message ${ts} in ${channel}`);
    return found;
  }

  uploadsIn(channel: string, thread: string) {
    return this.slack.uploads.filter((u) => u.channel === channel && u.thread_ts === thread);
  }

  private base(channel: string, thread: string, placeholder?: { channel: string; ts: string }) {
    return {
      version: 1 as const,
      id: jobIdFor('slack', `test:${++sequence}:${Date.now()}:${Math.random()}`),
      conversation: { platform: 'slack' as const, team: TEAM, channel, thread },
      requestedBy: { id: ALICE, name: 'Alice' },
      ...(placeholder ? { placeholder } : {}),
      receivedAt: new Date().toISOString(),
    };
  }
}

/** The Slack thread a job's conversation is in. */
export function threadOf(job: Job): string {
  if (job.conversation.platform !== 'slack' || !job.conversation.thread) throw new Error('not a Slack thread job');
  return job.conversation.thread;
}

/** The visible text of a message: its blocks' text, flattened (buttons included). */
export function blockText(message: { blocks?: unknown[]; text?: string }): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'value') walk(value);
    }
  };
  walk(message.blocks ?? []);
  return texts.join('\n') || (message.text ?? '');
}

/** The buttons of a message: action id, label and value. */
export function buttonsOf(message: { blocks?: unknown[] }): { actionId: string; label: string; value: string }[] {
  return (message.blocks ?? []).flatMap((block) => {
    const b = block as { type?: string; elements?: { action_id: string; text: { text: string }; value: string }[] };
    return b.type === 'actions'
      ? (b.elements ?? []).map((e) => ({ actionId: e.action_id, label: e.text.text, value: e.value }))
      : [];
  });
}

export function fixtureBytes(path: string): Buffer {
  return readFileSync(path);
}
