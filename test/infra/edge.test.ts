import { Match } from 'aws-cdk-lib/assertions';
import { BINARY_MEDIA_TYPES } from '../../infra/constructs/bot-api';
import { COUNT_ONLY_RULES, MANAGED_RULE_GROUPS } from '../../infra/constructs/web-firewall';
import { getAtt, logicalId, propertiesOf, ref, synthesize } from './synth';

// One synth for the file: the API, its firewall and the Slack edge behind it.
const { template } = synthesize();
const edge = propertiesOf(template, 'AWS::Lambda::Function', 'SlackEdgeFunction');

/** Asserts the method on the resource named `pathPart` (e.g. `slackevents`) has `properties`. */
function expectMethodOn(pathPart: string, properties: Record<string, unknown>): void {
  const resourceId = logicalId(template, 'AWS::ApiGateway::Resource', `Api${pathPart}`);
  template.resourcePropertiesCountIs('AWS::ApiGateway::Method', { ResourceId: { Ref: resourceId } }, 1);
  template.hasResourceProperties('AWS::ApiGateway::Method', { ResourceId: { Ref: resourceId }, ...properties });
}

describe('REST API', () => {
  it('is a regional REST API', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
  });

  it.each(['events', 'commands', 'interactions'])(
    'sends POST /slack/%s to the edge alias, requiring the Slack signature headers',
    (route) => {
      expectMethodOn(`slack${route}`, {
        HttpMethod: 'POST',
        Integration: {
          Type: 'AWS_PROXY',
          Uri: {
            'Fn::Join': ['', Match.arrayWith([{ Ref: logicalId(template, 'AWS::Lambda::Alias', 'SlackEdgeLive') }])],
          },
        },
        RequestParameters: {
          'method.request.header.X-Slack-Signature': true,
          'method.request.header.X-Slack-Request-Timestamp': true,
        },
        RequestValidatorId: { Ref: logicalId(template, 'AWS::ApiGateway::RequestValidator', 'ApiSignedRequests') },
      });
    },
  );

  it('validates request parameters and JSON bodies', () => {
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestParameters: true,
      ValidateRequestBody: true,
    });
    expectMethodOn('slackevents', {
      RequestModels: { 'application/json': { Ref: logicalId(template, 'AWS::ApiGateway::Model', 'ApiSlackEvent') } },
    });
  });

  it('sends POST /teams/messages to the Teams edge alias, requiring the Bot Framework token header', () => {
    expectMethodOn('teamsmessages', {
      HttpMethod: 'POST',
      RequestParameters: { 'method.request.header.Authorization': true },
      Integration: {
        Type: 'AWS_PROXY',
        Uri: {
          'Fn::Join': ['', Match.arrayWith([{ Ref: logicalId(template, 'AWS::Lambda::Alias', 'TeamsEdgeLive') }])],
        },
      },
    });
  });

  it('sends GET /teams/files/{proxy+} to the files function, which needs the signed path', () => {
    expectMethodOn('teamsfilesproxy', {
      HttpMethod: 'GET',
      AuthorizationType: 'NONE',
      RequestParameters: { 'method.request.path.proxy': true },
      RequestValidatorId: { Ref: logicalId(template, 'AWS::ApiGateway::RequestValidator', 'ApiSignedRequests') },
      Integration: {
        Type: 'AWS_PROXY',
        Uri: {
          'Fn::Join': ['', Match.arrayWith([getAtt(template, 'AWS::Lambda::Function', 'TeamsFilesFunction')])],
        },
      },
    });
    template.resourceCountIs('AWS::ApiGateway::Method', 5);
  });

  it('sends charts and CSVs as bytes: PNG and CSV, and what browsers and image proxies ask for first, are binary', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: [...BINARY_MEDIA_TYPES] });
    expect(BINARY_MEDIA_TYPES).toEqual(expect.arrayContaining(['image/png', 'text/csv']));
    // The webhooks' bodies must reach the edges as text.
    for (const type of BINARY_MEDIA_TYPES) expect(type).not.toMatch(/json|form-urlencoded|^\*\/\*$/);
  });

  it('gives the worker the files route as the base of its links', () => {
    const worker = propertiesOf(template, 'AWS::Lambda::Function', 'WorkerFunction');
    const { Variables } = worker.Environment as { Variables: Record<string, unknown> };
    const url = JSON.stringify(Variables.TEAMS_FILES_URL);
    expect(url).toContain(logicalId(template, 'AWS::ApiGateway::RestApi', 'Api'));
    expect(url).toContain('/teams/files');
    template.hasOutput('TeamsFilesUrl', { Value: Variables.TEAMS_FILES_URL });
  });

  it('lets the Teams edge read only the Teams secret and send only to the job queue', () => {
    const teams = propertiesOf(template, 'AWS::Lambda::Function', 'TeamsEdgeFunction');
    expect(JSON.stringify(teams.Environment)).toContain('TEAMS_SECRET_ARN');
    expect(JSON.stringify(teams.Environment)).not.toContain('SLACK_SECRET_ARN');
  });

  it('lets API Gateway invoke only the edge alias, per route, and not through test invokes', () => {
    const permissions = Object.values(
      template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'apigateway.amazonaws.com' } }),
    ) as { Properties: { FunctionName: unknown; SourceArn: { 'Fn::Join': [string, unknown[]] } } }[];

    const slack = permissions.filter((permission) =>
      JSON.stringify(permission.Properties.SourceArn).includes('/slack/'),
    );
    expect(permissions).toHaveLength(5);
    expect(slack).toHaveLength(3);
    const files = permissions.filter((permission) =>
      JSON.stringify(permission.Properties.SourceArn).includes('/teams/files/'),
    );
    expect(files.map((permission) => permission.Properties.FunctionName)).toEqual([
      getAtt(template, 'AWS::Lambda::Function', 'TeamsFilesFunction'),
    ]);
    expect(JSON.stringify(files[0]?.Properties.SourceArn)).toContain('/GET/teams/files/*');
    for (const permission of slack) {
      expect(permission.Properties.FunctionName).toEqual({
        Ref: logicalId(template, 'AWS::Lambda::Alias', 'SlackEdgeLive'),
      });
      expect(JSON.stringify(permission.Properties.SourceArn)).toMatch(/\/POST\/slack\/(events|commands|interactions)"/);
    }
  });

  it('throttles the stage (50 requests/s, bursts of 100 by default), writes JSON access logs and error execution logs without bodies, and traces', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      MethodSettings: [
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
      ],
    });
  });
});

