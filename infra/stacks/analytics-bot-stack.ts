import { ArnFormat, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { FUNCTION_ARCHITECTURE } from '../assets/architecture';
import { deadLetterCode, edgeCode, teamsEdgeCode, teamsFilesCode, workerCode } from '../assets/lambda-code';
import { SERVICE_NAMES } from '../constructs/app-metrics';
import { BotAlarms } from '../constructs/bot-alarms';
import { BotApi, SLACK_ROUTES, TEAMS_FILES_ROUTE } from '../constructs/bot-api';
import { BotDashboard } from '../constructs/bot-dashboard';
import { BotSecrets, secretName } from '../constructs/bot-secrets';
import { DataStorage } from '../constructs/data-storage';
import { DEAD_LETTER_CONSUMER_TIMEOUT, DeadLetterConsumer } from '../constructs/dead-letter-consumer';
import { DIGEST_RETRY_POLICY, DigestSchedules } from '../constructs/digest-schedules';
import { JobQueue } from '../constructs/job-queue';
import { SlackEdge } from '../constructs/slack-edge';
import { TeamsEdge } from '../constructs/teams-edge';
import { TeamsFiles } from '../constructs/teams-files';
import { WebFirewall } from '../constructs/web-firewall';
import { WORKER_TIMEOUT, Worker } from '../constructs/worker';
import { WorkerNetwork } from '../constructs/worker-network';
import type { BotSettings } from '../settings';

/** A dead letter the consumer has not taken within this long means it is failing (it takes one in seconds). */
const DEAD_LETTERS_STUCK_SECONDS = 15 * 60;

export interface AnalyticsBotStackProps extends StackProps {
  settings: BotSettings;
}

/** The whole bot: API → edge → FIFO queue → worker in a VPC → bucket, with keys, secrets, alarms and a dashboard. */
export class AnalyticsBotStack extends Stack {
  constructor(scope: Construct, id: string, props: AnalyticsBotStackProps) {
    super(scope, id, { description: 'Analytics bot for Slack and Microsoft Teams', ...props });
    const s = props.settings;
    const removalPolicy = s.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const key = new Key(this, 'DataKey', {
      description: 'Encrypts the analytics bot data bucket, job queues, secrets and alarm topic',
      alias: `alias/${s.stackName}-data`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // CloudWatch alarms publish to the encrypted alarm topic as this service principal. The conditions keep
    // it to this account's alarms: without them, an alarm in any account could use the key (a confused deputy).
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnLike: {
            'aws:SourceArn': this.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    const storage = new DataStorage(this, 'Storage', {
      key,
      uploadsExpireDays: s.uploadsExpireDays,
      chartsExpireDays: s.chartsExpireDays,
      jobLedgerExpireDays: s.jobLedgerExpireDays,
      noncurrentVersionsExpireDays: s.noncurrentVersionsExpireDays,
      logRetentionDays: s.logRetentionDays,
      removalPolicy,
    });
    const jobs = new JobQueue(this, 'JobQueue', {
      key,
      consumerTimeout: WORKER_TIMEOUT,
      deadLetterConsumerTimeout: DEAD_LETTER_CONSUMER_TIMEOUT,
      removalPolicy,
    });
    const { secrets } = new BotSecrets(this, 'Secrets', { key, namePrefix: s.stackName, removalPolicy });
    const network = new WorkerNetwork(this, 'Network', {
      maxAzs: s.maxAzs,
      natGateways: s.natGateways,
      logBucket: storage.logBucket,
    });

    const metrics = { namespace: s.metricsNamespace };
    // What core/config.ts reads; JOB_QUEUE_URL and BUCKET_NAME together select the AWS adapters.
    const environment: Record<string, string> = {
      JOB_QUEUE_URL: jobs.queue.queueUrl,
      BUCKET_NAME: storage.bucket.bucketName,
      LOG_LEVEL: s.logLevel,
      MAX_UPLOAD_MB: String(s.maxUploadMb),
      POWERTOOLS_METRICS_NAMESPACE: metrics.namespace,
      ...(s.llmBaseUrl ? { LLM_BASE_URL: s.llmBaseUrl } : {}),
      ...(s.llmModel ? { LLM_MODEL: s.llmModel } : {}),
    };
    const edge = new SlackEdge(this, 'SlackEdge', {
      code: edgeCode(),
      queue: jobs.queue,
      slackSecret: secrets.slack,
      key,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.edge },
      memoryMb: s.edgeMemoryMb,
      reservedConcurrency: s.edgeReservedConcurrency,
      provisionedConcurrency: s.edgeProvisionedConcurrency,
      logRetention: s.logRetentionDays,
      logLevel: s.logLevel,
    });
    const teamsEdge = new TeamsEdge(this, 'TeamsEdge', {
      code: teamsEdgeCode(),
      queue: jobs.queue,
      teamsSecret: secrets.teams,
      key,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.teamsEdge },
      memoryMb: s.edgeMemoryMb,
      reservedConcurrency: s.edgeReservedConcurrency,
      provisionedConcurrency: undefined,
      logRetention: s.logRetentionDays,
      logLevel: s.logLevel,
    });
    const teamsFiles = new TeamsFiles(this, 'TeamsFiles', {
      code: teamsFilesCode(),
      bucket: storage.bucket,
      teamsSecret: secrets.teams,
      key,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.teamsFiles },
      reservedConcurrency: s.edgeReservedConcurrency,
      logRetention: s.logRetentionDays,
      logLevel: s.logLevel,
    });
    const api = new BotApi(this, 'Api', {
      slackHandler: edge.alias,
      teamsHandler: teamsEdge.alias,
      teamsFilesHandler: teamsFiles.function,
      rateLimit: s.apiRateLimit,
      burstLimit: s.apiBurstLimit,
      logRetention: s.logRetentionDays,
    });
    const digestGroup = `${s.stackName}-digests`;
    const digests = new DigestSchedules(this, 'Digests', {
      key,
      jobQueue: jobs.queue,
      groupName: digestGroup,
      removalPolicy,
    });
    const worker = new Worker(this, 'Worker', {
      code: workerCode(FUNCTION_ARCHITECTURE.npmCpu),
      queue: jobs.queue,
      bucket: storage.bucket,
      key,
      secrets,
      vpc: network.vpc,
      subnets: network.workerSubnets,
      securityGroup: network.workerSecurityGroup,
      environment: {
        ...environment,
        ...modelEnvironment(s),
        POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.worker,
        // Where the charts too big to inline in a Teams card, and CSV exports, are linked from.
        TEAMS_FILES_URL: api.urlFor(TEAMS_FILES_ROUTE),
      },
      memoryMb: s.workerMemoryMb,
      ephemeralStorageMb: s.workerEphemeralStorageMb,
      reservedConcurrency: s.workerReservedConcurrency,
      maxConcurrency: s.workerMaxConcurrency,
      batchSize: s.workerBatchSize,
      logRetention: s.logRetentionDays,
      logLevel: s.logLevel,
      digests: {
        groupName: digestGroup,
        scheduleArns: digests.scheduleArns,
        schedulerRole: digests.role,
        deadLetterQueue: digests.deadLetterQueue,
        retryPolicy: {
          maximumEventAgeInSeconds: Number(DIGEST_RETRY_POLICY.maximumEventAgeInSeconds),
          maximumRetryAttempts: Number(DIGEST_RETRY_POLICY.maximumRetryAttempts),
        },
        linkedData: s.linkedDataPrefixes,
      },
    });

    const deadLetters = new DeadLetterConsumer(this, 'DeadLetters', {
      code: deadLetterCode(),
      deadLetterQueue: jobs.deadLetterQueue,
      bucket: storage.bucket,
      key,
      slackSecret: secrets.slack,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.deadLetters },
      logRetention: s.logRetentionDays,
      logLevel: s.logLevel,
    });

    const firewall = new WebFirewall(this, 'Firewall', {
      name: `${s.stackName}-api`,
      resourceArn: api.api.deploymentStage.stageArn,
      requestsPer5MinutesPerIp: s.wafRequestsPer5MinutesPerIp,
    });

    const alarms = new BotAlarms(this, 'Alarms', {
      key,
      functions: {
        SlackEdge: edge.function,
        TeamsEdge: teamsEdge.function,
        TeamsFiles: teamsFiles.function,
        Worker: worker.function,
        DeadLetters: deadLetters.function,
      },
      jobQueue: jobs.queue,
      deadLetterQueues: { Digests: digests.deadLetterQueue },
      consumedDeadLetterQueue: { queue: jobs.deadLetterQueue, stuckAfterSeconds: DEAD_LETTERS_STUCK_SECONDS },
      queueAgeAlarmSeconds: s.queueAgeAlarmSeconds,
      metrics,
      alarmEmail: s.alarmEmail,
    });
    const { dashboard } = new BotDashboard(this, 'Dashboard', {
      dashboardName: s.stackName,
      metrics,
      edge: edge.function,
      teamsEdge: teamsEdge.function,
      teamsFiles: teamsFiles.function,
      worker: worker.function,
      deadLetterConsumer: deadLetters.function,
      jobQueue: jobs.queue,
      deadLetterQueue: jobs.deadLetterQueue,
      api: api.api,
      webAclName: firewall.name,
      alarms: alarms.alarms,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      ApiUrl: { value: api.api.url, description: 'Base URL of the bot API' },
      ...Object.fromEntries(
        SLACK_ROUTES.map((route) => [
          `Slack${route.charAt(0).toUpperCase()}${route.slice(1)}Url`,
          { value: api.urlFor(`slack/${route}`), description: `Slack request URL for ${route} (manifest.yml)` },
        ]),
      ),
      TeamsMessagesUrl: {
        value: api.urlFor('teams/messages'),
        description: "Teams messaging endpoint (the bot registration's messaging endpoint)",
      },
      TeamsFilesUrl: {
        value: api.urlFor(TEAMS_FILES_ROUTE),
        description: 'Base of the signed, expiring links Teams fetches big charts and CSV exports from',
      },
      SlackSecretName: { value: secretName(s.stackName, 'slack'), description: 'JSON {"signingSecret","botToken"}' },
      NvidiaSecretName: { value: secretName(s.stackName, 'nvidia'), description: 'JSON {"apiKey"}' },
      TeamsSecretName: {
        value: secretName(s.stackName, 'teams'),
        description: 'JSON {"appId","appPassword","tenantId"}',
      },
      BucketName: { value: storage.bucket.bucketName, description: 'Datasets, threads, charts, digests' },
      JobQueueUrl: { value: jobs.queue.queueUrl, description: 'FIFO job queue' },
      JobDeadLetterQueueUrl: { value: jobs.deadLetterQueue.queueUrl, description: 'Jobs that failed 5 receives' },
      SlackEdgeFunctionName: { value: edge.function.functionName, description: 'The Slack edge Lambda' },
      TeamsEdgeFunctionName: { value: teamsEdge.function.functionName, description: 'The Teams edge Lambda' },
      TeamsFilesFunctionName: {
        value: teamsFiles.function.functionName,
        description: 'The Lambda that serves signed Teams file links',
      },
      WorkerFunctionName: { value: worker.function.functionName, description: 'The worker Lambda' },
      DeadLetterFunctionName: {
        value: deadLetters.function.functionName,
        description: 'Tells the person about a dead letter and keeps its record',
      },
      DataKeyArn: { value: key.keyArn, description: 'KMS key of the bucket, queues, secrets and alarm topic' },
      AlarmTopicArn: { value: alarms.topic.topicArn, description: 'Subscribe here to get the alarms' },
      DashboardName: { value: dashboard.dashboardName, description: 'CloudWatch dashboard' },
      DigestScheduleGroup: { value: digests.group.scheduleGroupName, description: 'Schedule group for digests' },
      DigestSchedulerRoleArn: { value: digests.role.roleArn, description: 'Role digest schedules run with' },
      DigestDeadLetterQueueArn: { value: digests.deadLetterQueue.queueArn, description: 'Digest schedules DLQ' },
      DigestRetryPolicy: {
        value: JSON.stringify(DIGEST_RETRY_POLICY),
        description: 'Retry policy of digest schedules',
      },
    };
    for (const [id, output] of Object.entries(outputs)) new CfnOutput(this, id, output);
  }
}

/** The worker's model settings, only those an operator set: core/config.ts has the defaults. */
function modelEnvironment(s: BotSettings): Record<string, string> {
  const variables = {
    LLM_SHARE_SAMPLE_ROWS: s.llmShareSampleRows,
    LLM_PLAN_TIMEOUT_MS: s.llmPlanTimeoutMs,
    LLM_NARRATIVE_TIMEOUT_MS: s.llmNarrativeTimeoutMs,
  };
  return Object.fromEntries(
    Object.entries(variables).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])),
  );
}
