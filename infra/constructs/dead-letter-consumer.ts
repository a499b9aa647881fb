import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { EventSourceMapping, type Code } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BotSettings } from '../settings';
import { BotFunction } from './bot-function';
import { keyUseThrough } from './key-use';

/** A few Slack calls and two S3 requests per dead letter; the dead-letter queue's visibility timeout follows it. */
export const DEAD_LETTER_CONSUMER_TIMEOUT = Duration.seconds(30);

/**
 * The bucket prefixes it uses (core/storage-keys.ts): it writes `dead-letters/…` and reads a
 * job's ledger in `jobs/…` to find the message the worker posted and whether the job finished.
 */
const WRITES = 'dead-letters';
const READS = 'jobs';

export interface DeadLetterConsumerProps {
  code: Code;
  deadLetterQueue: IQueue;
  bucket: IBucket;
  key: IKey;
  slackSecret: ISecret;
  /** Variables besides the ones its own resources define. */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logLevel: BotSettings['logLevel'];
}

/**
 * Consumes the job queue's dead-letter queue: each job there gets its failure note, its record
 * in S3 and a `DeadLetters` metric, which the alarm watches, since this empties the queue. It may
 * read that queue, the Slack secret and the job ledgers, and write dead-letter records; it needs
 * no VPC, as it reads no dataset.
 */
export class DeadLetterConsumer extends Construct {
  readonly function: BotFunction;

  constructor(scope: Construct, id: string, props: DeadLetterConsumerProps) {
    super(scope, id);
    this.function = new BotFunction(this, 'Function', {
      description: 'Analytics bot dead letters: tell the person, keep the record, count it',
      code: props.code,
      memorySize: 256,
      timeout: DEAD_LETTER_CONSUMER_TIMEOUT,
      environment: { ...props.environment, SLACK_SECRET_ARN: props.slackSecret.secretArn },
      logRetention: props.logRetention,
      logLevel: props.logLevel,
    });

    new EventSourceMapping(this, 'DeadLetters', {
      target: this.function,
      eventSourceArn: props.deadLetterQueue.queueArn,
      batchSize: 10,
      reportBatchItemFailures: true,
    });

    const role = this.function.executionRole;
    const queueArn = props.deadLetterQueue.queueArn;
    const secretArn = props.slackSecret.secretArn;
    const statements = [
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
        resources: [queueArn],
      }),
      keyUseThrough(props.key, 'sqs', ['kms:Decrypt'], [queueArn]),
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.bucket.arnForObjects(`${WRITES}/*`)] }),
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.bucket.arnForObjects(`${READS}/*`)] }),
      keyUseThrough(props.key, 's3', ['kms:GenerateDataKey', 'kms:Decrypt'], [props.bucket.bucketArn]),
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }),
      keyUseThrough(props.key, 'secretsmanager', ['kms:Decrypt'], [secretArn]),
    ];
    for (const statement of statements) role.addToPrincipalPolicy(statement);
    // cdk-nag names an object ARN by the bucket's logical id, as for the worker.
    const bucketLogicalId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnBucket);
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${WRITES}/*]`,
        reason: `It writes one record per dead letter under ${WRITES}/, keyed by tenant, channel and job id known only at run time.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${READS}/*]`,
        reason: `It reads the ledger of the job it was given under ${READS}/, keyed by tenant, channel and job id known only at run time.`,
      },
    );
  }
}
