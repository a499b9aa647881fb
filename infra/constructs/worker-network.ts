import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
  type SubnetSelection,
} from 'aws-cdk-lib/aws-ec2';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The AWS APIs the worker calls without leaving the VPC (S3 goes through a gateway endpoint). */
const INTERFACE_ENDPOINTS = {
  Sqs: InterfaceVpcEndpointAwsService.SQS,
  SecretsManager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  Kms: InterfaceVpcEndpointAwsService.KMS,
  Logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
} as const;

export interface WorkerNetworkProps {
  maxAzs: number;
  natGateways: number;
  /** Where the VPC flow logs go. */
  logBucket: IBucket;
}

/**
 * The worker's VPC: private subnets whose only way out is HTTPS, to the AWS endpoints inside the
 * VPC or through NAT to Slack, NVIDIA and the Bot Framework.
 */
export class WorkerNetwork extends Construct {
  readonly vpc: Vpc;
  readonly workerSubnets: SubnetSelection = { subnetType: SubnetType.PRIVATE_WITH_EGRESS };
  /** The worker's security group: HTTPS out, nothing else, nothing in. */
  readonly workerSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: WorkerNetworkProps) {
    super(scope, id);
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: props.maxAzs,
      natGateways: props.natGateways,
      subnetConfiguration: [
        // Holds only the NAT gateways, which have their own Elastic IPs.
        { name: 'nat', subnetType: SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'worker', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      restrictDefaultSecurityGroup: true,
      flowLogs: {
        all: {
          destination: FlowLogDestination.toS3(props.logBucket, 'vpc-flow-logs/'),
          trafficType: FlowLogTrafficType.ALL,
        },
      },
    });

    this.workerSecurityGroup = new SecurityGroup(this, 'Worker', {
      vpc: this.vpc,
      description: 'Analytics bot worker: HTTPS out only',
      allowAllOutbound: false,
    });
    // Slack, NVIDIA and the Bot Framework through NAT, the AWS APIs through the endpoints: all HTTPS.
    this.workerSecurityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS only');

    const endpoints = new SecurityGroup(this, 'Endpoints', {
      vpc: this.vpc,
      description: 'Analytics bot interface endpoints: HTTPS from the worker only',
      allowAllOutbound: false,
    });
    endpoints.addIngressRule(this.workerSecurityGroup, Port.tcp(443), 'HTTPS from the worker');

    this.vpc.addGatewayEndpoint('S3', { service: GatewayVpcEndpointAwsService.S3, subnets: [this.workerSubnets] });
    for (const [name, service] of Object.entries(INTERFACE_ENDPOINTS)) {
      this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: this.workerSubnets,
        securityGroups: [endpoints],
        // Without this the endpoint security group would also admit the whole VPC CIDR.
        open: false,
        privateDnsEnabled: true,
      });
    }
  }
}
