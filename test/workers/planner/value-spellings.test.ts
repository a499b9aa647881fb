import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';
import { closeDatabase, openDatabase, queryRows } from '../../../workers/engine/duckdb';

// Found by the new-user trial: a fruit written "apple", "Apple", "APPLE" and " apple" by a careless
// export was filtered on one of its spellings, the 5 rows of " apple", and the total was a fraction
// of the apples' with no word of the others.
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

/** The amount of every row whose fruit is `word`, whatever its case and blanks, counted by DuckDB from the file. */
async function amountOf(path: string, word: string): Promise<number> {
  const connection = await openDatabase();
  try {
    const [row] = await queryRows(
      connection,
      `SELECT sum(amount) AS total FROM read_csv('${path}') WHERE lower(trim(fruit)) = '${word}'`,
    );
    return Number(row?.total);
  } finally {
    closeDatabase(connection);
  }
}

describe('a value written in several spellings in its column', () => {
  const path = fixtureFile('spellings.csv', csv);

  it.each(['apple', 'APPLE', 'Banana'])('is counted in all of them when a question names it as "%s"', async (typed) => {
    const run = await runCli([path, `total amount for ${typed}`, '--json']);
    const answer = JSON.parse(run.stdout);
    expect(answer.result.rows[0][0]).toBe(await amountOf(path, typed.toLowerCase()));
    // The spelling typed names the value, and the answer says which others it counted.
    expect(answer.plan.filters[0].values[0]).toBe(typed);
    expect(answer.understood.join(' ')).toMatch(new RegExp(`"${typed}" counted with its other spellings in fruit`));
  });

  // Found by the second trial: "where fruit = apple,  apple, APPLE or 4 more" hid the banana.
  it('leaves each value named in a question named in the headline, before the other spellings', async () => {
    const answer = JSON.parse((await runCli([path, 'total amount for apple and banana', '--json'])).stdout);
    expect(answer.result.rows[0][0]).toBe((await amountOf(path, 'apple')) + (await amountOf(path, 'banana')));
    expect(answer.headline).toMatch(/where fruit = apple, banana[ ,]/);
  });

  it('is set against another value with all their spellings', async () => {
    const run = await runCli([path, 'apple vs banana total amount', '--json']);
    const answer = JSON.parse(run.stdout);
    expect(answer.result.rows).toEqual([
      ['apple', await amountOf(path, 'apple')],
      ['banana', await amountOf(path, 'banana')],
    ]);
  });
});
