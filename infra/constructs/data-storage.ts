import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * The top-level key prefixes the worker reads and writes (core/storage-keys.ts). `dead-letters/` is
 * the dead-letter consumer's alone, and `teams-files/` the worker only writes (TEAMS_FILES_PREFIX).
 */
export const BUCKET_PREFIXES = [
  'datasets',
  'threads',
  'charts',
  'digests',
  'uploads',
  'jobs',
  'conversations',
] as const;

/**
 * Where the worker publishes the charts and CSVs Teams fetches by signed link (core/teams-file-links.ts),
 * the one prefix the files route may read.
 */
export const TEAMS_FILES_PREFIX = 'teams-files';

/** How long a signed file link works (workers/teams/file-links.ts); its object outlives it by a day, then goes. */
export const TEAMS_FILE_LINK_DAYS = 7;

export interface DataStorageProps {
  key: IKey;
  uploadsExpireDays: number;
  chartsExpireDays: number;
  jobLedgerExpireDays: number;
  noncurrentVersionsExpireDays: number;
  /** Days the access logs (S3 server access logs, VPC flow logs) are kept. */
  logRetentionDays: number;
  removalPolicy: RemovalPolicy;
}

/** The data bucket (datasets, threads, charts, digests, uploads, the job ledger) and the bucket its access logs go to. */
export class DataStorage extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStorageProps) {
    super(scope, id);
    this.logBucket = new Bucket(this, 'AccessLogs', {
      // S3 server access logging delivers only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging its own access would write a log object for every log object delivered.',
    });

    this.bucket = new Bucket(this, 'Data', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.key,
      // One data key per bucket instead of a KMS call per object.
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        { id: 'expire-uploads', prefix: 'uploads/', expiration: Duration.days(props.uploadsExpireDays) },
        { id: 'expire-charts', prefix: 'charts/', expiration: Duration.days(props.chartsExpireDays) },
        // Nobody can fetch a file once its link has expired, so it is not kept past that.
        {
          id: 'expire-teams-files',
          prefix: `${TEAMS_FILES_PREFIX}/`,
          expiration: Duration.days(TEAMS_FILE_LINK_DAYS + 1),
        },
        // The ledger only has to outlive a redrive from the DLQ, which keeps messages 14 days.
        { id: 'expire-job-ledger', prefix: 'jobs/', expiration: Duration.days(props.jobLedgerExpireDays) },
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionsExpireDays),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: props.removalPolicy,
    });
  }
}
