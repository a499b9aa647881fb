import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for SQS's `SendMessage` (and `ChangeMessageVisibility`,
 * recorded for the worker's retry delays), speaking the protocol the
 * current `@aws-sdk/client-sqs` uses: AWS JSON 1.0 (`POST /`,
 * `X-Amz-Target: AmazonSQS.SendMessage`, `application/x-amz-json-1.0`), with
 * the body's MD5 in the reply, which the client checks. A FIFO queue's
 * five-minute deduplication is kept, so a redelivered job can be seen dropped.
 */

export interface SentMessage {
  queueUrl: string;
  body: string;
  groupId: string | undefined;
  deduplicationId: string | undefined;
}

/** A `ChangeMessageVisibility` call: when the worker asked for a failed message to come back. */
export interface VisibilityChange {
  queueUrl: string;
  receiptHandle: string;
  visibilityTimeout: number;
}

/** What the next `SendMessage` call(s) get instead of success. */
export type SqsFault =
  /** A 500 the client retries, as when SQS has an outage. */
  | { kind: 'unavailable' }
  /** A 400 the client does not retry, as when the role lacks `sqs:SendMessage`. */
  | { kind: 'access-denied' }
  /** No answer: the connection stays open until the client gives up or the fake stops. */
  | { kind: 'hang' };

const DEDUP_WINDOW_MS = 5 * 60 * 1000;

export class FakeSqs {
  /** Every `SendMessage` the fake accepted, duplicates included. */
  readonly sent: SentMessage[] = [];
  /** What a consumer would receive: accepted messages minus those dropped as duplicates. */
  readonly queued: SentMessage[] = [];
  /** Every request's `X-Amz-Target`, failed ones included. */
  readonly targets: string[] = [];
  /** Every `ChangeMessageVisibility` call, oldest first. */
  readonly visibilityChanges: VisibilityChange[] = [];
  private readonly dedup = new Map<string, number>();
  private readonly faults: SqsFault[] = [];
  private server: Server | undefined;
  private base = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => reply(response, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** For `AWS_ENDPOINT_URL_SQS` or the client's `endpoint`. */
  get endpoint(): string {
    return this.base;
  }

  /** A FIFO queue URL on this fake. */
  queueUrl(name = 'jobs.fifo'): string {
    return `${this.base}/000000000000/${name}`;
  }

  /** The next `times` `SendMessage` calls fail. */
  fail(fault: SqsFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const target = String(request.headers['x-amz-target'] ?? '');
    this.targets.push(target);
    if (target === 'AmazonSQS.ChangeMessageVisibility') return this.changeVisibility(text, response);
    if (target !== 'AmazonSQS.SendMessage') {
      return reply(response, 400, { __type: 'com.amazonaws.sqs#UnsupportedOperation', message: target });
    }
    const fault = this.faults.shift();
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'unavailable') {
      return reply(response, 500, { __type: 'com.amazonaws.sqs#InternalError', message: 'We encountered an error.' });
    }
    if (fault?.kind === 'access-denied') {
      return reply(response, 400, { __type: 'com.amazonaws.sqs#AccessDeniedException', message: 'Access denied.' });
    }
    const input = JSON.parse(text) as Record<string, string | undefined>;
    const message: SentMessage = {
      queueUrl: input.QueueUrl ?? '',
      body: input.MessageBody ?? '',
      groupId: input.MessageGroupId,
      deduplicationId: input.MessageDeduplicationId,
    };
    if (message.queueUrl.endsWith('.fifo') && (!message.groupId || !message.deduplicationId)) {
      return reply(response, 400, {
        __type: 'com.amazonaws.sqs#MissingParameter',
        message: 'The request must contain the parameter MessageGroupId.',
      });
    }
    this.sent.push(message);
    const key = `${message.queueUrl}|${message.deduplicationId}`;
    const seenAt = this.dedup.get(key);
    if (seenAt === undefined || Date.now() - seenAt >= DEDUP_WINDOW_MS) {
      this.dedup.set(key, Date.now());
      this.queued.push(message);
    }
    reply(response, 200, {
      MD5OfMessageBody: createHash('md5').update(message.body, 'utf8').digest('hex'),
      MessageId: randomUUID(),
      SequenceNumber: String(this.sent.length).padStart(20, '0'),
    });
  }

  /** Recorded only: the fake has no consumer side whose in-flight messages it could move. */
  private changeVisibility(text: string, response: ServerResponse): void {
    const input = JSON.parse(text) as { QueueUrl?: string; ReceiptHandle?: string; VisibilityTimeout?: number };
    if (!input.QueueUrl || !input.ReceiptHandle || input.VisibilityTimeout === undefined) {
      return reply(response, 400, {
        __type: 'com.amazonaws.sqs#MissingParameter',
        message: 'The request must contain QueueUrl, ReceiptHandle and VisibilityTimeout.',
      });
    }
    this.visibilityChanges.push({
      queueUrl: input.QueueUrl,
      receiptHandle: input.ReceiptHandle,
      visibilityTimeout: input.VisibilityTimeout,
    });
    reply(response, 200, {});
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
  response.end(JSON.stringify(body));
}
