import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, localEnvironment } from '../../core/config';

describe('loadConfig', () => {
  it('runs locally with embedded defaults when no AWS resources are named', () => {
    const config = loadConfig({});

    expect(config.deployment).toEqual({ kind: 'local', dataDir: '.data' });
    expect(config.llm).toMatchObject({
      baseUrl: 'https://integrate.api.nvidia.com/v1',
      planTimeoutMs: 20_000,
      shareSampleRows: false,
    });
    expect(config.maxUploadBytes).toBe(200 * 1024 * 1024);
  });

  it('runs on AWS when the queue and the bucket are named', () => {
    const config = loadConfig({
      JOB_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo',
      BUCKET_NAME: 'bot-data',
      SLACK_SECRET_ARN: 'arn:slack',
    });

    expect(config.deployment).toEqual({
      kind: 'aws',
      queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo',
      bucket: 'bot-data',
      secrets: { slack: 'arn:slack', nvidia: undefined, teams: undefined },
    });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => loadConfig({ BUCKET_NAME: 'bot-data' })).toThrow(/JOB_QUEUE_URL is missing/);
    expect(() => loadConfig({ MAX_UPLOAD_MB: 'lots' })).toThrow(/MAX_UPLOAD_MB is invalid/);
    expect(() => loadConfig({ LLM_SHARE_SAMPLE_ROWS: 'maybe' })).toThrow(/LLM_SHARE_SAMPLE_ROWS/);
  });

  it('gives the Slack API URL the trailing slash the client needs', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9000/api' }).slackApiUrl).toBe('http://127.0.0.1:9000/api/');
  });

  it('reads the digest scheduler settings the stack sets, all together or none', () => {
    const digest = {
      JOB_QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:jobs.fifo',
      DIGEST_SCHEDULE_GROUP: 'bot-digests',
      DIGEST_SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
      DIGEST_DEAD_LETTER_QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:digest-dlq',
      DIGEST_RETRY_POLICY: '{"maximumEventAgeInSeconds":3600,"maximumRetryAttempts":3}',
    };

    expect(loadConfig(digest).digestScheduling).toEqual({
      groupName: 'bot-digests',
      queueArn: digest.JOB_QUEUE_ARN,
      roleArn: digest.DIGEST_SCHEDULER_ROLE_ARN,
      deadLetterQueueArn: digest.DIGEST_DEAD_LETTER_QUEUE_ARN,
      retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 },
    });
    expect(loadConfig({}).digestScheduling).toBeUndefined();
    expect(() => loadConfig({ ...digest, DIGEST_SCHEDULER_ROLE_ARN: undefined })).toThrow(/DIGEST_SCHEDULER_ROLE_ARN/);
    expect(() => loadConfig({ ...digest, DIGEST_RETRY_POLICY: 'soon' })).toThrow(/DIGEST_RETRY_POLICY is invalid/);
  });
});

describe('localEnvironment', () => {
  it('reads the linked S3 prefixes digests may read, as the stack lists them, naming one it cannot read', () => {
    expect(loadConfig({}).linkedPrefixes).toEqual([]);
    expect(
      loadConfig({ DIGEST_LINKED_PREFIXES: 's3://acme-exports/nightly/sales/,s3://acme-finance/ledger.csv' })
        .linkedPrefixes,
    ).toEqual([
      { bucket: 'acme-exports', prefix: 'nightly/sales/' },
      { bucket: 'acme-finance', prefix: 'ledger.csv' },
    ]);
    expect(() => loadConfig({ DIGEST_LINKED_PREFIXES: 's3://acme-exports' })).toThrow(
      /DIGEST_LINKED_PREFIXES is invalid: s3:\/\/acme-exports is not/,
    );
  });

  it('reads .env under the shell environment, which wins', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dotenv-'));
    const file = path.join(dir, '.env');
    await writeFile(file, 'SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_APP_TOKEN="xapp-from-file"\n');

    const env = localEnvironment(file, { SLACK_BOT_TOKEN: 'xoxb-from-shell' });

    expect(env.SLACK_BOT_TOKEN).toBe('xoxb-from-shell');
    expect(env.SLACK_APP_TOKEN).toBe('xapp-from-file');
  });

  it('is the shell environment alone when there is no .env', () => {
    expect(localEnvironment('/nonexistent/.env', { A: '1' })).toEqual({ A: '1' });
  });
});
