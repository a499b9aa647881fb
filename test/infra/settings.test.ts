import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { InfraError } from '../../infra/errors';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSettings, SETTING_KEYS } from '../../infra/settings';

const settingsFrom = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

describe('readSettings', () => {
  it('has a default for everything', () => {
    const settings = settingsFrom({});

    expect(settings).toMatchObject({
      stackName: 'AnalyticsBot',
      workerMemoryMb: 2048,
      workerBatchSize: 1,
      logRetentionDays: RetentionDays.THREE_MONTHS,
      retainData: true,
      metricsNamespace: 'AnalyticsBot',
    });
    expect(settings.edgeProvisionedConcurrency).toBeUndefined();
    expect(settings.alarmEmail).toBeUndefined();
    // Unset, so the worker keeps core/config.ts's defaults.
    expect(settings.llmShareSampleRows).toBeUndefined();
    expect(settings.llmPlanTimeoutMs).toBeUndefined();
    expect(settings.llmNarrativeTimeoutMs).toBeUndefined();
  });

  it('reads `-c key=value` strings as numbers and booleans', () => {
    const settings = settingsFrom({ workerMemoryMb: '3008', retainData: 'false', logRetentionDays: '365' });

    expect(settings).toMatchObject({ workerMemoryMb: 3008, retainData: false, logRetentionDays: 365 });
  });

  it('reads the model settings', () => {
    const settings = settingsFrom({
      llmShareSampleRows: 'true',
      llmPlanTimeoutMs: '30000',
      llmNarrativeTimeoutMs: 8000,
    });

    expect(settings).toMatchObject({ llmShareSampleRows: true, llmPlanTimeoutMs: 30_000, llmNarrativeTimeoutMs: 8000 });
  });

  it.each([
    [{ workerMemoryMb: '1024' }, 'workerMemoryMb'],
    [{ logRetentionDays: '45' }, 'logRetentionDays'],
    [{ alarmEmail: 'ops' }, 'alarmEmail'],
    [{ edgeReservedConcurrency: '2', edgeProvisionedConcurrency: '3' }, 'edgeProvisionedConcurrency'],
    [{ maxAzs: '1', natGateways: '2' }, 'natGateways'],
    [{ workerReservedConcurrency: '5' }, 'workerReservedConcurrency'],
    [{ llmShareSampleRows: 'yes' }, 'llmShareSampleRows'],
    [{ llmPlanTimeoutMs: '0' }, 'llmPlanTimeoutMs'],
    [{ llmNarrativeTimeoutMs: '1.5' }, 'llmNarrativeTimeoutMs'],
  ])('refuses %j, naming the key', (context, key) => {
    expect(() => settingsFrom(context)).toThrow(InfraError);
    expect(() => settingsFrom(context)).toThrow(new RegExp(`Context value ${key} is invalid`));
  });
});

describe('the README', () => {
  it('names every setting an operator can pass with -c', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const settings = readme.slice(readme.indexOf('**Settings**'), readme.indexOf('**What is ready and what is not.**'));

    expect(SETTING_KEYS.filter((key) => !settings.includes(`\`${key}\``))).toEqual([]);
  });
});
