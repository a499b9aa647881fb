import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { AnalyticsBotStack } from './stacks/analytics-bot-stack';

// Env-agnostic on purpose: `cdk synth` needs no credentials and does no lookups; the account and
// region come from the deploying profile.
const app = new App();
const settings = readSettings(app.node);
new AnalyticsBotStack(app, settings.stackName, { settings });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
