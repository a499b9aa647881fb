import { AwsSolutionsChecks } from 'cdk-nag';
import { InfraError } from '../../infra/errors';
import { actionsOf, policyStatements, propertiesOf, synthesize } from './synth';

// One synth with two linked prefixes, as an operator would deploy them.
const linked = ['s3://acme-exports/nightly/sales/', 's3://acme-finance/ledger.csv'];
const { stack, template } = synthesize({ linkedDataPrefixes: linked.join(',') });
const worker = propertiesOf(template, 'AWS::Lambda::Function', 'WorkerFunction');
const workerGrants = policyStatements(template)
  .filter(({ policy }) => policy.startsWith('WorkerFunctionRole'))
  .map(({ statement }) => statement);

describe('linked data for digests', () => {
  it('lets the worker read objects under each linked prefix and list only those prefixes', () => {
    const reads = workerGrants.filter((statement) => actionsOf(statement).includes('s3:GetObject'));
    const readResources = reads.map((statement) => JSON.stringify(statement.Resource));
    expect(readResources).toEqual(
      expect.arrayContaining([
        expect.stringContaining(':s3:::acme-exports/nightly/sales/*'),
        expect.stringContaining(':s3:::acme-finance/ledger.csv*'),
      ]),
    );
    const lists = workerGrants.filter(
      (statement) =>
        actionsOf(statement).includes('s3:ListBucket') && JSON.stringify(statement.Resource).includes('acme'),
    );
    expect(lists.map((statement) => statement.Condition)).toEqual([
      { StringLike: { 's3:prefix': ['nightly/sales/*'] } },
      { StringLike: { 's3:prefix': ['ledger.csv*'] } },
    ]);
  });

  it('grants nothing on any other bucket outside the stack', () => {
    const foreign = workerGrants
      .map((statement) => JSON.stringify(statement.Resource))
      .filter((resource) => resource.includes(':s3:::'));
    expect(foreign.every((resource) => /:s3:::acme-(exports|finance)/.test(resource))).toBe(true);
  });

  it('tells the worker which prefixes are linked and where digest schedules go', () => {
    const { Variables } = worker.Environment as { Variables: Record<string, unknown> };
    expect(Variables).toMatchObject({
      DIGEST_LINKED_PREFIXES: linked.join(','),
      DIGEST_SCHEDULE_GROUP: 'AnalyticsBot-digests',
      DIGEST_RETRY_POLICY: JSON.stringify({ maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 }),
    });
  });

  it('still passes cdk-nag with every finding acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`)).toEqual([]);
  });

  it.each([['s3://acme-exports'], ['s3://acme-exports/'], ['s3://acme-exports/nightly/*'], ['https://acme.example/x']])(
    'refuses the linked prefix %s, naming the setting',
    (uri) => {
      expect(() => synthesize({ linkedDataPrefixes: uri })).toThrow(InfraError);
      expect(() => synthesize({ linkedDataPrefixes: uri })).toThrow(/linkedDataPrefixes/);
    },
  );
});
