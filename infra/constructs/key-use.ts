import { Aws } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';

/** The services that encrypt with the stack's key, and the encryption context each one sets. */
const CONTEXT_KEY = {
  sqs: 'kms:EncryptionContext:aws:sqs:arn',
  // With an S3 Bucket Key the context is the bucket's ARN, not the object's.
  s3: 'kms:EncryptionContext:aws:s3:arn',
  secretsmanager: 'kms:EncryptionContext:SecretARN',
} as const;

export type KeyService = keyof typeof CONTEXT_KEY;
export type KeyAction = 'kms:Decrypt' | 'kms:GenerateDataKey';

/**
 * Lets a principal use the key only through `service` and only for the named resources of it
 * (queue, bucket or secret ARNs), so a role that may read one queue cannot decrypt anything else.
 *
 * @example keyUseThrough(key, 'sqs', ['kms:GenerateDataKey', 'kms:Decrypt'], [queue.queueArn])
 */
export function keyUseThrough(
  key: IKey,
  service: KeyService,
  actions: KeyAction[],
  resourceArns: string[],
): PolicyStatement {
  return new PolicyStatement({
    actions,
    resources: [key.keyArn],
    conditions: {
      StringEquals: {
        'kms:ViaService': `${service}.${Aws.REGION}.amazonaws.com`,
        // Single-valued key: a list here means "any of these".
        [CONTEXT_KEY[service]]: resourceArns,
      },
    },
  });
}
