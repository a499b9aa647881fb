import type { DuckDBConnection } from '@duckdb/node-api';
import type { Job } from '../../../core/job';
import { closeDatabase, openDatabase } from '../../../workers/engine/duckdb';
import { refusalMessage, settledFailure } from '../../../workers/jobs/refusal';
import { PlanError } from '../../../workers/plan/plan-errors';

const question = { kind: 'question' } as Job;

/** The error `runPlan` throws when DuckDB fails `sql`, with DuckDB's real error as its cause. */
async function failedPlan(connection: DuckDBConnection, sql: string): Promise<PlanError> {
  try {
    await connection.run(sql);
  } catch (error) {
    return new PlanError('QUERY_FAILED', 'The numbers for "Sales by day" could not be computed.', { cause: error });
  }
  throw new Error(`expected DuckDB to fail: ${sql}`);
}

// Integration: DuckDB's own errors, classified as the worker does when a plan's query fails.
describe('how a failed plan query ends', () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await openDatabase({ memoryLimit: '8MB', threads: 1 });
  });
  afterAll(() => closeDatabase(connection));

  it('tells the person to narrow a query that needs more memory than there is, without a retry', async () => {
    const error = await failedPlan(connection, 'SELECT i, count(*) FROM range(20000000) t(i) GROUP BY i');
    expect(refusalMessage(error, question)).toMatch(/could not be computed.*more memory.*narrow it/);
  });

  it('ends a query DuckDB rejects as written at once, as our fault, since every retry would fail alike', async () => {
    const error = await failedPlan(connection, "SELECT CAST('West' AS INTEGER)");
    expect(refusalMessage(error, question)).toBeUndefined();
    expect(settledFailure(error)).toMatch(/could not be computed/);
  });

  it('ends at once one of our own statements that DuckDB rejects as written, outside any plan', async () => {
    const error = await connection.run('SELECT no_such_column FROM range(3)').catch((caught: unknown) => caught);
    expect(refusalMessage(error, question)).toBeUndefined();
    expect(settledFailure(error)).toMatch(/query of mine failed/);
  });

  it('retries a failure that may pass, such as one reading a file', async () => {
    const error = await failedPlan(connection, "SELECT * FROM read_parquet('/nonexistent/data.parquet')");
    expect(refusalMessage(error, question)).toBeUndefined();
    expect(settledFailure(error)).toBeUndefined();
  });
});
