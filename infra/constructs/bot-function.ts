import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
  type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FUNCTION_ARCHITECTURE } from '../assets/architecture';
import type { BotSettings } from '../settings';

export interface BotFunctionProps extends Omit<
  FunctionProps,
  'runtime' | 'architecture' | 'handler' | 'tracing' | 'loggingFormat' | 'logGroup' | 'role'
> {
  logRetention: RetentionDays;
  logLevel: BotSettings['logLevel'];
}

/**
 * The defaults every function of the bot shares: Node.js 22 on arm64, X-Ray, JSON logs in a log
 * group with retention, and a role of its own that starts with nothing but writing those logs
 * (no AWS managed policies; each function adds exactly what it reaches).
 */
export class BotFunction extends LambdaFunction {
  /** The function's own role, to which each function adds exactly what it reaches. */
  readonly executionRole: Role;

  constructor(scope: Construct, id: string, { logRetention, logLevel, ...props }: BotFunctionProps) {
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of: ${props.description ?? id}`,
    });
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: logRetention });
    super(scope, id, {
      // The bundles target node22 (infra/bundles.ts) and the repository is tested on it.
      runtime: Runtime.NODEJS_22_X,
      architecture: FUNCTION_ARCHITECTURE.lambda,
      handler: 'index.handler',
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      // Powertools' logger defers to Lambda's level when one is set: keep both the same.
      applicationLogLevelV2: ApplicationLogLevel[logLevel],
      systemLogLevelV2: SystemLogLevel.INFO,
      logGroup,
      role,
      ...props,
    });
    this.executionRole = role;
    logGroup.grantWrite(role);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is deliberate: the esbuild bundles target node22 and the code is tested on it; it is an LTS runtime Lambda supports. Moving to Node.js 24 is a separate upgrade of the bundle target and the tests.',
    });
    // Tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords to the role's default policy.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (IAM service authorization reference). Every other statement of this role names its resources.',
    });
  }
}
