import { Match } from 'aws-cdk-lib/assertions';
import { APP_METRICS, SERVICE_NAMES } from '../../infra/constructs/app-metrics';
import { DIGEST_RETRY_POLICY } from '../../infra/constructs/digest-schedules';
import { getAtt, logicalId, policyStatements, propertiesOf, ref, synthesize } from './synth';

// One synth for the file: what the functions share, logs, alarms, the dashboard and the digest plumbing.
const { template } = synthesize();
const topic = ref(template, 'AWS::SNS::Topic', 'AlarmsTopic');
const fn = (prefix: string) => ref(template, 'AWS::Lambda::Function', prefix);

describe.each([
  ['SlackEdgeFunction', 'slack-edge', 'slack'],
  ['TeamsEdgeFunction', 'teams-edge', 'teams'],
  ['TeamsFilesFunction', 'teams-files', 'teams'],
  ['WorkerFunction', 'analytics-worker', 'slack'],
  ['DeadLettersFunction', 'dead-letters', 'slack'],
])('%s', (prefix, service, platform) => {
  it('runs Node.js 22 on arm64 with X-Ray and JSON logs into its own log group', () => {
    expect(propertiesOf(template, 'AWS::Lambda::Function', prefix)).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: {
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        LogGroup: ref(template, 'AWS::Logs::LogGroup', `${prefix}Logs`),
      },
    });
  });

  it('gets its configuration from the environment, and its secrets only as ARNs to read at run time', () => {
    const { Variables } = propertiesOf(template, 'AWS::Lambda::Function', prefix).Environment as {
      Variables: Record<string, unknown>;
    };

    expect(Variables).toMatchObject({
      JOB_QUEUE_URL: ref(template, 'AWS::SQS::Queue', 'JobQueueJobs'),
      BUCKET_NAME: ref(template, 'AWS::S3::Bucket', 'StorageData'),
      [`${platform.toUpperCase()}_SECRET_ARN`]: ref(template, 'AWS::SecretsManager::Secret', `Secrets${platform}`),
      LOG_LEVEL: 'INFO',
      MAX_UPLOAD_MB: '200',
      POWERTOOLS_SERVICE_NAME: service,
      POWERTOOLS_METRICS_NAMESPACE: 'AnalyticsBot',
    });
    for (const [name, value] of Object.entries(Variables)) {
      expect(name).not.toMatch(/TOKEN|PASSWORD|SIGNING|API_KEY/);
      if (name.endsWith('_SECRET_ARN')) expect(value).toEqual({ Ref: expect.stringMatching(/^Secrets/) });
    }
  });
});

describe('logs', () => {
  it('keeps every log group for 90 days', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as {
      Properties: { RetentionInDays?: number };
    }[];

    // One per function (Slack edge, Teams edge, Teams files, worker, dead-letter consumer) and the API's access log.
    expect(groups).toHaveLength(6);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(90);
  });
});

describe('alarms', () => {
  it.each([
    ['Errors', 'SlackEdgeFunction'],
    ['Throttles', 'SlackEdgeFunction'],
    ['Errors', 'TeamsEdgeFunction'],
    ['Throttles', 'TeamsEdgeFunction'],
    ['Errors', 'TeamsFilesFunction'],
    ['Throttles', 'TeamsFilesFunction'],
    ['Errors', 'WorkerFunction'],
    ['Throttles', 'WorkerFunction'],
  ])('%s of %s', (metricName, prefix) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: metricName,
      Dimensions: [{ Name: 'FunctionName', Value: fn(prefix) }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('on failed jobs, from the metric the worker emits', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AnalyticsBot',
      MetricName: 'JobsFailed',
      Dimensions: [{ Name: 'service', Value: SERVICE_NAMES.worker }],
      Statistic: 'Sum',
      Period: 900,
    });
  });

  it('on a message in the digest dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: getAtt(template, 'AWS::SQS::Queue', 'DigestsDeadLetters', 'QueueName') },
      ],
      Threshold: 1,
    });
  });

  it('all notify the alarm topic when they fire and when they clear', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as {
      Properties: { AlarmActions: unknown[]; OKActions: unknown[] };
    }[];

    expect(alarms).toHaveLength(15);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
      expect(alarm.Properties.OKActions).toEqual([topic]);
    }
  });

  it('go to an encrypted, TLS-only topic', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(template, 'AWS::KMS::Key', 'DataKey'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('may use the key to publish to that topic, for this account’s alarms only (no confused deputy)', () => {
    const { Statement } = propertiesOf(template, 'AWS::KMS::Key', 'DataKey').KeyPolicy as {
      Statement: { Principal?: { Service?: string } }[];
    };
    const alarmArns = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':cloudwatch:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':alarm:*',
        ],
      ],
    };

    expect(Statement.filter((statement) => statement.Principal?.Service === 'cloudwatch.amazonaws.com')).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: { 'aws:SourceArn': alarmArns },
        },
      }),
    ]);
  });
});

