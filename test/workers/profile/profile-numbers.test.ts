import { fixtureFile, load, type Loaded } from '../../support/ingest';
import { closeDatabase, queryRows } from '../../../workers/engine/duckdb';

/**
 * The profile's numbers, whether the typing scan counted them or the profile's own query did,
 * against DuckDB's own reading of the same file. Long files (over 20,000 rows) count a text
 * column's distinct values apart; short ones in the check itself.
 */
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];

function salesCsv(rows: number, extra: (i: number) => string | null = () => null): string {
  const lines = ['Order Date,Region,Product Code,Quantity,Price,Amount,Note'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const quantity = (i * 7) % 23;
    const price = ((i * 13) % 997) / 4;
    const amount = quantity * price;
    const note = i % 3 === 0 ? '' : `call back ${i % 500}`;
    lines.push(
      `2024-03-${day},${REGIONS[i % 5]},P-${(i * 31) % 7919},${quantity},${price},"$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}",${note}`,
    );
    const more = extra(i);
    if (more !== null) lines.push(more);
  }
  return `${lines.join('\n')}\n`;
}

/** What DuckDB itself finds in the file's data rows (those `where` keeps), column by column. */
async function independent(data: Loaded, path: string, where = 'true') {
  const [row] = await queryRows(
    data.connection,
    `SELECT count(*) AS rows, count(DISTINCT "Product Code") AS codes, count(DISTINCT Note) AS notes,
       count(Note) AS notesPresent, sum(Quantity) AS quantity,
       min(Price) FILTER (WHERE isfinite(Price)) AS minPrice, max(Price) FILTER (WHERE isfinite(Price)) AS maxPrice,
       sum(Price) FILTER (WHERE isfinite(Price)) AS price,
       sum(CAST(replace(replace(Amount, '$', ''), ',', '') AS DOUBLE)) AS amount,
       min(CAST(replace(replace(Amount, '$', ''), ',', '') AS DOUBLE)) AS minAmount,
       max(CAST(replace(replace(Amount, '$', ''), ',', '') AS DOUBLE)) AS maxAmount
     FROM read_csv('${path}', all_varchar = false, types = {'Price': 'DOUBLE', 'Amount': 'VARCHAR'}) WHERE ${where}`,
  );
  return row as Record<string, number | bigint>;
}

function expectProfile(data: Loaded, expected: Record<string, number | bigint>) {
  expect(data.meta.rows).toBe(Number(expected.rows));
  expect(data.column('Region').distinct).toBe(5);
  expect(data.column('Product Code').distinct).toBe(Number(expected.codes));
  expect(data.column('Note').distinct).toBe(Number(expected.notes));
  expect(data.column('Note').nulls).toBe(Number(expected.rows) - Number(expected.notesPresent));
  expect(data.column('Quantity').sum).toBe(Number(expected.quantity));
  expect(data.column('Price').sum).toBeCloseTo(Number(expected.price), 6);
  expect(data.column('Amount').sum).toBeCloseTo(Number(expected.amount), 2);
  expect(data.column('Price')).toMatchObject({ min: Number(expected.minPrice), max: Number(expected.maxPrice) });
  expect(data.column('Amount')).toMatchObject({ min: Number(expected.minAmount), max: Number(expected.maxAmount) });
  expect(data.column('Order Date').nulls).toBe(0);
}

describe('profile numbers', () => {
  let data: Loaded | undefined;
  afterEach(() => data && closeDatabase(data.connection));

  it.each([
    ['a long file', 30_000],
    ['a short file', 3_000],
  ])('of %s equal what DuckDB finds in it', async (_, rows) => {
    const path = fixtureFile(`sales-${rows}.csv`, salesCsv(rows));
    data = await load(path);
    expectProfile(data, await independent(data, path));
    expect(data.column('Product Code').role).toBe('identifier');
  });

  it.each([
    ['a long file', 30_000],
    ['a short file', 3_000],
  ])('of %s leave out a subtotal labelled in the code column after the sample', async (_, rows) => {
    // Rows 0..2499 are summed by the subtotal; its label sits in a column of thousands of codes.
    const upTo = 2500;
    const csv = salesCsv(rows);
    const lines = csv.trimEnd().split('\n');
    const data0 = lines.slice(1, upTo + 1).map((line) => line.split(','));
    const quantity = data0.reduce((sum, cells) => sum + Number(cells[3]), 0);
    const price = data0.reduce((sum, cells) => sum + Number(cells[4]), 0);
    lines.splice(upTo + 1, 0, `,,Subtotal,${quantity},${price},,`);
    const path = fixtureFile(`subtotal-${rows}.csv`, `${lines.join('\n')}\n`);
    data = await load(path);
    expectProfile(data, await independent(data, path, `"Product Code" <> 'Subtotal'`));
    expect(data.column('Product Code').notes?.join(' ')).toMatch(/Subtotal/);
  });

  it('of a long file with NaN after the sample leave the NaN out of every number', async () => {
    // Three prices far past the sample are NaN, as pandas writes a missing float.
    const csv = salesCsv(30_000);
    let nan = 0;
    const from = Math.floor(csv.length * 0.9);
    const path = fixtureFile(
      'nan.csv',
      csv.replace(/\n(2024-03-\d\d,\w+,P-\d+,\d+,)[\d.]+,/g, (all, head: string, at: number) =>
        at > from && nan++ < 3 ? `\n${head}NaN,` : all,
      ),
    );
    data = await load(path);
    expect(data.column('Price')).toMatchObject({ emptied: 3 });
    expectProfile(data, await independent(data, path));
    const [{ n }] = (await data.rows('SELECT count(*) AS n FROM dataset WHERE Price IS NULL')) as [{ n: bigint }];
    expect(data.column('Price').nulls).toBe(Number(n));
  });
});
