import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { SqlSandbox } from '../../../workers/engine/sandbox';
import { WorkerError } from '../../../workers/errors';

/** Integration: a real DuckDB sandbox holding a copy of Sample Superstore. */
describe('the SQL sandbox for model-written queries', () => {
  let data: Loaded;
  let sandbox: SqlSandbox;
  beforeAll(async () => {
    data = await load(SUPERSTORE_CSV);
    await data.connection.run('CREATE TABLE other_dataset AS SELECT 42 AS secret');
    sandbox = await SqlSandbox.open(data.connection, data.table, { timeoutMs: 500, maxRows: 20 });
  });
  afterAll(() => sandbox.close());

  async function refusal(sql: string): Promise<string> {
    try {
      await sandbox.run(sql);
    } catch (error) {
      if (error instanceof WorkerError && error.code === 'SQL_REFUSED') return error.message;
      throw error;
    }
    throw new Error(`ran: ${sql}`);
  }

  it.each([
    ['ATTACH', "ATTACH '/tmp/other.duckdb' AS other", /ATTACH statement/],
    ['COPY', "COPY dataset TO '/tmp/leak.csv'", /COPY statement/],
    ['COPY of a query', "COPY (SELECT * FROM dataset) TO '/tmp/leak.parquet' (FORMAT parquet)", /COPY statement/],
    ['INSTALL', 'INSTALL httpfs', /INSTALL statement/],
    ['LOAD', 'LOAD httpfs', /LOAD statement/],
    ['PRAGMA', 'PRAGMA database_list', /PRAGMA statement/],
    ['SET', 'SET enable_external_access = true', /SET statement/],
    ['CALL', 'CALL pragma_version()', /CALL statement/],
    ['stacked statements', 'SELECT 1; DROP TABLE dataset', /one statement/],
    ['stacked selects', 'SELECT 1; SELECT 2', /one statement/],
    ['read_csv', "SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\)/],
    ['read_parquet over a URL', "SELECT * FROM read_parquet('https://example.com/x.parquet')", /read_parquet\(\)/],
    ['glob', "SELECT * FROM glob('/*')", /glob\(\)/],
    ['read_text in a subquery', "SELECT (SELECT count(*) FROM read_text('/etc/passwd'))", /read_text\(\)/],
    ['query() inside a subquery', "SELECT * FROM (SELECT * FROM query('SELECT 1'))", /query\(\)/],
    ['a file path as a table', "SELECT * FROM '/etc/passwd'", /not "\/etc\/passwd"/],
    ['another table', 'SELECT * FROM other_dataset', /not "other_dataset"/],
    ['a catalog', 'SELECT * FROM information_schema.tables', /not "information_schema.tables"/],
    ['DESCRIBE', 'DESCRIBE dataset', /DESCRIBE/],
    ['settings', 'SELECT * FROM duckdb_settings()', /duckdb_settings\(\)/],
    ['text that does not parse', 'SELEC Sales FROM dataset', /does not parse/],
    ...['sqlite_master', 'duckdb_tables', 'pg_class', 'pragma_database_list'].map((name): [string, string, RegExp] => [
      `${name} behind a CTE of the same name in a subquery`,
      `SELECT * FROM dataset, (WITH ${name} AS (SELECT 1) SELECT 1) t, ${name}`,
      new RegExp(`not "${name}"`),
    ]),
    ['a query that reads no table', 'SELECT 999999 AS "Total Sales"', /must read the table "dataset"/],
    ['a VALUES list alone', 'VALUES (1)', /must read the table "dataset"/],
    ['a function call alone', 'SELECT version()', /must read the table "dataset"/],
    ['a CTE hiding the dataset', 'WITH dataset AS (SELECT 999999 AS x) SELECT * FROM dataset', /must read the table/],
    ['a select list of constants', 'SELECT 999999 AS total FROM dataset LIMIT 1', /from the columns of "dataset"/],
    [
      'a constant passed through a CTE',
      'WITH t AS (SELECT 999999 AS x FROM dataset) SELECT x FROM t',
      /from the columns of "dataset"/,
    ],
    [
      'a side of a UNION that is constants',
      'SELECT sum(Sales) FROM dataset UNION ALL SELECT 999999 FROM dataset',
      /from the columns of "dataset"/,
    ],
    ['a scalar subquery of constants', 'SELECT (SELECT 999999) AS total FROM dataset', /from the columns/],
  ])('refuses %s', async (_what, sql, message) => {
    expect(await refusal(sql)).toMatch(message);
  });

  it('runs a SELECT over the dataset and gets what the dataset holds', async () => {
    const sql = `WITH monthly AS (
        SELECT date_trunc('month', "Order Date") AS month, sum("Sales") AS sales FROM "${data.table}" GROUP BY 1)
      SELECT month, sales - lag(sales) OVER (ORDER BY month) AS jump FROM monthly ORDER BY jump DESC NULLS LAST LIMIT 3`;
    const result = await sandbox.run(sql);
    const expected = await data.rows(
      `SELECT m, s - lag(s) OVER (ORDER BY m) AS jump FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s
       FROM read_csv('${SUPERSTORE_CSV}') GROUP BY 1) ORDER BY jump DESC NULLS LAST LIMIT 3`,
    );
    expect(result.rows.map((r) => Number(r[1]))).toEqual(expected.map((r) => Number(r.jump)));
    expect(result.truncated).toBe(false);
  });

  it('lets a CTE be read in the query that defines it and in the queries nested in it', async () => {
    const sql = `WITH regions AS (SELECT DISTINCT "Region" FROM dataset)
      SELECT (SELECT count(*) FROM regions) AS n, * FROM (WITH r AS (SELECT * FROM regions) SELECT * FROM r) LIMIT 1`;
    const result = await sandbox.run(sql);
    expect(result.rows[0]?.[0]).toBe(4n);
  });

  it.each([
    ['count(*)', 'SELECT count(*) FROM dataset'],
    ['count(1) beside a label', "SELECT 'All' AS scope, count(1) FROM dataset"],
    ['*', 'SELECT * FROM dataset LIMIT 1'],
    ['a scalar subquery over a column', 'SELECT (SELECT max(Sales) FROM dataset) AS top'],
    ['an EXISTS subquery selecting 1', 'SELECT Region FROM dataset d WHERE EXISTS (SELECT 1 FROM dataset) LIMIT 1'],
  ])('runs a query whose result comes from the rows: %s', async (_what, sql) => {
    expect((await sandbox.run(sql)).rows.length).toBeGreaterThan(0);
  });

  it('caps the rows of a result and says so', async () => {
    const result = await sandbox.run(`SELECT "Order ID" FROM "${data.table}"`);
    expect(result.rows).toHaveLength(20);
    expect(result.truncated).toBe(true);
  });

  it('interrupts a statement that runs past its time limit', async () => {
    const started = Date.now();
    const cross = `SELECT count(*) FROM "${data.table}" a, "${data.table}" b, "${data.table}" c`;
    await expect(sandbox.run(cross)).rejects.toMatchObject({ code: 'SQL_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs with external access off and its configuration locked', async () => {
    const result = await sandbox.run(
      `SELECT current_setting('enable_external_access'), current_setting('lock_configuration'),
        current_setting('autoload_known_extensions'), count(*) FROM "${data.table}"`,
    );
    expect(result.rows[0]).toEqual([false, true, false, 9994n]);
  });
});
