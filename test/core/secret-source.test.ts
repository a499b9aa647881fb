import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvSecretSource } from '../../core/env-secret-source';
import { SecretsManagerSource } from '../../core/secrets-manager-source';
import { FakeSecretsManager } from '../fakes/secrets-manager-api';

describe('SecretsManagerSource', () => {
  let secrets: FakeSecretsManager;
  const slackArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bot/slack-AbCdEf';
  const nvidiaArn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:bot/nvidia-AbCdEf';

  beforeEach(async () => {
    secrets = await new FakeSecretsManager({
      [slackArn]: JSON.stringify({ signingSecret: 'shh', botToken: 'xoxb-1' }),
      [nvidiaArn]: JSON.stringify({ apiKey: '' }),
    }).start();
  });
  afterEach(() => secrets.stop());

  function source(ids: ConstructorParameters<typeof SecretsManagerSource>[0]) {
    const client = new SecretsManagerClient({
      endpoint: secrets.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    return new SecretsManagerSource(ids, new SecretsProvider({ awsSdkV3Client: client }));
  }

  it('reads fields of the JSON secret, and caches the secret across reads', async () => {
    const from = source({ slack: slackArn });

    expect(await from.get('slackSigningSecret')).toBe('shh');
    expect(await from.get('slackBotToken')).toBe('xoxb-1');
    expect(secrets.reads).toEqual([slackArn]);
  });

  it('treats an empty field and an unconfigured secret as not set, without calling AWS for the latter', async () => {
    const from = source({ slack: slackArn, nvidia: nvidiaArn });

    expect(await from.get('nvidiaApiKey')).toBeUndefined();
    expect(await from.get('teamsAppPassword')).toBeUndefined();
    expect(await from.get('slackAppToken')).toBeUndefined();
    expect(secrets.reads).toEqual([nvidiaArn]);
  });

  it('fails loudly when Secrets Manager cannot be reached, rather than running without secrets', async () => {
    secrets.setUnavailable(true);

    await expect(source({ slack: slackArn }).get('slackBotToken')).rejects.toThrow();
  });
});

describe('EnvSecretSource', () => {
  it('reads the documented variables and ignores blank ones', async () => {
    const from = new EnvSecretSource({ SLACK_BOT_TOKEN: 'xoxb-2', NVIDIA_API_KEY: '  ' });

    expect(await from.get('slackBotToken')).toBe('xoxb-2');
    expect(await from.get('nvidiaApiKey')).toBeUndefined();
  });
});
