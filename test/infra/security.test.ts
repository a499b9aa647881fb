import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { storageKeys } from '../../core/storage-keys';
import { fileLinkStoreKey, TEAMS_FILES_PREFIX } from '../../core/teams-file-links';
import { TEAMS_FILE_LINK_DAYS } from '../../infra/constructs/data-storage';
import { DEFAULT_TTL_MS } from '../../workers/teams/file-links';
import {
  actionsOf,
  getAtt,
  logicalId,
  policyStatements,
  propertiesOf,
  ref,
  synthesize,
  type PolicyStatementJson,
} from './synth';

// One synth for the file: cdk-nag, least privilege, encryption and storage.
const { stack, template } = synthesize();
const keyArn = getAtt(template, 'AWS::KMS::Key', 'DataKey');

/** Every acknowledged rule in the stack: construct path, rule id, reason. */
function acknowledgments(): { path: string; id: string; reason: string }[] {
  return stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);

    expect(
      report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });

  it('leaves CDK itself nothing to warn about', () => {
    const annotations = Annotations.fromStack(stack);

    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only these findings, each on the construct it concerns and with a reason', () => {
    const ours = acknowledgments().filter((ack) => ack.id.startsWith('AwsSolutions-'));

    for (const ack of ours) expect(ack.reason.length).toBeGreaterThan(80);
    expect(ours.map((ack) => `${ack.path} ${ack.id.replace(/<\w+\.Arn>/, '<bucket>')}`).sort()).toEqual(
      [
        'AnalyticsBot/Api/Api AwsSolutions-APIG4',
        'AnalyticsBot/Api/Api AwsSolutions-COG4',
        'AnalyticsBot/Api/Api/CloudWatchRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        'AnalyticsBot/DeadLetters/Function AwsSolutions-L1',
        'AnalyticsBot/DeadLetters/FunctionRole AwsSolutions-IAM5[Resource::*]',
        'AnalyticsBot/DeadLetters/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/dead-letters/*]',
        'AnalyticsBot/DeadLetters/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/jobs/*]',
        'AnalyticsBot/Digests/DeadLetters AwsSolutions-SQS3',
        'AnalyticsBot/Secrets/nvidia AwsSolutions-SMG4',
        'AnalyticsBot/Secrets/slack AwsSolutions-SMG4',
        'AnalyticsBot/Secrets/teams AwsSolutions-SMG4',
        'AnalyticsBot/SlackEdge/Function AwsSolutions-L1',
        'AnalyticsBot/SlackEdge/FunctionRole AwsSolutions-IAM5[Resource::*]',
        'AnalyticsBot/Storage/AccessLogs AwsSolutions-S1',
        'AnalyticsBot/TeamsEdge/Function AwsSolutions-L1',
        'AnalyticsBot/TeamsEdge/FunctionRole AwsSolutions-IAM5[Resource::*]',
        'AnalyticsBot/TeamsFiles/Function AwsSolutions-L1',
        'AnalyticsBot/TeamsFiles/FunctionRole AwsSolutions-IAM5[Resource::*]',
        'AnalyticsBot/TeamsFiles/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/teams-files/*]',
        'AnalyticsBot/Worker/Function AwsSolutions-L1',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/AnalyticsBot-digests/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/charts/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/conversations/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/teams-files/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/datasets/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/digests/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/jobs/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/threads/*]',
        'AnalyticsBot/Worker/FunctionRole AwsSolutions-IAM5[Resource::<bucket>/uploads/*]',
        'AnalyticsBot/Worker/NetworkInterfaces AwsSolutions-IAM5[Resource::*]',
      ].sort(),
    );
  });
});

const statements = policyStatements(template);
const queueArn = getAtt(template, 'AWS::SQS::Queue', 'JobQueueJobs');
const bucketArn = getAtt(template, 'AWS::S3::Bucket', 'StorageData');
const secret = (kind: string) => ref(template, 'AWS::SecretsManager::Secret', `Secrets${kind}`);
const viaService = (service: string) => ({
  'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']],
});

/** The statements of the policies attached to a role, as `actions → resources (+ conditions)`. */
function grantsOf(rolePrefix: string): PolicyStatementJson[] {
  const role = logicalId(template, 'AWS::IAM::Role', rolePrefix);
  const policies = Object.entries(template.findResources('AWS::IAM::Policy'))
    .filter(([, policy]) =>
      JSON.stringify((policy as { Properties: { Roles: unknown } }).Properties.Roles).includes(role),
    )
    .map(([id]) => id);
  return statements.filter(({ policy }) => policies.includes(policy)).map(({ statement }) => statement);
}

function normalized(grants: PolicyStatementJson[]): unknown[] {
  return grants.map((s) => ({ actions: actionsOf(s).sort(), resource: s.Resource, condition: s.Condition }));
}

const xray = { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resource: '*', condition: undefined };
const logsOf = (prefix: string) => ({
  actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  resource: getAtt(template, 'AWS::Logs::LogGroup', prefix),
  condition: undefined,
});
const keyThrough = (service: string, actions: string[], context: string, arns: unknown[]) => ({
  actions: [...actions].sort(),
  resource: keyArn,
  condition: { StringEquals: { 'kms:ViaService': viaService(service), [`kms:EncryptionContext:${context}`]: arns } },
});

describe('least privilege', () => {
  it('gives no statement a wildcard action', () => {
    for (const { statement } of statements) {
      for (const action of actionsOf(statement)) expect(action).not.toContain('*');
    }
  });

  it('attaches no AWS managed policy to the function roles', () => {
    for (const prefix of [
      'SlackEdgeFunctionRole',
      'TeamsEdgeFunctionRole',
      'TeamsFilesFunctionRole',
      'WorkerFunctionRole',
      'DigestsRole',
    ]) {
      const role = template.toJSON().Resources[logicalId(template, 'AWS::IAM::Role', prefix)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets the edge send to the job queue and read the Slack secret, nothing else', () => {
    expect(normalized(grantsOf('SlackEdgeFunctionRole'))).toEqual(
      expect.arrayContaining([
        xray,
        logsOf('SlackEdgeFunctionLogs'),
        { actions: ['sqs:SendMessage'], resource: queueArn, condition: undefined },
        keyThrough('sqs', ['kms:Decrypt', 'kms:GenerateDataKey'], 'aws:sqs:arn', [queueArn]),
        { actions: ['secretsmanager:GetSecretValue'], resource: secret('slack'), condition: undefined },
        keyThrough('secretsmanager', ['kms:Decrypt'], 'SecretARN', [secret('slack')]),
      ]),
    );
    expect(grantsOf('SlackEdgeFunctionRole')).toHaveLength(6);
  });

  it('lets the Teams files function read objects under teams-files/ and the Teams secret, nothing else', () => {
    expect(normalized(grantsOf('TeamsFilesFunctionRole'))).toEqual(
      expect.arrayContaining([
        xray,
        logsOf('TeamsFilesFunctionLogs'),
        {
          actions: ['s3:GetObject'],
          resource: { 'Fn::Join': ['', [bucketArn, '/teams-files/*']] },
          condition: undefined,
        },
        keyThrough('s3', ['kms:Decrypt'], 'aws:s3:arn', [bucketArn]),
        { actions: ['secretsmanager:GetSecretValue'], resource: secret('teams'), condition: undefined },
        keyThrough('secretsmanager', ['kms:Decrypt'], 'SecretARN', [secret('teams')]),
      ]),
    );
    expect(grantsOf('TeamsFilesFunctionRole')).toHaveLength(6);
  });

  it('gives every object prefix the code writes to a function that may write it, and the worker no more', () => {
    const scope = { tenant: 'T1', channel: 'C1' };
    const written = [
      ...Object.values(storageKeys).map((key) => key(scope, 'id1')),
      fileLinkStoreKey({ id: 'a'.repeat(22), name: 'chart.png' }),
    ].map((key) => key.split('/')[0]);
    const writers = statements
      .filter(({ statement }) => actionsOf(statement).includes('s3:PutObject'))
      .flatMap(({ statement }) => [statement.Resource].flat())
      .map((resource) => /\/([\w-]+)\/\*"\]\]\}$/.exec(JSON.stringify(resource))?.[1]);

    expect(new Set(writers)).toEqual(new Set(written));
  });

  it('lets the worker consume the queue, use the bucket prefixes, read the three secrets and manage digest schedules, nothing else', () => {
    const prefixes = ['charts', 'conversations', 'datasets', 'digests', 'jobs', 'threads', 'uploads'];
    const grants = normalized(grantsOf('WorkerFunctionRole'));

    expect(grants).toEqual(
      expect.arrayContaining([
        xray,
        logsOf('WorkerFunctionLogs'),
        {
          actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
          resource: queueArn,
          condition: undefined,
        },
        keyThrough('sqs', ['kms:Decrypt'], 'aws:sqs:arn', [queueArn]),
        {
          actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
          resource: prefixes.map((prefix) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}/*`]] })),
          condition: undefined,
        },
        {
          actions: ['s3:ListBucket'],
          resource: bucketArn,
          condition: { StringLike: { 's3:prefix': expect.arrayContaining(prefixes.map((prefix) => `${prefix}/*`)) } },
        },
        {
          actions: ['s3:PutObject'],
          resource: { 'Fn::Join': ['', [bucketArn, '/teams-files/*']] },
          condition: undefined,
        },
        keyThrough('s3', ['kms:Decrypt', 'kms:GenerateDataKey'], 'aws:s3:arn', [bucketArn]),
        {
          actions: ['secretsmanager:GetSecretValue'],
          resource: expect.arrayContaining(['nvidia', 'slack', 'teams'].map(secret)),
          condition: undefined,
        },
        {
          actions: ['kms:Decrypt'],
          resource: keyArn,
          condition: {
            StringEquals: {
              'kms:ViaService': viaService('secretsmanager'),
              'kms:EncryptionContext:SecretARN': expect.arrayContaining(['nvidia', 'slack', 'teams'].map(secret)),
            },
          },
        },
        {
          actions: [
            'ec2:AssignPrivateIpAddresses',
            'ec2:CreateNetworkInterface',
            'ec2:DeleteNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSubnets',
            'ec2:UnassignPrivateIpAddresses',
          ],
          resource: '*',
          condition: undefined,
        },
        {
          actions: [
            'scheduler:CreateSchedule',
            'scheduler:DeleteSchedule',
            'scheduler:GetSchedule',
            'scheduler:UpdateSchedule',
          ],
          resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':scheduler:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':schedule/AnalyticsBot-digests/*',
              ],
            ],
          },
          condition: undefined,
        },
        {
          actions: ['iam:PassRole'],
          resource: getAtt(template, 'AWS::IAM::Role', 'DigestsRole'),
          condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        },
      ]),
    );
    expect(grants).toHaveLength(13);
  });

  it('uses "*" as a resource only for X-Ray and the VPC network interfaces', () => {
    const unscoped = statements
      .filter(({ statement }) => statement.Resource === '*')
      .flatMap(({ statement }) => actionsOf(statement));

    expect(new Set(unscoped.map((action) => action.split(':')[0]))).toEqual(new Set(['xray', 'ec2']));
  });
});

const dataId = logicalId(template, 'AWS::S3::Bucket', 'StorageData');
const logsId = logicalId(template, 'AWS::S3::Bucket', 'StorageAccessLogs');
const blockAll = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

const bucket = (id: string) => propertiesOf(template, 'AWS::S3::Bucket', id);

describe('data bucket', () => {
  it('blocks public access, enforces object ownership and keeps versions', () => {
    expect(bucket(dataId)).toMatchObject({
      PublicAccessBlockConfiguration: blockAll,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('is encrypted with the customer managed key and an S3 Bucket Key', () => {
    expect(bucket(dataId).BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn },
        },
      ],
    });
  });

  it('refuses requests without TLS 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: dataId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('expires Teams file links’ objects the day after the links stop working', () => {
    const { Rules } = bucket(dataId).LifecycleConfiguration as { Rules: Record<string, unknown>[] };
    const rule = Rules.find((r) => r.Prefix === TEAMS_FILES_PREFIX);

    expect(TEAMS_FILE_LINK_DAYS * 86_400_000).toBe(DEFAULT_TTL_MS);
    expect(rule?.ExpirationInDays).toBe(TEAMS_FILE_LINK_DAYS + 1);
  });

  it('expires uploads, charts, Teams file links and the job ledger after some days, and noncurrent versions too', () => {
    const { Rules } = bucket(dataId).LifecycleConfiguration as { Rules: Record<string, unknown>[] };

    expect(Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 7, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'charts/', ExpirationInDays: 30, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'jobs/', ExpirationInDays: 30, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'teams-files/', Status: 'Enabled' }),
        expect.objectContaining({
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        }),
      ]),
    );
    expect(Rules.filter((rule) => rule.ExpirationInDays && !rule.Prefix)).toEqual([]);
  });

  it('writes server access logs to the log bucket', () => {
    expect(bucket(dataId).LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 'data-bucket/',
    });
  });

  it('is kept when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({ VersioningConfiguration: Match.anyValue() }),
      DeletionPolicy: 'Retain',
    });
  });
});

describe('access-log bucket', () => {
  it('is private, SSE-S3 (what server access logging requires), TLS-only and expires logs', () => {
    expect(bucket(logsId)).toMatchObject({
      PublicAccessBlockConfiguration: blockAll,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [{ Id: 'expire-logs', ExpirationInDays: 90, Status: 'Enabled' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('key', () => {
  it('rotates', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });
});

describe('secrets', () => {
  it.each([
    ['slack', { signingSecret: '', botToken: '' }],
    ['nvidia', { apiKey: '' }],
    ['teams', { appId: '', appPassword: '', tenantId: '' }],
  ])('%s is encrypted with the key, named after the stack and created with empty fields', (kind, fields) => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: `AnalyticsBot/${kind}`,
      KmsKeyId: keyArn,
      GenerateSecretString: { SecretStringTemplate: JSON.stringify(fields), GenerateStringKey: 'placeholder' },
      SecretString: Match.absent(),
    });
  });
});
