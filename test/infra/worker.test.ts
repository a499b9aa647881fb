import { Match } from 'aws-cdk-lib/assertions';
import { getAtt, logicalId, propertiesOf, ref, synthesize } from './synth';

// One synth for the file: the worker, the queue it consumes and the network it runs in.
const { template } = synthesize();
const worker = propertiesOf(template, 'AWS::Lambda::Function', 'WorkerFunction');
const jobs = propertiesOf(template, 'AWS::SQS::Queue', 'JobQueueJobs');
const jobsId = logicalId(template, 'AWS::SQS::Queue', 'JobQueueJobs');
const deadLettersId = logicalId(template, 'AWS::SQS::Queue', 'JobQueueDeadLetters');
const keyArn = getAtt(template, 'AWS::KMS::Key', 'DataKey');
const workerSg = getAtt(template, 'AWS::EC2::SecurityGroup', 'NetworkWorker', 'GroupId');
const endpointsSg = getAtt(template, 'AWS::EC2::SecurityGroup', 'NetworkEndpoints', 'GroupId');

describe('Worker', () => {
  it('has at least 2 GB, 5 minutes and ephemeral storage for downloads', () => {
    expect(worker.MemorySize).toBeGreaterThanOrEqual(2048);
    expect(worker.Timeout).toBe(300);
    expect(worker.EphemeralStorage).toEqual({ Size: 2048 });
  });

  it('runs in the private subnets with its HTTPS-only security group', () => {
    const { VpcConfig } = worker as {
      VpcConfig: { SubnetIds: { Ref: string }[]; SecurityGroupIds: unknown[] };
    };
    const privateSubnets = Object.keys(
      template.findResources('AWS::EC2::Subnet', { Properties: { MapPublicIpOnLaunch: false } }),
    ).filter((id) => id.includes('worker'));

    expect(privateSubnets).toHaveLength(2);
    expect(VpcConfig.SubnetIds.map((subnet) => subnet.Ref).sort()).toEqual(privateSubnets.sort());
    expect(VpcConfig.SecurityGroupIds).toEqual([workerSg]);
  });

  it('reads all three secrets and knows the redrive limit', () => {
    const { Variables } = worker.Environment as { Variables: Record<string, unknown> };

    expect(Variables).toMatchObject({
      NVIDIA_SECRET_ARN: ref(template, 'AWS::SecretsManager::Secret', 'Secretsnvidia'),
      TEAMS_SECRET_ARN: ref(template, 'AWS::SecretsManager::Secret', 'Secretsteams'),
      JOB_MAX_RECEIVES: '5',
    });
  });

  it('leaves the model’s budgets and sample-row sharing to the code’s defaults unless set', () => {
    const { Variables } = worker.Environment as { Variables: Record<string, unknown> };

    for (const name of ['LLM_SHARE_SAMPLE_ROWS', 'LLM_PLAN_TIMEOUT_MS', 'LLM_NARRATIVE_TIMEOUT_MS']) {
      expect(Variables).not.toHaveProperty(name);
    }
  });

  it('consumes the job queue with partial batch responses and a concurrency cap', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: ref(template, 'AWS::Lambda::Function', 'WorkerFunction'),
      EventSourceArn: { 'Fn::GetAtt': [jobsId, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('is created after the policy that lets Lambda create its network interfaces', () => {
    const id = logicalId(template, 'AWS::Lambda::Function', 'WorkerFunction');
    const resource = (template.toJSON() as { Resources: Record<string, { DependsOn?: string[] }> }).Resources[id];

    expect(resource?.DependsOn).toEqual(
      expect.arrayContaining([logicalId(template, 'AWS::IAM::Policy', 'WorkerNetworkInterfaces')]),
    );
  });
});

describe('job queue', () => {
  it('is FIFO with deduplication ids from the jobs, not from the content', () => {
    expect(jobs).toMatchObject({ FifoQueue: true, ContentBasedDeduplication: false });
  });

  it('sends a message to a FIFO dead-letter queue after 5 failed receives', () => {
    expect(jobs.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(propertiesOf(template, 'AWS::SQS::Queue', 'JobQueueDeadLetters')).toMatchObject({
      FifoQueue: true,
      MessageRetentionPeriod: 14 * 86_400,
    });
  });

  it('hides a received message for at least six times the worker timeout', () => {
    expect(jobs.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (worker.Timeout as number));
  });

  it.each([jobsId, deadLettersId])('%s is encrypted with the customer managed key and refuses plain HTTP', (id) => {
    expect((template.toJSON().Resources[id].Properties as Record<string, unknown>).KmsMasterKeyId).toEqual(keyArn);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('raises an alarm on the first dead letter the consumer counts, and when one waits there 15 minutes', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AnalyticsBot',
      MetricName: 'DeadLetters',
      Dimensions: [{ Name: 'service', Value: 'dead-letters' }],
      Statistic: 'Sum',
      Period: 60,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLettersId, 'QueueName'] } }],
      Threshold: 900,
    });
  });

  it('raises an alarm when the oldest job has waited 5 minutes', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [jobsId, 'QueueName'] } }],
      Threshold: 300,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });
});

function subnetsNamed(name: string): string[] {
  return Object.keys(template.findResources('AWS::EC2::Subnet')).filter((id) => id.includes(`${name}Subnet`));
}

describe('worker network', () => {
  it('has private subnets in two AZs whose default route is a NAT gateway', () => {
    const defaultRoutes = Object.entries(
      template.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '0.0.0.0/0' } }),
    ).filter(([id]) => id.includes('workerSubnet')) as [string, { Properties: Record<string, unknown> }][];

    expect(subnetsNamed('worker')).toHaveLength(2);
    expect(defaultRoutes).toHaveLength(2);
    for (const [, route] of defaultRoutes) {
      expect(route.Properties).toHaveProperty('NatGatewayId');
      expect(route.Properties).not.toHaveProperty('GatewayId');
    }
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });

  it('gives the worker a security group that allows only HTTPS out and nothing in', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Analytics bot worker: HTTPS out only',
      SecurityGroupEgress: [
        { CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: 'HTTPS only' },
      ],
      SecurityGroupIngress: Match.absent(),
    });
    template.resourcePropertiesCountIs('AWS::EC2::SecurityGroupIngress', { GroupId: workerSg }, 0);
  });

  it('has an S3 gateway endpoint on the private route tables', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('workerSubnet1RouteTable') }]),
    });
  });

  it.each(['sqs', 'secretsmanager', 'kms', 'logs'])(
    'has a private-DNS %s interface endpoint reachable only from the worker',
    (service) => {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
        PrivateDnsEnabled: true,
        SecurityGroupIds: [endpointsSg],
      });
    },
  );

  it('admits only HTTPS from the worker to the endpoints', () => {
    template.resourcePropertiesCountIs('AWS::EC2::SecurityGroupIngress', { GroupId: endpointsSg }, 1);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: endpointsSg,
      SourceSecurityGroupId: workerSg,
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Analytics bot interface endpoints: HTTPS from the worker only',
      SecurityGroupIngress: Match.absent(),
    });
  });

  it('logs all traffic to the access-log bucket and strips the default security group', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      LogDestinationType: 's3',
      LogDestination: {
        'Fn::Join': [
          '',
          [{ 'Fn::GetAtt': [logicalId(template, 'AWS::S3::Bucket', 'StorageAccessLogs'), 'Arn'] }, '/vpc-flow-logs/'],
        ],
      },
    });
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });
});
