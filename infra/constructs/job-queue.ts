import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** A message that fails this many receives moves to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/** AWS's advice for an SQS event source: a visibility timeout of six times the function timeout. */
const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface JobQueueProps {
  key: IKey;
  /** The timeout of the function that consumes the queue. */
  consumerTimeout: Duration;
  /** The timeout of the function that consumes the dead-letter queue. */
  deadLetterConsumerTimeout: Duration;
  removalPolicy: RemovalPolicy;
}

/**
 * The FIFO queue of jobs, one message group per conversation. The edge sets each message's
 * deduplication id from the platform's event id, so content-based deduplication stays off.
 */
export class JobQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: JobQueueProps) {
    super(scope, id);
    const shared = {
      fifo: true,
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      // Reusing a data key for 5 minutes keeps KMS calls to a few an hour.
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    };
    const visibilityFor = (timeout: Duration) => Duration.seconds(timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      ...shared,
      visibilityTimeout: visibilityFor(props.deadLetterConsumerTimeout),
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Jobs', {
      ...shared,
      contentBasedDeduplication: false,
      visibilityTimeout: visibilityFor(props.consumerTimeout),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
