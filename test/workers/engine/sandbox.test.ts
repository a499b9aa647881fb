import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { SqlSandbox } from '../../../workers/engine/sandbox';
import { WorkerError } from '../../../workers/errors';

/**
 * Integration: a real DuckDB sandbox process holding a copy of Sample Superstore.
 * One table of statements, three kinds: escapes (refused, or harmless when run),
 * limits (memory and time end in typed errors and the worker lives on), and
 * analysis queries that must run and give the numbers DuckDB's own read of the file gives.
 */
describe('the SQL sandbox for model-written queries', () => {
  let data: Loaded;
  let sandbox: SqlSandbox;
  beforeAll(async () => {
    data = await load(SUPERSTORE_CSV);
    await data.connection.run('CREATE TABLE other_dataset AS SELECT 42 AS secret');
    sandbox = await SqlSandbox.open(data.connection, data.table, { timeoutMs: 2000, maxRows: 20 });
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

  const catalogCte = (name: string) => new RegExp(`CTE may not be named "${name}"|not "${name}"`, 'i');

  describe('escapes', () => {
    it.each([
      ['ATTACH', "ATTACH '/tmp/other.duckdb' AS other", /ATTACH statement/],
      ['COPY', "COPY dataset TO '/tmp/leak.csv'", /COPY statement/],
      ['COPY of a query', "COPY (SELECT * FROM dataset) TO '/tmp/leak.parquet' (FORMAT parquet)", /COPY statement/],
      ['INSTALL', 'INSTALL httpfs', /INSTALL statement/],
      ['LOAD', 'LOAD httpfs', /LOAD statement/],
      ['PRAGMA', 'PRAGMA database_list', /PRAGMA statement/],
      ['SET', 'SET enable_external_access = true', /SET statement/],
      ['SET VARIABLE', "SET VARIABLE x = 'y'", /SET statement/],
      ['CALL', 'CALL pragma_version()', /CALL statement/],
      ['CREATE', 'CREATE TABLE t AS SELECT * FROM dataset', /CREATE statement/],
      ['EXPORT', "EXPORT DATABASE '/tmp/out'", /EXPORT statement/],
      ['stacked statements', 'SELECT 1; DROP TABLE dataset', /one statement/],
      ['stacked selects', 'SELECT 1; SELECT 2', /one statement/],
      ['read_csv', "SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\)/],
      ['read_parquet over a URL', "SELECT * FROM read_parquet('https://example.com/x.parquet')", /read_parquet\(\)/],
      ['glob', "SELECT * FROM glob('/*')", /glob\(\)/],
      ['read_text in a subquery', "SELECT (SELECT count(*) FROM read_text('/etc/passwd'))", /read_text\(\)/],
      ['query() inside a subquery', "SELECT * FROM (SELECT * FROM query('SELECT 1'))", /query\(\)/],
      ['a table function beside the dataset', 'SELECT * FROM dataset, duckdb_secrets()', /duckdb_secrets\(\)/],
      ['a qualified table function', 'SELECT * FROM dataset, main.range(3)', /range\(\)/],
      ['a file path as a table', "SELECT * FROM '/etc/passwd'", /not "\/etc\/passwd"/],
      ['another table', 'SELECT * FROM other_dataset', /not "other_dataset"/],
      ['a catalog', 'SELECT * FROM information_schema.tables', /not "information_schema.tables"/],
      ['a catalog-qualified dataset', 'SELECT * FROM memory.main.dataset', /not "memory.main.dataset"/],
      ['DESCRIBE', 'DESCRIBE dataset', /DESCRIBE/],
      ['settings', 'SELECT * FROM duckdb_settings()', /duckdb_settings\(\)/],
      ['text that does not parse', 'SELEC Sales FROM dataset', /does not parse/],
      ...['sqlite_master', 'duckdb_tables', 'pg_class', 'pragma_database_list'].map(
        (name): [string, string, RegExp] => [
          `${name} behind a CTE of the same name in a subquery`,
          `SELECT * FROM dataset, (WITH ${name} AS (SELECT 1) SELECT 1) t, ${name}`,
          catalogCte(name),
        ],
      ),
      ...['pg_settings', 'duckdb_tables', 'pg_proc', 'duckdb_databases', 'information_schema', 'tables'].map(
        (name): [string, string, RegExp] => [
          `a CTE named ${name} that reads itself`,
          `WITH ${name} AS (SELECT * FROM ${name}) SELECT *, d.n FROM ${name}, (SELECT count(*) AS n FROM dataset) d`,
          catalogCte(name),
        ],
      ),
      [
        'a forward reference to a later CTE named like a catalog view',
        'WITH a AS (SELECT * FROM duckdb_databases), duckdb_databases AS (SELECT * FROM dataset) SELECT * FROM a',
        catalogCte('duckdb_databases'),
      ],
      [
        'a forward reference to a later CTE',
        'WITH a AS (SELECT * FROM b), b AS (SELECT * FROM dataset) SELECT * FROM a',
        /not "b"/,
      ],
      [
        'a non-recursive CTE reading its own name',
        'WITH b AS (SELECT * FROM b) SELECT *, (SELECT count(*) FROM dataset) FROM b',
        /not "b"/,
      ],
      [
        'a recursive CTE reading a later one',
        'WITH RECURSIVE a AS (SELECT * FROM c UNION ALL SELECT * FROM a), c AS (SELECT Sales FROM dataset) SELECT * FROM a',
        /not "c"/,
      ],
      ['current_setting()', "SELECT current_setting('temp_directory'), count(*) FROM dataset", /current_setting\(\)/],
      [
        'current_setting() in a filter',
        "SELECT Sales FROM dataset WHERE current_setting('threads') = 1",
        /current_setting/,
      ],
      ['getvariable()', "SELECT getvariable('x'), Sales FROM dataset", /getvariable\(\)/],
      ['nextval()', "SELECT nextval('s'), Sales FROM dataset", /nextval\(\)/],
      ['a pg_catalog function', 'SELECT pg_catalog.version(), Sales FROM dataset', /version\(\)/],
      ['version()', 'SELECT version(), Sales FROM dataset', /version\(\)/],
      ['getenv()', "SELECT getenv('HOME'), Sales FROM dataset", /getenv\(\)/],
      [
        'a window over a refused function',
        "SELECT first_value(current_setting('x')) OVER (), Sales FROM dataset",
        /current/,
      ],
      ['repeat() into a huge value', 'SELECT repeat(Region, 3500000000) FROM dataset', /repeat\(\)/],
      ['json_serialize_sql()', 'SELECT json_serialize_sql(Region) FROM dataset', /json_serialize_sql\(\)/],
      ['a query that reads no table', 'SELECT 999999 AS "Total Sales"', /must read the table "dataset"/],
      ['a VALUES list alone', 'VALUES (1)', /must read the table "dataset"/],
      ['a function call alone', 'SELECT abs(-1)', /must read the table "dataset"/],
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
      [
        'a PIVOT without an IN list over another table',
        'PIVOT other_dataset ON secret USING count(*)',
        /not "other_dataset"/,
      ],
      [
        'a PIVOT without an IN list over a catalog view',
        'PIVOT (SELECT * FROM duckdb_settings() , dataset) ON name USING count(*)',
        /duckdb_settings\(\)/,
      ],
      [
        'a PIVOT whose values are a refused function',
        "PIVOT dataset ON current_setting('threads') USING count(*)",
        /current_setting/,
      ],
    ])('refuses %s', async (_what, sql, message) => {
      expect(await refusal(sql)).toMatch(message);
    });

    it.each([
      ["DuckDB's own names for the session", 'SELECT current_user, current_schema, count(*) FROM dataset', 1],
      [
        'a CTE named like the dataset inside its own scope',
        'WITH d AS (SELECT * FROM dataset) SELECT count(*) FROM d',
        1,
      ],
    ])('runs %s, which shows nothing of the worker', async (_what, sql, rows) => {
      const result = await sandbox.run(sql);
      expect(result.rows).toHaveLength(rows);
      expect(JSON.stringify(result.rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))).not.toMatch(
        /\/tmp|\/work|\/var|secret/,
      );
    });
  });

  describe('limits', () => {
    it.each([
      ['a string of several GB', `SELECT length(string_agg("Product Name", '')) FROM dataset, range(20000)`],
      ['one value of 2 GB', "SELECT length(lpad(Region, 2000000000, 'x')) FROM dataset LIMIT 1"],
      ['a list of 500M elements', 'SELECT len(range(500000000 + count(*))) FROM dataset'],
      ['a list of 200M elements built from the rows', 'SELECT list(r + Sales) FROM dataset, range(20000) t(r)'],
      ['a value too big to hand over (the process dies)', 'SELECT range(30000000 + count(*)) AS big FROM dataset'],
      ['a result of 45 MB', 'SELECT "Product Name", range(5000 + Quantity * 0) FROM dataset'],
    ])('stops %s with "too much memory", and the worker lives on', async (_what, sql) => {
      const own = await SqlSandbox.open(data.connection, data.table, { timeoutMs: 20_000 });
      const before = process.memoryUsage().rss;
      try {
        await expect(own.run(sql)).rejects.toMatchObject({
          code: 'SQL_TOO_MUCH_MEMORY',
          message: expect.stringMatching(/needed too much memory/) as unknown,
        });
      } finally {
        own.close();
      }
      // The value never reached this process: its memory barely moved.
      expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
      expect((await sandbox.run('SELECT count(*) FROM dataset')).rows).toEqual([[9994n]]);
    });

    it('interrupts a statement that runs past its time limit', async () => {
      const cross = `SELECT count(*) FROM "${data.table}" a, "${data.table}" b, "${data.table}" c`;
      await expect(sandbox.run(cross)).rejects.toMatchObject({ code: 'SQL_TIMEOUT' });
      expect((await sandbox.run('SELECT count(*) FROM dataset')).rows).toEqual([[9994n]]);
    });

    it('caps the rows of a result and says so', async () => {
      const result = await sandbox.run(`SELECT "Order ID" FROM "${data.table}"`);
      expect(result.rows).toHaveLength(20);
      expect(result.truncated).toBe(true);
    });
  });

  describe('analysis queries', () => {
    const csv = `read_csv('${SUPERSTORE_CSV}')`;
    it.each([
      ['total sales', 'SELECT sum(Sales) FROM dataset', 'SELECT sum(Sales) FROM src'],
      ['rows', 'SELECT count(*) FROM dataset', 'SELECT count(*) FROM src'],
      [
        'sales by region',
        'SELECT Region, sum(Sales) FROM dataset GROUP BY 1 ORDER BY 1',
        'SELECT Region, sum(Sales) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'margin by category',
        'SELECT Category, sum(Profit) / sum(Sales) AS margin FROM dataset GROUP BY ALL ORDER BY margin DESC',
        'SELECT Category, sum(Profit) / sum(Sales) FROM src GROUP BY 1 ORDER BY 2 DESC',
      ],
      [
        'average order value',
        'SELECT sum(Sales) / count(DISTINCT "Order ID") FROM dataset',
        'SELECT sum(Sales) / count(DISTINCT "Order ID") FROM src',
      ],
      [
        'sales by year',
        'SELECT year("Order Date") AS y, round(sum(Sales), 2) FROM dataset GROUP BY y ORDER BY y',
        'SELECT year("Order Date"), round(sum(Sales), 2) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'orders by weekday, Monday first',
        'SELECT isodow("Order Date") AS d, dayname("Order Date"), count(*) FROM dataset GROUP BY ALL ORDER BY d',
        'SELECT isodow("Order Date"), dayname("Order Date"), count(*) FROM src GROUP BY 1, 2 ORDER BY 1',
      ],
      [
        'monthly sales with month-over-month change',
        `WITH m AS (SELECT date_trunc('month', "Order Date") AS month, sum(Sales) AS s FROM dataset GROUP BY 1)
         SELECT month, s - lag(s) OVER (ORDER BY month) FROM m ORDER BY month LIMIT 12`,
        `SELECT m, s - lag(s) OVER (ORDER BY m) FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s
         FROM src GROUP BY 1) ORDER BY m LIMIT 12`,
      ],
      [
        'top 2 sub-categories in each region',
        `SELECT Region, "Sub-Category", s FROM (SELECT Region, "Sub-Category", sum(Sales) AS s,
           row_number() OVER (PARTITION BY Region ORDER BY sum(Sales) DESC) AS r FROM dataset GROUP BY 1, 2)
         WHERE r <= 2 ORDER BY Region, s DESC`,
        `SELECT Region, "Sub-Category", s FROM (SELECT Region, "Sub-Category", sum(Sales) s,
           rank() OVER (PARTITION BY Region ORDER BY sum(Sales) DESC) r FROM src GROUP BY 1, 2)
         WHERE r <= 2 ORDER BY 1, 3 DESC`,
      ],
      [
        'growth 2016 to 2017 by segment',
        `SELECT Segment, (sum(Sales) FILTER (WHERE year("Order Date") = 2017)) /
           (sum(Sales) FILTER (WHERE year("Order Date") = 2016)) - 1 AS growth FROM dataset GROUP BY 1 ORDER BY 1`,
        `SELECT Segment, sum(CASE WHEN year("Order Date") = 2017 THEN Sales END) /
           sum(CASE WHEN year("Order Date") = 2016 THEN Sales END) - 1 FROM src GROUP BY 1 ORDER BY 1`,
      ],
      [
        'median and quartiles of discount',
        'SELECT median(Discount), quantile_cont(Discount, 0.25), quantile_cont(Discount, 0.75) FROM dataset',
        'SELECT quantile_cont(Discount, 0.5), quantile_cont(Discount, 0.25), quantile_cont(Discount, 0.75) FROM src',
      ],
      [
        'orders that lost money',
        'SELECT count(DISTINCT "Order ID") FROM dataset WHERE Profit < 0',
        'SELECT count(DISTINCT "Order ID") FROM src WHERE Profit < 0',
      ],
      [
        'the product with the highest sales',
        'SELECT arg_max("Product Name", s), max(s) FROM (SELECT "Product Name", sum(Sales) s FROM dataset GROUP BY 1)',
        'SELECT "Product Name", sum(Sales) FROM src GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
      ],
      [
        'customers by state, a text filter',
        `SELECT State, count(DISTINCT "Customer ID") FROM dataset
         WHERE lower(City) LIKE 'new%' AND State NOT IN ('Texas') GROUP BY 1 ORDER BY 2 DESC, 1`,
        `SELECT State, count(DISTINCT "Customer ID") FROM src
         WHERE lower(City) LIKE 'new%' AND State <> 'Texas' GROUP BY 1 ORDER BY 2 DESC, 1`,
      ],
      [
        'share of sales by ship mode',
        'SELECT "Ship Mode", round(100 * sum(Sales) / sum(sum(Sales)) OVER (), 3) FROM dataset GROUP BY 1 ORDER BY 1',
        'SELECT "Ship Mode", round(100 * sum(Sales) / (SELECT sum(Sales) FROM src), 3) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'a CASE bucket of order sizes',
        `SELECT CASE WHEN Sales >= 1000 THEN 'large' WHEN Sales >= 100 THEN 'medium' ELSE 'small' END AS size,
           count(*) FROM dataset GROUP BY 1 ORDER BY 1`,
        `SELECT CASE WHEN Sales >= 1000 THEN 'large' WHEN Sales >= 100 THEN 'medium' ELSE 'small' END,
           count(*) FROM src GROUP BY 1 ORDER BY 1`,
      ],
      [
        'days to ship by mode',
        'SELECT "Ship Mode", round(avg(date_diff(\'day\', "Order Date", "Ship Date")), 4) FROM dataset GROUP BY 1 ORDER BY 1',
        'SELECT "Ship Mode", round(avg("Ship Date" - "Order Date"), 4) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'a recursive CTE of the years joined to the data',
        `WITH RECURSIVE y(n) AS (SELECT min(year("Order Date")) FROM dataset
           UNION ALL SELECT n + 1 FROM y WHERE n < (SELECT max(year("Order Date")) FROM dataset))
         SELECT n, count(d."Order ID") FROM y LEFT JOIN dataset d ON year(d."Order Date") = n GROUP BY n ORDER BY n`,
        'SELECT year("Order Date"), count(*) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'a range() calendar joined to the data',
        `SELECT m.r, count(d.Sales) FROM range(1, 13) m(r) LEFT JOIN dataset d ON month(d."Order Date") = m.r
         GROUP BY 1 ORDER BY 1`,
        'SELECT month("Order Date"), count(*) FROM src GROUP BY 1 ORDER BY 1',
      ],
      [
        'a CTE read by the CTE after it',
        `WITH a AS (SELECT Region, sum(Sales) AS s FROM dataset GROUP BY 1), b AS (SELECT max(s) AS top FROM a)
         SELECT Region, s FROM a, b WHERE s = top`,
        'SELECT Region, sum(Sales) FROM src GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
      ],
      [
        'a PIVOT with an IN list',
        `SELECT * FROM (PIVOT dataset ON Region IN ('East', 'West') USING round(sum(Sales), 2) GROUP BY Category)
         ORDER BY Category`,
        `SELECT Category, round(sum(Sales) FILTER (WHERE Region = 'East'), 2),
           round(sum(Sales) FILTER (WHERE Region = 'West'), 2) FROM src GROUP BY 1 ORDER BY 1`,
      ],
      [
        'a PIVOT without an IN list',
        'PIVOT dataset ON Region USING round(sum(Sales), 2) GROUP BY Category ORDER BY Category',
        `SELECT Category, ${['Central', 'East', 'South', 'West']
          .map((r) => `round(sum(Sales) FILTER (WHERE Region = '${r}'), 2)`)
          .join(', ')} FROM src GROUP BY 1 ORDER BY 1`,
      ],
      [
        'a PIVOT without an IN list on two columns, in a subquery',
        `SELECT * FROM (PIVOT dataset ON Segment, year("Order Date") USING count(*) GROUP BY Region) ORDER BY Region`,
        `SELECT Region, ${['Consumer', 'Corporate', 'Home Office']
          .flatMap((g) =>
            [2014, 2015, 2016, 2017].map(
              (y) => `count(*) FILTER (WHERE Segment = '${g}' AND year("Order Date") = ${y})`,
            ),
          )
          .join(', ')} FROM src GROUP BY 1 ORDER BY 1`,
      ],
      [
        'list functions over a group',
        `SELECT Region, list_sort(list(DISTINCT Segment)), len(list(DISTINCT Segment)) FROM dataset
         GROUP BY 1 ORDER BY 1`,
        "SELECT Region, ['Consumer', 'Corporate', 'Home Office'], 3 FROM src GROUP BY 1 ORDER BY 1",
      ],
      [
        'a rolling 3-month average',
        `SELECT month, avg(s) OVER (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM
           (SELECT date_trunc('month', "Order Date") AS month, sum(Sales) AS s FROM dataset GROUP BY 1)
         ORDER BY month DESC LIMIT 5`,
        `SELECT m, avg(s) OVER (ORDER BY m ROWS 2 PRECEDING) FROM (SELECT date_trunc('month', "Order Date") m,
           sum(Sales) s FROM src GROUP BY 1) ORDER BY m DESC LIMIT 5`,
      ],
      [
        'quarter of the year with strftime labels',
        `SELECT quarter("Order Date") AS q, strftime(min("Order Date"), '%Y') AS first_year, count(*)
         FROM dataset GROUP BY 1 ORDER BY 1`,
        'SELECT quarter("Order Date"), \'2014\', count(*) FROM src GROUP BY 1 ORDER BY 1',
      ],
    ])('answers %s right', async (_what, sql, truth) => {
      const result = await sandbox.run(sql);
      const expected = await data.connection.runAndReadAll(truth.replace(/\bsrc\b/g, csv));
      expect(result.rows.map(comparable)).toEqual(expected.getRowsJS().map(comparable));
    });
  });
});

/** Values as both sides can be compared: numbers rounded off float noise, dates as ISO text. */
function comparable(row: unknown[]): unknown[] {
  return row.map((value) => {
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number') return Number(value.toPrecision(10));
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return comparable(value);
    return value;
  });
}
