import { handler } from '../../bot/slack-lambda';
import { Job } from '../../core/job';
import { FakeSecretsManager } from '../fakes/secrets-manager-api';
import { FakeSlack } from '../fakes/slack-api';
import { FakeSqs } from '../fakes/sqs-api';
import { CapturedOutput } from './captured-output';
import { lambdaContext, SIGNING_SECRET, slashCommand } from './slack-requests';

/**
 * The deployed entry point as Lambda runs it: configuration from the
 * environment, Slack's secrets from Secrets Manager (Powertools' provider and
 * the real client), jobs to SQS through the SDK's endpoint variables.
 */
describe('bot/slack-lambda handler', () => {
  const secretArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:analytics/slack-AbCdEf';
  const botToken = 'xoxb-from-secrets-manager-7x7x7x';
  const slack = new FakeSlack({ tokens: [botToken] });
  const sqs = new FakeSqs();
  const secrets = new FakeSecretsManager({ [secretArn]: JSON.stringify({ signingSecret: SIGNING_SECRET, botToken }) });
  const output = new CapturedOutput();
  const saved = { ...process.env };

  beforeAll(async () => {
    await Promise.all([slack.start(), sqs.start(), secrets.start()]);
    Object.assign(process.env, {
      JOB_QUEUE_URL: sqs.queueUrl(),
      BUCKET_NAME: 'analytics-bucket',
      SLACK_SECRET_ARN: secretArn,
      SLACK_API_URL: slack.apiUrl,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    });
    output.start();
  });
  afterAll(async () => {
    output.stop();
    process.env = saved;
    await Promise.all([slack.stop(), sqs.stop(), secrets.stop()]);
  });

  it('composes itself on the first request, queues the job, and reads the secret once across requests', async () => {
    const first = await handler(slashCommand({ text: 'revenue', responseUrl: slack.responseUrl() }), lambdaContext());
    const second = await handler(slashCommand({ text: 'list', responseUrl: slack.responseUrl() }), lambdaContext());

    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(sqs.queued.map((m) => Job.parse(JSON.parse(m.body)).kind)).toEqual(['question', 'command']);
    expect(secrets.reads).toEqual([secretArn]);
    expect(slack.callsOf('chat.postMessage').every((call) => call.token === botToken)).toBe(true);
    expect(output.lines.filter((line) => line.includes(botToken) || line.includes(SIGNING_SECRET))).toEqual([]);
  });
});
