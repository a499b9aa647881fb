import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { BotSettings } from '../settings';
import { BotFunction } from './bot-function';
import { TEAMS_FILES_PREFIX } from './data-storage';
import { keyUseThrough } from './key-use';

/** One S3 read of at most 4 MB; Teams' image proxy does not wait long for a card image either. */
const FILES_TIMEOUT = Duration.seconds(10);

export interface TeamsFilesProps {
  code: Code;
  bucket: IBucket;
  teamsSecret: ISecret;
  key: IKey;
  /** Variables besides the ones its own resources define. */
  environment: Record<string, string>;
  reservedConcurrency: number | undefined;
  logRetention: RetentionDays;
  logLevel: BotSettings['logLevel'];
}

/**
 * The Teams files route (`GET /teams/files/{proxy+}`): checks a signed link's HMAC and expiry and
 * serves the chart or CSV it names. Teams' image proxy and people clicking a link send no
 * credentials, so the signature is the authorization. It may read objects under `teams-files/`
 * only, and the Teams secret the link key is derived from; no queue, no other prefix, no VPC.
 */
export class TeamsFiles extends Construct {
  readonly function: BotFunction;

  constructor(scope: Construct, id: string, props: TeamsFilesProps) {
    super(scope, id);
    this.function = new BotFunction(this, 'Function', {
      description: 'Analytics bot Teams files: serve signed, expiring chart and CSV links',
      code: props.code,
      memorySize: 256,
      timeout: FILES_TIMEOUT,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { ...props.environment, TEAMS_SECRET_ARN: props.teamsSecret.secretArn },
      logRetention: props.logRetention,
      logLevel: props.logLevel,
    });

    const role = this.function.executionRole;
    const secretArn = props.teamsSecret.secretArn;
    const statements = [
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.bucket.arnForObjects(`${TEAMS_FILES_PREFIX}/*`)],
      }),
      keyUseThrough(props.key, 's3', ['kms:Decrypt'], [props.bucket.bucketArn]),
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }),
      keyUseThrough(props.key, 'secretsmanager', ['kms:Decrypt'], [secretArn]),
    ];
    for (const statement of statements) role.addToPrincipalPolicy(statement);
    // cdk-nag names an object ARN by the bucket's logical id, as for the worker.
    const bucketLogicalId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnBucket);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${TEAMS_FILES_PREFIX}/*]`,
      reason: `It reads the one object a verified link names under ${TEAMS_FILES_PREFIX}/, whose random id is known only when the worker publishes it; it can read nothing else in the bucket.`,
    });
  }
}
