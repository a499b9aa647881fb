import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { createSlackEdge, edgeSqsClient, type SlackEdgeHandler } from '../../bot/slack-lambda';
import { Job } from '../../core/job';
import { SqsJobQueue } from '../../core/sqs-job-queue';
import { FakeSlack } from '../fakes/slack-api';
import { FakeSqs } from '../fakes/sqs-api';
import { CapturedOutput } from './captured-output';
import { lambdaContext, SIGNING_SECRET } from './slack-requests';

export const BOT_TOKEN = 'xoxb-edge-test-token-5up3r53cr3t';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The edge Lambda handler wired to loopback Slack and SQS, with the real
 * Bolt, @slack/web-api and SQS client, and every line it logs captured.
 */
export class EdgeHarness {
  readonly slack = new FakeSlack({ tokens: [BOT_TOKEN] });
  readonly sqs = new FakeSqs();
  readonly output = new CapturedOutput();
  private handler: SlackEdgeHandler | undefined;

  async start(): Promise<this> {
    await Promise.all([this.slack.start(), this.sqs.start()]);
    this.output.start();
    // The edge's own SQS settings (timeouts, tries), pointed at the fake.
    const client = edgeSqsClient({
      region: 'us-east-1',
      endpoint: this.sqs.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    this.handler = createSlackEdge({
      logger: new Logger({ serviceName: 'slack-edge', logLevel: 'DEBUG' }),
      metrics: new Metrics({ namespace: 'AnalyticsBot', serviceName: 'slack-edge' }),
      compose: async () => ({
        signingSecret: SIGNING_SECRET,
        botToken: BOT_TOKEN,
        queue: new SqsJobQueue(this.sqs.queueUrl(), client),
        maxUploadBytes: MAX_UPLOAD_BYTES,
        slackApiUrl: this.slack.apiUrl,
      }),
    });
    return this;
  }

  async stop(): Promise<void> {
    this.output.stop();
    await Promise.all([this.slack.stop(), this.sqs.stop()]);
  }

  send(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
    if (!this.handler) throw new Error('EdgeHarness.start() first');
    return this.handler(event, lambdaContext());
  }

  /** The jobs a worker would receive, parsed with the contract's schema. */
  jobs(): Job[] {
    return this.sqs.queued.map((message) => Job.parse(JSON.parse(message.body)));
  }

  /** Every captured line that holds the bot token, the signing secret or the verification token. */
  leakedSecrets(): string[] {
    return this.output.lines.filter(
      (line) =>
        line.includes(BOT_TOKEN) || line.includes(SIGNING_SECRET) || line.includes('verification-token-never-logged'),
    );
  }

  /** Messages the bot posted, by text. */
  posted(): { channel: string; ts: string; thread_ts?: string; text?: string }[] {
    return this.slack.messages.map(({ channel, ts, thread_ts, text }) => ({ channel, ts, thread_ts, text }));
  }
}
