import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * AWS managed rule groups, in evaluation order. The anonymous-IP list is left out on purpose: its
 * hosting-provider rule blocks cloud address ranges, which is where Slack and Microsoft call from.
 */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

/**
 * Common rule set rules that only count: Slack's interactions and event payloads (Block Kit
 * views, message blocks) exceed the 8 KB body size this rule blocks.
 */
export const COUNT_ONLY_RULES = ['SizeRestrictions_BODY'] as const;

export interface WebFirewallProps {
  /** The web ACL's name, also its metrics' `WebACL` dimension. */
  name: string;
  /** The API stage to protect. */
  resourceArn: string;
  /** Requests one IP may make in 5 minutes before it is blocked. */
  requestsPer5MinutesPerIp: number;
}

/** A WAFv2 web ACL in front of the API: a per-IP rate limit and AWS managed rule groups. */
export class WebFirewall extends Construct {
  readonly webAcl: CfnWebACL;
  readonly name: string;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    this.name = props.name;
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.requestsPer5MinutesPerIp,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        ...MANAGED_RULE_GROUPS.map((name, index): CfnWebACL.RuleProperty => ({
          name,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              ruleActionOverrides:
                name === 'AWSManagedRulesCommonRuleSet'
                  ? COUNT_ONLY_RULES.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
                  : undefined,
            },
          },
          visibilityConfig: visibility(name),
        })),
      ],
    });
    new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
