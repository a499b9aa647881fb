import { FakeOpenAiServer } from '../../fakes/openai-server';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { expectSameRows } from '../../support/question-cases';
import { answered, modelFor, route, withLoopbackModel } from '../llm/model-harness';
import { answerQuestion } from '../../../workers/analysis/answer-question';

/** Integration: read-only queries the model writes, run in the sandbox, against the loopback fake. */
const S = `read_csv('${SUPERSTORE_CSV}')`;

describe('queries the model writes for what a plan cannot express', () => {
  let fake: FakeOpenAiServer;
  let data: Loaded;
  withLoopbackModel(
    () => load(SUPERSTORE_CSV),
    (started, loaded) => {
      fake = started;
      data = loaded;
    },
  );

  const replyWithSql = (sql: string) =>
    route(() => ({ json: { kind: 'sql', sql, title: 'Biggest monthly jumps in sales', chart: 'bar' } }));

  it('runs a read-only SELECT in the sandbox and answers from its result', async () => {
    const sql = `WITH m AS (SELECT date_trunc('month', "Order Date") AS month, sum("Sales") AS sales
      FROM "dataset" GROUP BY 1)
      SELECT month, sales - lag(sales) OVER (ORDER BY month) AS jump FROM m ORDER BY jump DESC NULLS LAST LIMIT 5`;
    fake.otherwise(replyWithSql(sql));
    const answer = answered(
      await answerQuestion('which month had the biggest jump in sales', { ...data, llm: modelFor(fake) }),
    );
    expect(answer).toMatchObject({ planner: 'model', method: 'sql', sql });
    await expectSameRows(
      answer,
      data.connection,
      `SELECT strftime(m, '%Y-%m-%d'), s - lag(s) OVER (ORDER BY m) AS jump
       FROM (SELECT date_trunc('month', "Order Date") m, sum(Sales) s FROM ${S} GROUP BY 1)
       ORDER BY jump DESC NULLS LAST LIMIT 5`,
    );
    expect(answer.png).not.toBeNull();
  });

  it.each([
    ['ATTACH', "ATTACH '/tmp/x.duckdb' AS x"],
    ['COPY', "COPY dataset TO '/tmp/leak.csv'"],
    ['INSTALL', 'INSTALL httpfs'],
    ['LOAD', 'LOAD httpfs'],
    ['PRAGMA', 'PRAGMA show_tables'],
    ['SET', 'SET enable_external_access = true'],
    ['CALL', 'CALL pragma_version()'],
    ['stacked statements', 'SELECT 1; DROP TABLE dataset'],
    ['read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
    ['read_parquet', "SELECT * FROM read_parquet('s3://bucket/other-tenant/data.parquet')"],
    ['glob', "SELECT * FROM glob('/home/*')"],
  ])('refuses a model-written %s and answers offline, saying why', async (_what, sql) => {
    fake.otherwise(replyWithSql(sql));
    const answer = answered(await answerQuestion('total sales', { ...data, llm: modelFor(fake) }));
    expect(answer.planner).toBe('offline');
    expect(answer.note).toMatch(/^The language model's query was refused \(.+\), so this was planned offline\.$/);
    await expectSameRows(answer, data.connection, `SELECT sum(Sales) FROM ${S}`);
    const [row] = await data.rows(`SELECT count(*) AS n FROM "${data.table}"`);
    expect(Number(row?.n)).toBe(9994);
  });
});
