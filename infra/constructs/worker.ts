import { Aws, Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { Policy, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { EventSourceMapping, type Code } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BotSettings } from '../settings';
import { BotFunction } from './bot-function';
import { BUCKET_PREFIXES, TEAMS_FILES_PREFIX } from './data-storage';
import { MAX_RECEIVE_COUNT } from './job-queue';
import { keyUseThrough } from './key-use';

/**
 * Long enough for a large workbook; the job deadline ends a job 20 s before it, so the person is told and
 * the record comes back within a minute instead of waiting out the queue's visibility timeout.
 */
export const WORKER_TIMEOUT = Duration.minutes(5);

export interface WorkerProps {
  code: Code;
  queue: IQueue;
  bucket: IBucket;
  key: IKey;
  secrets: { slack: ISecret; nvidia: ISecret; teams: ISecret };
  vpc: IVpc;
  subnets: SubnetSelection;
  securityGroup: ISecurityGroup;
  /** Variables besides the ones the worker's own resources define. */
  environment: Record<string, string>;
  memoryMb: number;
  ephemeralStorageMb: number;
  reservedConcurrency: number | undefined;
  maxConcurrency: number;
  batchSize: number;
  logRetention: RetentionDays;
  logLevel: BotSettings['logLevel'];
  digests: WorkerDigestProps;
}

/** What the worker needs to manage digest schedules and read operators' linked data. */
export interface WorkerDigestProps {
  groupName: string;
  /** `arn:…:schedule/<group>/*`: the only schedules the worker may create, change or delete. */
  scheduleArns: string;
  /** The role schedules run with; the only role the worker may pass. */
  schedulerRole: IRole;
  deadLetterQueue: IQueue;
  retryPolicy: { maximumEventAgeInSeconds: number; maximumRetryAttempts: number };
  /** Operators' S3 prefixes a digest may read (deploy setting `linkedDataPrefixes`). */
  linkedData: BotSettings['linkedDataPrefixes'];
}

/**
 * The worker: consumes the job queue with partial batch responses, inside the VPC. It may read
 * and write the bucket's known prefixes, write Teams file links, read the three secrets, and use the key only through SQS,
 * S3 and Secrets Manager for those resources.
 */
export class Worker extends Construct {
  readonly function: BotFunction;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id);
    const { slack, nvidia, teams } = props.secrets;
    this.function = new BotFunction(this, 'Function', {
      description: 'Analytics bot worker: ingest, answer, chart, reply',
      code: props.code,
      memorySize: props.memoryMb,
      timeout: WORKER_TIMEOUT,
      // Downloads and DuckDB's spill files.
      ephemeralStorageSize: Size.mebibytes(props.ephemeralStorageMb),
      reservedConcurrentExecutions: props.reservedConcurrency,
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroups: [props.securityGroup],
      environment: {
        ...props.environment,
        SLACK_SECRET_ARN: slack.secretArn,
        NVIDIA_SECRET_ARN: nvidia.secretArn,
        TEAMS_SECRET_ARN: teams.secretArn,
        // The delivery that reaches the redrive limit is the job's last: the worker then tells the user.
        JOB_MAX_RECEIVES: String(MAX_RECEIVE_COUNT),
        JOB_QUEUE_ARN: props.queue.queueArn,
        DIGEST_SCHEDULE_GROUP: props.digests.groupName,
        DIGEST_SCHEDULER_ROLE_ARN: props.digests.schedulerRole.roleArn,
        DIGEST_DEAD_LETTER_QUEUE_ARN: props.digests.deadLetterQueue.queueArn,
        DIGEST_RETRY_POLICY: JSON.stringify(props.digests.retryPolicy),
        DIGEST_LINKED_PREFIXES: props.digests.linkedData
          .map(({ bucket, prefix }) => `s3://${bucket}/${prefix}`)
          .join(','),
      },
      logRetention: props.logRetention,
      logLevel: props.logLevel,
    });

    new EventSourceMapping(this, 'Jobs', {
      target: this.function,
      eventSourceArn: props.queue.queueArn,
      batchSize: props.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency: props.maxConcurrency,
    });

    const role = this.function.executionRole;
    const secretArns = [slack.secretArn, nvidia.secretArn, teams.secretArn];
    const statements = [
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
        resources: [props.queue.queueArn],
      }),
      keyUseThrough(props.key, 'sqs', ['kms:Decrypt'], [props.queue.queueArn]),
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: BUCKET_PREFIXES.map((prefix) => props.bucket.arnForObjects(`${prefix}/*`)),
      }),
      // It publishes Teams file links and never reads or lists them back; the files route serves them.
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${TEAMS_FILES_PREFIX}/*`)],
      }),
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': BUCKET_PREFIXES.map((prefix) => `${prefix}/*`) } },
      }),
      keyUseThrough(props.key, 's3', ['kms:GenerateDataKey', 'kms:Decrypt'], [props.bucket.bucketArn]),
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secretArns }),
      keyUseThrough(props.key, 'secretsmanager', ['kms:Decrypt'], secretArns),
      ...digestStatements(props.digests),
    ];
    for (const statement of statements) role.addToPrincipalPolicy(statement);
    // cdk-nag names an object ARN by the bucket's logical id: `<StorageData1234ABCD.Arn>/datasets/*`.
    const bucketLogicalId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnBucket);
    Validations.of(role).acknowledge(
      ...BUCKET_PREFIXES.map((prefix) => ({
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}/*]`,
        reason: `The worker reads and writes objects under ${prefix}/ only; the keys below it carry tenant, channel and job or dataset ids known only at run time.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${TEAMS_FILES_PREFIX}/*]`,
        reason: `The worker only writes under ${TEAMS_FILES_PREFIX}/: each chart or CSV it links in Teams goes under a random id made when it is published.`,
      },
    );

    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${props.digests.groupName}/*]`,
        reason:
          'The worker creates, changes and deletes one schedule per digest, named by the digest id known only when a digest is set up, and only in the stack’s digest schedule group.',
      },
      ...props.digests.linkedData.map(({ bucket, prefix }) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucket}/${prefix}*]`,
        reason: `An operator linked s3://${bucket}/${prefix} for digests (setting linkedDataPrefixes); the worker reads the newest object under it, whose name is known only at run time.`,
      })),
    );

    // What AWSLambdaVPCAccessExecutionRole grants, as an inline policy of this role alone.
    const networkInterfaces = new Policy(this, 'NetworkInterfaces', {
      statements: [
        new PolicyStatement({
          actions: [
            'ec2:CreateNetworkInterface',
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSubnets',
            'ec2:DeleteNetworkInterface',
            'ec2:AssignPrivateIpAddresses',
            'ec2:UnassignPrivateIpAddresses',
          ],
          resources: ['*'],
        }),
      ],
    });
    role.attachInlinePolicy(networkInterfaces);
    // Lambda creates the worker's network interfaces with this role, so the policy must exist first.
    this.function.node.addDependency(networkInterfaces);
    Validations.of(networkInterfaces).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Lambda manages the network interfaces of a VPC function with its role; the EC2 Describe actions support no resource-level permissions and the interfaces do not exist before Lambda creates them. These are the actions of AWSLambdaVPCAccessExecutionRole, kept inline so no AWS managed policy is attached.',
    });
  }
}

/**
 * Schedules of the digest group only; passing the scheduler's role only, and only to Scheduler;
 * reading the operators' linked prefixes only.
 */
function digestStatements(digests: WorkerDigestProps): PolicyStatement[] {
  const statements = [
    new PolicyStatement({
      actions: [
        'scheduler:CreateSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:GetSchedule',
        'scheduler:DeleteSchedule',
      ],
      resources: [digests.scheduleArns],
    }),
    new PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [digests.schedulerRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
  ];
  for (const { bucket, prefix } of digests.linkedData) {
    statements.push(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:${Aws.PARTITION}:s3:::${bucket}/${prefix}*`] }),
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [`arn:${Aws.PARTITION}:s3:::${bucket}`],
        conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
      }),
    );
  }
  return statements;
}