describe('dashboard', () => {
  const body = JSON.stringify(
    (
      Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0] as {
        Properties: { DashboardBody: unknown };
      }
    ).Properties.DashboardBody,
  );

  it.each(Object.entries(APP_METRICS))('graphs %s with the service that emits it', (name, { emittedBy }) => {
    expect(body).toContain(`\\"AnalyticsBot\\",\\"${name}\\",\\"service\\",\\"${SERVICE_NAMES[emittedBy]}\\"`);
  });

  it.each(['SlackEdgeFunction', 'TeamsEdgeFunction', 'TeamsFilesFunction', 'WorkerFunction'])(
    'graphs the errors, throttles and duration of %s',
    (prefix) => {
      // The body is a join of text and function references: each Lambda metric's text ends in its name.
      const parts = (
        Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0] as {
          Properties: { DashboardBody: { 'Fn::Join': [string, unknown[]] } };
        }
      ).Properties.DashboardBody['Fn::Join'][1];
      const graphed = parts.flatMap((part, i) => {
        const metric = /"AWS\/Lambda","(\w+)","FunctionName","$/.exec(String(parts[i - 1]))?.[1];
        return metric && JSON.stringify(part) === JSON.stringify(fn(prefix)) ? [metric] : [];
      });
      expect(graphed.sort()).toEqual(['Duration', 'Errors', 'Throttles']);
    },
  );

  it.each(['AWS/Lambda', 'AWS/SQS', 'AWS/ApiGateway', 'AWS/WAFV2'])('graphs %s', (namespace) => {
    expect(body).toContain(`\\"${namespace}\\"`);
  });
});

describe('digest schedule plumbing', () => {
  it('has a schedule group named after the stack', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'AnalyticsBot-digests' });
  });

  it('has a role only EventBridge Scheduler, for schedules of that group in this account, may assume', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', Match.arrayWith([':schedule/AnalyticsBot-digests/*'])] } },
            },
          },
        ],
      },
    });
  });

  it('lets that role send only to the job queue and the encrypted digest dead-letter queue', () => {
    const grants = policyStatements(template).filter(({ policy }) => policy.startsWith('DigestsRole'));
    const queues = [
      getAtt(template, 'AWS::SQS::Queue', 'DigestsDeadLetters'),
      getAtt(template, 'AWS::SQS::Queue', 'JobQueueJobs'),
    ];

    expect(grants.map(({ statement }) => statement.Action)).toEqual([
      'sqs:SendMessage',
      ['kms:Decrypt', 'kms:GenerateDataKey'],
    ]);
    // CDK orders a statement's resources but not its condition values.
    expect(grants[0]?.statement.Resource).toEqual(queues);
    expect(grants[1]?.statement.Condition).toMatchObject({
      StringEquals: { 'kms:EncryptionContext:aws:sqs:arn': expect.arrayContaining(queues) },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: Match.anyValue(),
      MessageRetentionPeriod: 14 * 86_400,
      FifoQueue: Match.absent(),
    });
  });

  it('publishes what the digest feature needs: group, role, dead-letter queue and retry policy', () => {
    template.hasOutput('DigestScheduleGroup', { Value: 'AnalyticsBot-digests' });
    template.hasOutput('DigestSchedulerRoleArn', { Value: getAtt(template, 'AWS::IAM::Role', 'DigestsRole') });
    template.hasOutput('DigestDeadLetterQueueArn', {
      Value: getAtt(template, 'AWS::SQS::Queue', 'DigestsDeadLetters'),
    });
    template.hasOutput('DigestRetryPolicy', { Value: JSON.stringify(DIGEST_RETRY_POLICY) });
    expect(DIGEST_RETRY_POLICY).toEqual({ maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 });
  });
});
