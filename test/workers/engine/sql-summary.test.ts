import type { DuckDBConnection } from '@duckdb/node-api';
import { closeDatabase, openDatabase } from '../../../workers/engine/duckdb';
import { summarisesRows } from '../../../workers/engine/sql-summary';

/** Integration: DuckDB's own parser reads the statements; no table is needed, as nothing is bound or run. */
describe('whether a query summarises the rows it reads', () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await openDatabase();
  });
  afterAll(() => closeDatabase(connection));

  it.each([
    ['a MAX per group', 'SELECT Region, max(Sales) FROM dataset GROUP BY 1'],
    ['GROUP BY ALL', 'SELECT Region, min(Sales) FROM dataset GROUP BY ALL'],
    ['an aggregate without GROUP BY', 'SELECT count(*) FROM dataset'],
    ['an aggregate inside arithmetic', 'SELECT round(SUM(Sales) / 1000, 1) FROM dataset'],
    ['a CTE that groups', 'WITH t AS (SELECT Region, max(Sales) m FROM dataset GROUP BY 1) SELECT * FROM t'],
    ['a subquery that groups', 'SELECT m * 2 FROM (SELECT max(Sales) m FROM dataset GROUP BY Region)'],
    [
      'a UNION of groupings',
      'SELECT Region, sum(Sales) FROM dataset GROUP BY 1 UNION ALL SELECT NULL, sum(Sales) FROM dataset',
    ],
  ])('yes for %s', async (_what, sql) => {
    expect(await summarisesRows(connection, sql)).toBe(true);
  });

  it.each([
    ['a list of rows', 'SELECT Sales, Profit FROM dataset LIMIT 50'],
    ['an aggregate in a WHERE subquery', 'SELECT Sales FROM dataset WHERE Sales > (SELECT avg(Sales) FROM dataset)'],
    ['a window aggregate', 'SELECT Sales, max(Sales) OVER (PARTITION BY Region) FROM dataset'],
    ['a UNION with a side of rows', 'SELECT max(Sales) FROM dataset UNION ALL SELECT Sales FROM dataset'],
    [
      'a join of a grouping with the rows',
      'SELECT d.Sales FROM dataset d JOIN (SELECT max(Sales) m FROM dataset) t ON d.Sales = t.m',
    ],
    ['text that is not a SELECT', 'DROP TABLE dataset'],
  ])('no for %s', async (_what, sql) => {
    expect(await summarisesRows(connection, sql)).toBe(false);
  });
});
