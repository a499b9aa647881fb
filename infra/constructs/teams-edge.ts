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

/** Teams waits about 15 s before it redelivers; the edge answers well inside that or fails fast. */
const EDGE_TIMEOUT = Duration.seconds(10);

export interface TeamsEdgeProps {
  code: Code;
  queue: IQueue;
  teamsSecret: ISecret;
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
 * The Teams edge: verifies the Bot Framework JWT, posts the placeholder through the Bot Connector and
 * enqueues. It may send to the job queue and read the Teams secret, nothing else; no bucket, no VPC.
 */
export class TeamsEdge extends Construct {
  readonly function: BotFunction;
  /** What API Gateway invokes; it carries the provisioned concurrency when there is some. */
  readonly alias: Alias;

  constructor(scope: Construct, id: string, props: TeamsEdgeProps) {
    super(scope, id);
    this.function = new BotFunction(this, 'Function', {
      description: 'Analytics bot Teams edge: verify, ack, enqueue',
      code: props.code,
      memorySize: props.memoryMb,
      timeout: EDGE_TIMEOUT,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { ...props.environment, TEAMS_SECRET_ARN: props.teamsSecret.secretArn },
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
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [props.teamsSecret.secretArn] }),
    );
    role.addToPrincipalPolicy(
      keyUseThrough(props.key, 'secretsmanager', ['kms:Decrypt'], [props.teamsSecret.secretArn]),
    );
  }
}
