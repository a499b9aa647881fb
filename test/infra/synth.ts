import fs from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readSettings } from '../../infra/settings';
import { AnalyticsBotStack } from '../../infra/stacks/analytics-bot-stack';

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

/**
 * Synthesizes the stack the way `cdk synth` does (cdk.json's feature flags, the same settings
 * reader) but with no stack in `aws:cdk:bundling-stacks`, so no bundle is built: the tests need
 * neither the entry points nor the npm registry. `context` overrides settings, as `-c` does.
 */
export function synthesize(context: Record<string, unknown> = {}): { stack: AnalyticsBotStack; template: Template } {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context } });
  const settings = readSettings(app.node);
  const stack = new AnalyticsBotStack(app, settings.stackName, { settings });
  return { stack, template: Template.fromStack(stack) };
}

/** The one resource of `type` whose logical id starts with `prefix` (ids are construct paths without slashes). */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`Expected one ${type} named ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}

/** `{ Ref }` to the one resource of `type` named `prefix*`. */
export function ref(template: Template, type: string, prefix: string): { Ref: string } {
  return { Ref: logicalId(template, type, prefix) };
}

/** `{ Fn::GetAtt }` of the one resource of `type` named `prefix*`. */
export function getAtt(
  template: Template,
  type: string,
  prefix: string,
  attribute = 'Arn',
): { 'Fn::GetAtt': string[] } {
  return { 'Fn::GetAtt': [logicalId(template, type, prefix), attribute] };
}

/** The properties of the one resource of `type` named `prefix*`. */
export function propertiesOf(template: Template, type: string, prefix: string): Record<string, unknown> {
  const resources = template.toJSON() as { Resources: Record<string, { Properties: Record<string, unknown> }> };
  return resources.Resources[logicalId(template, type, prefix)]!.Properties;
}

/** Every IAM policy statement in the template, with the logical id of the policy it is in. */
export function policyStatements(template: Template): { policy: string; statement: PolicyStatementJson }[] {
  return Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (
      resource as { Properties: { PolicyDocument: { Statement: PolicyStatementJson[] } } }
    ).Properties.PolicyDocument.Statement.map((statement) => ({ policy, statement })),
  );
}

export interface PolicyStatementJson {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: Record<string, Record<string, unknown>>;
}

/** A statement's actions as a list. */
export function actionsOf(statement: PolicyStatementJson): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
