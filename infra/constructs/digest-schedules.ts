import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { ScheduleGroup, type CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keyUseThrough } from './key-use';

/**
 * How EventBridge Scheduler retries a digest delivery: a digest an hour late is still worth
 * sending, one a day late is not. After that it goes to the dead-letter queue.
 */
export const DIGEST_RETRY_POLICY: CfnSchedule.RetryPolicyProperty = {
  maximumEventAgeInSeconds: Duration.hours(1).toSeconds(),
  maximumRetryAttempts: 3,
};

export interface DigestSchedulesProps {
  key: IKey;
  /** The FIFO job queue the schedules send digest triggers to. */
  jobQueue: IQueue;
  /** The schedule group's name. */
  groupName: string;
  removalPolicy: RemovalPolicy;
}

/**
 * The plumbing for scheduled digests: a schedule group the worker creates one schedule per digest
 * in, the role Scheduler runs them with (it may send to the job queue and the dead-letter queue
 * only), the retry policy and a dead-letter queue. The worker's own grants to manage schedules in
 * the group and to pass this role are in `Worker`.
 */
export class DigestSchedules extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;
  readonly deadLetterQueue: Queue;
  /** Every schedule of the group, for the worker's grant. */
  readonly scheduleArns: string;

  constructor(scope: Construct, id: string, props: DigestSchedulesProps) {
    super(scope, id);
    this.group = new ScheduleGroup(this, 'Group', {
      scheduleGroupName: props.groupName,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the digest schedules; what lands here is for an operator to inspect, and an alarm fires on its first message.',
    });

    const schedulesOfGroup = (this.scheduleArns = Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${props.groupName}/*`,
    }));
    this.role = new Role(this, 'Role', {
      description: 'EventBridge Scheduler runs the digest schedules with this role',
      // Only schedules of this account's digest group may use it (confused-deputy guard).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': schedulesOfGroup },
        },
      }),
    });
    const queues = [props.jobQueue.queueArn, this.deadLetterQueue.queueArn];
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: queues }));
    this.role.addToPrincipalPolicy(keyUseThrough(props.key, 'sqs', ['kms:GenerateDataKey', 'kms:Decrypt'], queues));
  }
}
