import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for EventBridge Scheduler's schedule API, speaking the REST-JSON protocol the
 * current `@aws-sdk/client-scheduler` uses: `POST|PUT|GET|DELETE /schedules/{Name}`, the group in
 * the body for create/update and in `?groupName=` for get/delete, errors as a status with
 * `x-amzn-errortype` and `{"Message"}`. It checks what the real service refuses and a digest
 * depends on: the group exists, a cron expression has six fields with one `?`, the time zone is
 * known, the flexible window is given, and a FIFO queue target has a message group.
 * {@link fire} renders a schedule's input as the service would for one run.
 */

export interface StoredSchedule {
  Name: string;
  GroupName: string;
  Arn: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  FlexibleTimeWindow: { Mode: string; MaximumWindowInMinutes?: number };
  State: string;
  Description?: string;
  Target: {
    Arn: string;
    RoleArn: string;
    Input?: string;
    SqsParameters?: { MessageGroupId?: string };
    RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
    DeadLetterConfig?: { Arn?: string };
  };
  CreationDate: number;
  LastModificationDate: number;
}

/** One request as the fake saw it. */
export interface SchedulerCall {
  method: string;
  name: string;
}

const SIX_FIELD_CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;

export class FakeScheduler {
  /** Schedules by `group/name`. */
  readonly schedules = new Map<string, StoredSchedule>();
  readonly calls: SchedulerCall[] = [];
  private readonly groups: Set<string>;
  private unavailable = 0;
  private server: Server | undefined;
  private base = '';

  constructor(groups: string[]) {
    this.groups = new Set(groups);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) =>
        fail(response, 500, 'InternalServerException', String(error)),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get endpoint(): string {
    return this.base;
  }

  /** The next `times` requests get a 500, which the client retries before giving up. */
  failNext(times: number): void {
    this.unavailable += times;
  }

  schedule(group: string, name: string): StoredSchedule | undefined {
    return this.schedules.get(`${group}/${name}`);
  }

  /**
   * The message body the schedule's target gets for a run due at `scheduledTime`, with the
   * context attributes filled in as Scheduler fills them.
   */
  fire(group: string, name: string, scheduledTime: string, attempt = 1): string {
    const schedule = this.schedule(group, name);
    if (!schedule) throw new Error(`No schedule ${group}/${name}.`);
    return (schedule.Target.Input ?? '')
      .replaceAll('<aws.scheduler.schedule-arn>', schedule.Arn)
      .replaceAll('<aws.scheduler.scheduled-time>', scheduledTime)
      .replaceAll('<aws.scheduler.execution-id>', randomUUID())
      .replaceAll('<aws.scheduler.attempt-number>', String(attempt));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.base);
    const match = url.pathname.match(/^\/schedules\/([^/]+)$/);
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    if (!match?.[1]) return fail(response, 404, 'UnknownOperationException', `${method} ${url.pathname}`);
    const name = decodeURIComponent(match[1]);
    this.calls.push({ method, name });
    if (this.unavailable > 0) {
      this.unavailable -= 1;
      return fail(response, 500, 'InternalServerException', 'Unexpected error.');
    }
    if (method === 'GET' || method === 'DELETE') {
      const group = url.searchParams.get('groupName') ?? 'default';
      const key = `${group}/${name}`;
      const schedule = this.schedules.get(key);
      if (!schedule) return fail(response, 404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
      if (method === 'DELETE') {
        this.schedules.delete(key);
        return send(response, {});
      }
      return send(response, schedule);
    }
    if (method !== 'POST' && method !== 'PUT') return fail(response, 405, 'UnknownOperationException', method);
    const input = JSON.parse(text) as Partial<StoredSchedule>;
    const group = input.GroupName ?? 'default';
    if (!this.groups.has(group)) return fail(response, 404, 'ResourceNotFoundException', `Group ${group} not found.`);
    const problem = invalid(input);
    if (problem) return fail(response, 400, 'ValidationException', problem);
    const key = `${group}/${name}`;
    const existing = this.schedules.get(key);
    if (method === 'POST' && existing) {
      return fail(response, 409, 'ConflictException', `Schedule ${name} already exists.`);
    }
    if (method === 'PUT' && !existing) {
      return fail(response, 404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`);
    }
    const now = Date.now() / 1000;
    const arn = `arn:aws:scheduler:us-east-1:000000000000:schedule/${group}/${name}`;
    this.schedules.set(key, {
      ...(input as StoredSchedule),
      Name: name,
      GroupName: group,
      Arn: arn,
      State: input.State ?? 'ENABLED',
      CreationDate: existing?.CreationDate ?? now,
      LastModificationDate: now,
    });
    send(response, { ScheduleArn: arn });
  }
}

function invalid(input: Partial<StoredSchedule>): string | undefined {
  const cron = input.ScheduleExpression?.match(SIX_FIELD_CRON);
  if (!cron) return 'Invalid Schedule Expression: expected cron() with six fields.';
  const [dayOfMonth, dayOfWeek] = [cron[3], cron[5]];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return 'Invalid Schedule Expression: exactly one of day-of-month and day-of-week must be ?.';
  }
  const zone = input.ScheduleExpressionTimezone;
  if (zone !== undefined && !Intl.supportedValuesOf('timeZone').concat('UTC').includes(zone)) {
    return `Invalid timezone: ${zone}`;
  }
  if (!input.FlexibleTimeWindow?.Mode) return 'FlexibleTimeWindow is required.';
  if (!input.Target?.Arn || !input.Target.RoleArn) return 'Target Arn and RoleArn are required.';
  if (input.Target.Arn.endsWith('.fifo') && !input.Target.SqsParameters?.MessageGroupId) {
    return 'MessageGroupId is required for a FIFO queue target.';
  }
  if (input.State !== undefined && input.State !== 'ENABLED' && input.State !== 'DISABLED') return 'Invalid State.';
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': type,
    'x-amzn-requestid': randomUUID(),
  });
  response.end(JSON.stringify({ Message: message }));
}
