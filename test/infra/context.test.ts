import { Match } from 'aws-cdk-lib/assertions';
import { propertiesOf, ref, synthesize } from './synth';

// One synth for the file, with every knob an operator turns through `cdk deploy -c key=value`
// (strings, as the CLI passes them) set away from its default.
const { template } = synthesize({
  stackName: 'TeamBot',
  edgeReservedConcurrency: '20',
  edgeProvisionedConcurrency: '2',
  workerMemoryMb: '3008',
  workerEphemeralStorageMb: '4096',
  workerReservedConcurrency: '5',
  workerMaxConcurrency: '4',
  workerBatchSize: '3',
  uploadsExpireDays: '3',
  chartsExpireDays: '14',
  noncurrentVersionsExpireDays: '10',
  logRetentionDays: '30',
  queueAgeAlarmSeconds: '600',
  apiRateLimit: '20',
  apiBurstLimit: '40',
  wafRequestsPer5MinutesPerIp: '500',
  natGateways: '2',
  alarmEmail: 'ops@example.com',
  logLevel: 'DEBUG',
  maxUploadMb: '50',
  llmBaseUrl: 'https://nim.example.com/v1',
  llmModel: 'nvidia/nemotron-mini',
  llmShareSampleRows: 'true',
  llmPlanTimeoutMs: '30000',
  llmNarrativeTimeoutMs: '12000',
  retainData: 'false',
});

describe('settings from the CDK context', () => {
  it('name the secrets, schedule group and WAF web ACL after the stack', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'TeamBot/slack' });
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'TeamBot-digests' });
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Name: 'TeamBot-api' });
  });

  it('reserve and provision edge concurrency', () => {
    expect(propertiesOf(template, 'AWS::Lambda::Function', 'SlackEdgeFunction').ReservedConcurrentExecutions).toBe(20);
    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
    });
  });

  it('size the worker and how it consumes the queue', () => {
    expect(propertiesOf(template, 'AWS::Lambda::Function', 'WorkerFunction')).toMatchObject({
      MemorySize: 3008,
      EphemeralStorage: { Size: 4096 },
      ReservedConcurrentExecutions: 5,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 3,
      ScalingConfig: { MaximumConcurrency: 4 },
    });
  });

  it('pass the log level, upload limit and LLM endpoint to both functions', () => {
    for (const prefix of ['SlackEdgeFunction', 'WorkerFunction']) {
      const fn = propertiesOf(template, 'AWS::Lambda::Function', prefix);
      expect(fn).toMatchObject({
        Environment: {
          Variables: {
            LOG_LEVEL: 'DEBUG',
            MAX_UPLOAD_MB: '50',
            LLM_BASE_URL: 'https://nim.example.com/v1',
            LLM_MODEL: 'nvidia/nemotron-mini',
          },
        },
        LoggingConfig: { ApplicationLogLevel: 'DEBUG' },
      });
    }
  });

  it('pass the model’s budgets and sample-row sharing to the worker only, which alone talks to the model', () => {
    const model = { LLM_SHARE_SAMPLE_ROWS: 'true', LLM_PLAN_TIMEOUT_MS: '30000', LLM_NARRATIVE_TIMEOUT_MS: '12000' };
    const variables = (prefix: string) =>
      (propertiesOf(template, 'AWS::Lambda::Function', prefix).Environment as { Variables: Record<string, unknown> })
        .Variables;

    expect(variables('WorkerFunction')).toMatchObject(model);
    for (const name of Object.keys(model)) expect(variables('SlackEdgeFunction')).not.toHaveProperty(name);
  });

  it('expire uploads, charts and noncurrent versions', () => {
    const { Rules } = propertiesOf(template, 'AWS::S3::Bucket', 'StorageData').LifecycleConfiguration as {
      Rules: Record<string, unknown>[];
    };

    expect(Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 3 }),
        expect.objectContaining({ Prefix: 'charts/', ExpirationInDays: 14 }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 10 } }),
      ]),
    );
  });

  it('keep logs for the retention asked for', () => {
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect((group as { Properties: { RetentionInDays: number } }).Properties.RetentionInDays).toBe(30);
    }
  });

  it('set the queue age alarm, API throttling and WAF rate limit', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: 600,
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
    });
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 500 }) } }),
      ]),
    });
  });

  it('put a NAT gateway in each AZ', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  it('subscribe the alarm email', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(template, 'AWS::SNS::Topic', 'AlarmsTopic'),
    });
  });

  it('let the data go with the stack when retainData is false', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::SQS::Queue', 'AWS::SecretsManager::Secret', 'AWS::KMS::Key']) {
      for (const resource of Object.values(template.findResources(type))) {
        expect((resource as { DeletionPolicy?: string }).DeletionPolicy).toBe('Delete');
      }
    }
  });
});
