import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Alias, type Code } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BotSettings } from '../settings';
import { BotFunction } from './bot-function';
import { keyUseThrough } from './key-use';

/**
 * Slack's deadline is 3 s; past 10 s the request is lost anyway, so fail fast and let the logs say why. Also
 * what lets bot/redelivery.ts assume an attempt is over by Slack's second retry, a minute after the first.
 */
const EDGE_TIMEOUT = Duration.seconds(10);

export interface SlackEdgeProps {
  code: Code;
  queue: IQueue;
  slackSecret: ISecret;
  key: IKey;
  /** Variables besides the ones the edge's own resources define. */
  environment: Record<string, string>;
  memoryMb: number;
  reservedConcurrency: number | undefined;
  provisionedConcurrency: number | undefined;
  logRetention: RetentionDays;
  logLevel: BotSettings['logLevel'];
}

/**
 * The Slack edge: verifies, acks, posts the placeholder and enqueues. It may send to the job queue
 * and read the Slack secret, nothing else; it needs no bucket and no VPC.
 */
export class SlackEdge extends Construct {
  readonly function: BotFunction;
  /** What API Gateway invokes; it carries the provisioned concurrency when there is some. */
  readonly alias: Alias;

  constructor(scope: Construct, id: string, props: SlackEdgeProps) {
    super(scope, id);
    this.function = new BotFunction(this, 'Function', {
      description: 'Analytics bot Slack edge: verify, ack, enqueue',
      code: props.code,
      memorySize: props.memoryMb,
      timeout: EDGE_TIMEOUT,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { ...props.environment, SLACK_SECRET_ARN: props.slackSecret.secretArn },
      logRetention: props.logRetention,
      logLevel: props.logLevel,
    });
    this.alias = new Alias(this, 'Live', {
      aliasName: 'live',
      version: this.function.currentVersion,
      provisionedConcurrentExecutions: props.provisionedConcurrency,
    });

    const role = this.function.executionRole;
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.queue.queueArn] }));
    role.addToPrincipalPolicy(
      keyUseThrough(props.key, 'sqs', ['kms:GenerateDataKey', 'kms:Decrypt'], [props.queue.queueArn]),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [props.slackSecret.secretArn] }),
    );
    role.addToPrincipalPolicy(
      keyUseThrough(props.key, 'secretsmanager', ['kms:Decrypt'], [props.slackSecret.secretArn]),
    );
  }
}
