import { SUPERSTORE_CSV } from '../../support/datasets';
import { load, type Loaded } from '../../support/ingest';
import { answerQuestion } from '../../../workers/analysis/answer-question';

/**
 * SQL typed into a question is declined as such: answering what is left of
 * it ("total sales" without the DROP TABLE) would answer a different
 * question. Words SQL shares with English stay words.
 */
describe('a question holding SQL', () => {
  let data: Loaded;
  beforeAll(async () => {
    data = await load(SUPERSTORE_CSV);
  });
  afterAll(() => data.connection.closeSync());

  const ask = (question: string) =>
    answerQuestion(question, { connection: data.connection, table: data.table, meta: data.meta });

  it.each([
    'total sales; DROP TABLE superstore; --',
    'sales by region UNION SELECT * FROM orders',
    'delete from orders where 1=1',
    "sales where region = 'West' or 1=1",
    'sales /* by region */',
    'select count(*) from superstore',
  ])('"%s" is declined and asked for in words', async (question) => {
    const outcome = await ask(question);
    expect(outcome.kind).toBe('not-understood');
    if (outcome.kind !== 'not-understood') return;
    expect(outcome.reason).toMatch(/^That looks like SQL \(".+"\); ask in words, e\.g\. ".+"\.$/);
    expect(outcome.suggestions.length).toBeGreaterThan(0);
  });

  it.each(['the biggest drop in sales by month', 'sales by region', 'total sales; by region'])(
    '"%s" is read as words',
    async (question) => {
      const outcome = await ask(question);
      expect(outcome.kind).toBe('answer');
    },
  );

  it('leaves "select" as a word to be read, not a statement', async () => {
    const outcome = await ask('select customers in the West');
    expect(outcome.kind === 'not-understood' ? outcome.reason : '').not.toMatch(/looks like SQL/);
  });
});
