import { runCli } from '../../support/cli';
import { fixtureFile, load } from '../../support/ingest';
import { independentRows } from '../../support/independent-sql';

// Found by the new-user trials: a fruit written "apple", "Apple", "APPLE" and " apple" by a careless
// export was filtered on one of its spellings (the 5 rows of " apple"), grouped as five fruits and
// counted as nine distinct values.
const FRUIT: [string, number, number][] = [
  ['apple', 50, 1],
  ['Apple', 30, 2],
  ['APPLE', 20, 3],
  ['apple ', 10, 4],
  [' apple', 5, 5],
  ['Banana', 40, 6],
  ['banana', 35, 7],
];
const csv = `fruit,amount\n${FRUIT.flatMap(([fruit, n, amount]) => Array(n).fill(`"${fruit}",${amount}`)).join('\n')}\n`;

/** DuckDB's own reading of the file, each value's case and blanks set aside. */
async function independent(path: string, sql: string): Promise<Record<string, unknown>[]> {
  return independentRows(sql.replace('FILE', `(SELECT lower(trim(fruit)) AS fruit, amount FROM read_csv('${path}'))`));
}

const amountOf = async (path: string, word: string) =>
  Number((await independent(path, `SELECT sum(amount) AS total FROM FILE WHERE fruit = '${word}'`))[0]?.total);

describe('a category value written in several spellings', () => {
  const path = fixtureFile('spellings.csv', csv);

  it('is one value of the table, in its most common spelling, and the profile says which it merged', async () => {
    const data = await load(path);
    const counts = await independent(path, 'SELECT fruit, count(*) AS n FROM FILE GROUP BY fruit ORDER BY n DESC');
    const fruit = data.column('fruit');
    expect(fruit.distinct).toBe(counts.length);
    expect(fruit.top).toEqual([
      { value: 'apple', count: Number(counts[0]?.n) },
      { value: 'Banana', count: Number(counts[1]?.n) },
    ]);
    expect(fruit.notes?.join(' ')).toMatch(/"apple" \(also written .*"Apple".*\); "Banana" \(also written "banana"\)/);
  });

  it.each(['apple', 'APPLE', ' apple', 'Banana'])(
    'is counted whole when a question names it as "%s"',
    async (typed) => {
      const answer = JSON.parse((await runCli([path, `total amount for ${typed}`, '--json'])).stdout);
      expect(answer.result.rows[0][0]).toBe(await amountOf(path, typed.trim().toLowerCase()));
    },
  );

  it('is one group of a breakdown', async () => {
    const answer = JSON.parse((await runCli([path, 'total amount by fruit', '--json'])).stdout);
    const expected = await independent(
      path,
      'SELECT fruit, sum(amount) AS total FROM FILE GROUP BY fruit ORDER BY total DESC',
    );
    expect(answer.result.rows.map(([fruit, total]: [string, number]) => [fruit.toLowerCase(), total])).toEqual(
      expected.map(({ fruit, total }) => [fruit, Number(total)]),
    );
  });

  it('is set against another value whole, and both are named in the headline', async () => {
    const versus = JSON.parse((await runCli([path, 'apple vs banana total amount', '--json'])).stdout);
    expect(versus.result.rows).toEqual([
      ['apple', await amountOf(path, 'apple')],
      ['Banana', await amountOf(path, 'banana')],
    ]);
    const both = JSON.parse((await runCli([path, 'total amount for apple and banana', '--json'])).stdout);
    expect(both.result.rows[0][0]).toBe((await amountOf(path, 'apple')) + (await amountOf(path, 'banana')));
    expect(both.headline).toMatch(/where fruit = apple or Banana\.|where fruit = apple, Banana/);
  });
});

// A column of many values (customer names) is not tallied whole at ingest, so its spellings stay in
// the table: a question's filter takes them all, says so, and names the one typed.
describe('a value written in several spellings in a column of many values', () => {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to'];
  const names = syllables.flatMap((a) => syllables.flatMap((b) => syllables.map((c) => `${a}${b}${c}`)));
  const cap = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;
  const rows = Array.from({ length: 900 }, (_, i) => `${i % 9 === 0 ? 'kalomi' : cap(names[i % 300] ?? '')},${i % 11}`);
  const path = fixtureFile('customers.csv', `name,amount\n${rows.join('\n')}\n`);

  it('is filtered in every spelling, the typed one first', async () => {
    const answer = JSON.parse((await runCli([path, 'total amount for kalomi', '--json'])).stdout);
    const [expected] = await independentRows(
      `SELECT sum(amount) AS total FROM read_csv('${path}') WHERE lower(name) = 'kalomi'`,
    );
    expect(answer.result.rows[0][0]).toBe(Number(expected?.total));
    expect(answer.plan.filters[0].values).toEqual(['kalomi', 'Kalomi']);
    expect(answer.understood.join(' ')).toMatch(/"kalomi" counted with its other spellings in name: "Kalomi"/);
  });
});
