import { Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  EndpointType,
  JsonSchemaType,
  JsonSchemaVersion,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The Slack request URLs (manifest.yml): Bolt's receiver takes all three kinds on any path. */
export const SLACK_ROUTES = ['events', 'commands', 'interactions'] as const;

/** Below it, `{expires}/{id}/{signature}/{name}` of a signed link (core/teams-file-links.ts). */
export const TEAMS_FILES_ROUTE = 'teams/files';

/**
 * What the files route serves, as API Gateway's binary media types: a base64 body from the Lambda goes
 * out as bytes when the request's first Accept type matches one. Browsers and image proxies put
 * `image/avif` or `image/webp` first for an image and `text/html` first for a clicked link, hence the
 * wildcard and `text/html`. No request to the webhooks carries these types, so their bodies stay text.
 */
export const BINARY_MEDIA_TYPES = ['image/png', 'image/*', 'text/csv', 'text/html'] as const;

export interface BotApiProps {
  slackHandler: IFunction;
  teamsHandler: IFunction;
  teamsFilesHandler: IFunction;
  rateLimit: number;
  burstLimit: number;
  logRetention: RetentionDays;
}

/**
 * The REST API Slack and Teams post to. Requests without the platform's signature headers are
 * refused by API Gateway before they cost a Lambda invocation; the edge verifies the signatures.
 */
export class BotApi extends Construct {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: BotApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api = new RestApi(this, 'Api', {
      description: 'Analytics bot: Slack and Teams webhooks',
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      binaryMediaTypes: [...BINARY_MEDIA_TYPES],
      // Execution logs need the account-wide API Gateway logging role.
      cloudWatchRole: true,
      deployOptions: {
        stageName: 'prod',
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: MethodLoggingLevel.ERROR,
        // Request bodies carry message text and tokens: never into the execution logs.
        dataTraceEnabled: false,
        // Per-method metrics are billed as custom metrics; the API-wide ones are free and enough.
        metricsEnabled: false,
        tracingEnabled: true,
      },
    });
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'The account-level role API Gateway uses to write execution logs; AWS documents this managed policy for it, and it is assumed only by apigateway.amazonaws.com.',
      });
    }

    // Checks the required headers always, and a JSON body against its route's model.
    const signedRequests = this.api.addRequestValidator('SignedRequests', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const envelope = (name: string, description: string) =>
      this.api.addModel(name, {
        contentType: 'application/json',
        description,
        schema: {
          schema: JsonSchemaVersion.DRAFT4,
          type: JsonSchemaType.OBJECT,
          required: ['type'],
          properties: { type: { type: JsonSchemaType.STRING } },
        },
      });
    // Slack signs every request, and a signature is only good for its own request, so Slack's
    // signing secret is the authorization (verified in the edge). There are no users to log in.
    const slackHeaders = {
      'method.request.header.X-Slack-Signature': true,
      'method.request.header.X-Slack-Request-Timestamp': true,
    };
    const slack = this.api.root.addResource('slack');
    const edge = new LambdaIntegration(props.slackHandler, { allowTestInvoke: false });
    for (const route of SLACK_ROUTES) {
      slack.addResource(route).addMethod('POST', edge, {
        requestValidator: signedRequests,
        requestParameters: slackHeaders,
        // Events arrive as JSON with a `type`; commands and interactions are form-encoded, which
        // API Gateway does not validate, so only the headers are checked for them.
        requestModels:
          route === 'events'
            ? { 'application/json': envelope('SlackEvent', 'A Slack Events API envelope') }
            : undefined,
      });
    }

    // Teams sends a Bot Framework JWT on every request; the edge verifies it.
    const teams = this.api.root.addResource('teams');
    teams
      .addResource('messages')
      .addMethod('POST', new LambdaIntegration(props.teamsHandler, { allowTestInvoke: false }), {
        requestValidator: signedRequests,
        requestParameters: { 'method.request.header.Authorization': true },
        requestModels: { 'application/json': envelope('TeamsActivity', 'A Bot Framework activity') },
      });

    // Teams' image proxy and a person clicking a link send no credentials: the HMAC in the path is the
    // authorization, checked by the handler before it reads S3.
    teams
      .addResource('files')
      .addResource('{proxy+}')
      .addMethod('GET', new LambdaIntegration(props.teamsFilesHandler, { allowTestInvoke: false }), {
        requestValidator: signedRequests,
        requestParameters: { 'method.request.path.proxy': true },
      });

    const noUsers =
      'Slack and the Bot Framework call this API as webhooks and cannot present IAM or Cognito credentials; each request is authenticated by its platform signature (Slack signing secret, Bot Framework JWT), required here as a header and verified in the handler, behind a WAF web ACL with a rate limit. The Teams files route is fetched by Teams and by people without credentials: its path carries an expiring HMAC-SHA256 signature the handler verifies.';
    Validations.of(this.api).acknowledge(
      { id: 'AwsSolutions-APIG4', reason: noUsers },
      { id: 'AwsSolutions-COG4', reason: noUsers },
    );
  }

  /** The full URL of a route, e.g. `slack/events`. */
  urlFor(route: string): string {
    return this.api.urlForPath(`/${route}`);
  }
}
