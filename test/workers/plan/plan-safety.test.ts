import { PlanError } from '../../../workers/plan/plan-errors';
import { runPlan } from '../../../workers/plan/run-plan';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { firstRow, runOn } from './plan-runner';

let data: Loaded;
beforeAll(async () => {
  data = await load(SUPERSTORE_CSV);
});

describe('plans cannot do more than read', () => {
  const injection = "West'; DROP TABLE dataset; --";

  it('treats SQL in a filter value as a value that matches nothing', async () => {
    const run = await runOn(data, {
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      filters: [{ op: 'in', column: 'Region', values: [injection] }],
    });
    expect(run.result.rows).toEqual([]);
    expect(run.result.matchedRows).toBe(0);
    expect(run.sql).not.toContain('DROP');
    expect((await firstRow(data, 'SELECT count(*) AS n FROM dataset')).n).toBe(9994);
  });

  it('treats SQL in a comparison label and value as text', async () => {
    const run = await runOn(data, {
      measures: [{ column: null, aggregation: 'count' }],
      comparison: {
        column: 'Region',
        sides: [
          { label: injection, values: [injection, 'West'] },
          { label: 'East', values: ['East'] },
        ],
      },
    });
    const expected = await firstRow(
      data,
      `SELECT count(*) FILTER (WHERE "Region" = 'West') AS west, count(*) FILTER (WHERE "Region" = 'East') AS east FROM dataset`,
    );
    expect(run.result.rows).toEqual([
      [injection, expected.west],
      ['East', expected.east],
    ]);
    expect((await firstRow(data, 'SELECT count(*) AS n FROM dataset')).n).toBe(9994);
  });
});

describe('plan errors on real data', () => {
  it('names the closest columns of the dataset for a misspelt one', async () => {
    const attempt = runOn(data, { measures: [{ column: 'Proft', aggregation: 'sum' }] });
    await expect(attempt).rejects.toThrow(PlanError);
    await expect(attempt).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
      message: 'There is no column "Proft". Did you mean "Profit"?',
    });
  });

  it('suggests both customer columns for "customer"', async () => {
    await expect(
      runOn(data, { measures: [{ column: null, aggregation: 'count' }], dimensions: [{ column: 'customers' }] }),
    ).rejects.toMatchObject({
      message: 'There is no column "customers". Did you mean "Customer ID" or "Customer Name"?',
    });
  });

  it('explains a query DuckDB cannot run without its internals', async () => {
    const plan = {
      version: 1,
      kind: 'aggregate',
      chart: 'kpi',
      title: 'Total sales',
      measures: [{ column: 'Sales', aggregation: 'sum' }],
    };
    const failed = runPlan(data.connection, plan, data.meta, 'no_such_table');
    await expect(failed).rejects.toMatchObject({
      code: 'QUERY_FAILED',
      message: 'The numbers for "Total sales" could not be computed.',
    });
    await expect(failed).rejects.toHaveProperty('cause');
  });
});
