import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { S3BlobStore } from '../../core/s3-blob-store';
import { fileLinkKey } from '../../core/teams-file-links';
import { FileLinks } from '../../workers/teams/file-links';
import { FakeSecretsManager } from '../fakes/secrets-manager-api';
import { CapturedOutput } from './captured-output';
import { startS3, TEST_BUCKET, type LocalS3 } from '../support/s3rver';

const BASE = 'https://abc.execute-api.us-east-1.amazonaws.com/prod/teams/files';
const PASSWORD = 'teams-app-password-for-links';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:analytics/teams-AbCdEf';

/** Every link a test sent, to check none of them reaches the logs. */
const served: string[] = [];

function event(link: string): APIGatewayProxyEvent {
  served.push(link);
  const proxy = link.slice(BASE.length + 1);
  return {
    httpMethod: 'GET',
    path: `/teams/files/${proxy}`,
    resource: '/teams/files/{proxy+}',
    pathParameters: { proxy },
    headers: {},
  } as unknown as APIGatewayProxyEvent;
}

const context = { functionName: 'teams-files', awsRequestId: 'r1' } as unknown as Context;

/**
 * The deployed files route (bot/teams-files-lambda.ts) as Lambda runs it: the link key from the
 * Teams secret through the real Secrets Manager client, the object from s3rver through the real S3
 * client, on links the worker's FileLinks published into the same bucket.
 */
describe('GET /teams/files/{expires}/{id}/{signature}/{name}', () => {
  let s3: LocalS3;
  const secrets = new FakeSecretsManager({
    [SECRET_ARN]: JSON.stringify({ appId: 'app', appPassword: PASSWORD, tenantId: 'tenant' }),
  });
  const saved = { ...process.env };
  const output = new CapturedOutput();
  let handler: typeof import('../../bot/teams-files-lambda').handler;
  let links: FileLinks;
  const png = readFileSync(path.join(__dirname, '../../teams/color.png'));

  beforeAll(async () => {
    [s3] = await Promise.all([startS3(), secrets.start()]);
    Object.assign(process.env, {
      JOB_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo',
      BUCKET_NAME: TEST_BUCKET,
      TEAMS_SECRET_ARN: SECRET_ARN,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    });
    output.start();
    ({ handler } = await import('../../bot/teams-files-lambda'));
    links = new FileLinks({
      store: new S3BlobStore(TEST_BUCKET, s3.client()),
      baseUrl: BASE,
      key: fileLinkKey(PASSWORD),
    });
  });
  afterAll(async () => {
    output.stop();
    process.env = saved;
    await Promise.all([s3.stop(), secrets.stop()]);
  });

  it('serves a published chart’s exact bytes as an image that is not sniffed or cached by shared caches', async () => {
    const url = await links.publish(png, 'Revenue by région.png', 'image/png');
    const response = await handler(event(url), context);
    expect(response.statusCode).toBe(200);
    expect(response.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body, 'base64')).toEqual(png);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline; filename="Revenue-by-region.png"',
    });
    expect(String(response.headers?.['cache-control'])).toMatch(/^private, max-age=86400\b/);
  });

  it('serves a CSV export as a download', async () => {
    const csv = Buffer.from('Region,Sales\nWest,10\nEast,7\n');
    const response = await handler(event(await links.publish(csv, 'sales.csv', 'text/csv')), context);
    expect(response.statusCode).toBe(200);
    expect(Buffer.from(response.body, 'base64').toString()).toBe(csv.toString());
    expect(response.headers).toMatchObject({
      'content-type': 'text/csv',
      'content-disposition': 'attachment; filename="sales.csv"',
    });
  });

  it('refuses altered, foreign and expired links with 403 and none of the file', async () => {
    const url = await links.publish(png, 'chart.png', 'image/png');
    const foreign = new FileLinks({
      store: new S3BlobStore(TEST_BUCKET, s3.client()),
      baseUrl: BASE,
      key: fileLinkKey('other'),
    });
    const expired = new FileLinks({
      store: new S3BlobStore(TEST_BUCKET, s3.client()),
      baseUrl: BASE,
      key: fileLinkKey(PASSWORD),
      now: () => Date.now() - 8 * 24 * 3600 * 1000,
    });
    for (const bad of [
      url.replace(/\/chart\.png$/, '/other.png'),
      url.replace(/\/\d{10}\//, '/9999999999/'),
      await foreign.publish(png, 'chart.png', 'image/png'),
      await expired.publish(png, 'chart.png', 'image/png'),
    ]) {
      const response = await handler(event(bad), context);
      expect(response.statusCode).toBe(403);
      expect(Buffer.from(response.body, 'base64').toString()).toMatch(/not valid or has expired/);
      expect(response.headers?.['content-type']).toMatch(/^text\/plain/);
    }
  });

  it('answers 404 when the linked object is gone', async () => {
    const store = new S3BlobStore(TEST_BUCKET, s3.client());
    const url = await links.publish(png, 'gone.png', 'image/png');
    const [entry] = (await store.list('teams-files/')).filter((object) => object.key.endsWith('/gone.png'));
    await store.delete(entry?.key ?? '');
    const response = await handler(event(url), context);
    expect(response.statusCode).toBe(404);
  });

  it('reads the Teams secret once and never logs a link, which is its own credential', () => {
    expect(secrets.reads).toEqual([SECRET_ARN]);
    const signatures = served.map((url) => url.split('/').at(-2) ?? '');
    expect(output.lines.filter((line) => signatures.some((signature) => line.includes(signature)))).toEqual([]);
    expect(output.lines.filter((line) => line.includes(PASSWORD))).toEqual([]);
  });
});