describe('WAF web ACL', () => {
  it('blocks an IP past the rate limit, then applies the AWS managed rule groups', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Priority: 0,
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        }),
        ...MANAGED_RULE_GROUPS.map((name, index) =>
          Match.objectLike({
            Name: name,
            Priority: index + 1,
            OverrideAction: { None: {} },
            Statement: { ManagedRuleGroupStatement: Match.objectLike({ VendorName: 'AWS', Name: name }) },
          }),
        ),
      ],
    });
  });

  it('only counts the body size rule, which Slack payloads exceed', () => {
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as {
      Properties: {
        Rules: { Name: string; Statement: { ManagedRuleGroupStatement?: { RuleActionOverrides?: unknown } } }[];
      };
    };
    const common = acl.Properties.Rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');

    expect(common?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual(
      COUNT_ONLY_RULES.map((name) => ({ Name: name, ActionToUse: { Count: {} } })),
    );
  });

  it('is associated with the API stage', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [logicalId(template, 'AWS::WAFv2::WebACL', 'FirewallWebAcl'), 'Arn'] },
      ResourceArn: {
        'Fn::Join': [
          '',
          Match.arrayWith([
            { Ref: logicalId(template, 'AWS::ApiGateway::RestApi', 'Api') },
            { Ref: logicalId(template, 'AWS::ApiGateway::Stage', 'ApiDeploymentStage') },
          ]),
        ],
      },
    });
  });
});

describe('Teams files function', () => {
  const files = propertiesOf(template, 'AWS::Lambda::Function', 'TeamsFilesFunction');

  it('is small, fails fast, runs outside the VPC and reads only the Teams secret', () => {
    expect(files.MemorySize).toBeLessThanOrEqual(512);
    expect(files.Timeout).toBeLessThanOrEqual(10);
    expect(files).not.toHaveProperty('VpcConfig');
    const { Variables } = files.Environment as { Variables: Record<string, unknown> };
    expect(Object.keys(Variables).filter((name) => name.endsWith('_SECRET_ARN'))).toEqual(['TEAMS_SECRET_ARN']);
    expect(Variables.BUCKET_NAME).toEqual(ref(template, 'AWS::S3::Bucket', 'StorageData'));
  });
});

describe('Slack edge', () => {
  it('is small and fails fast', () => {
    expect(edge.MemorySize).toBeLessThanOrEqual(512);
    expect(edge.Timeout).toBeLessThanOrEqual(10);
    expect(edge).not.toHaveProperty('VpcConfig');
  });

  it('reads only the Slack secret', () => {
    const { Variables } = edge.Environment as { Variables: Record<string, unknown> };

    expect(Object.keys(Variables).filter((name) => name.endsWith('_SECRET_ARN'))).toEqual(['SLACK_SECRET_ARN']);
  });

  it('is reached through the "live" alias of its current version, with no concurrency reserved by default', () => {
    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionName: ref(template, 'AWS::Lambda::Function', 'SlackEdgeFunction'),
      ProvisionedConcurrencyConfig: Match.absent(),
    });
    expect(edge).not.toHaveProperty('ReservedConcurrentExecutions');
  });
});
