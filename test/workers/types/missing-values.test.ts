import { queryRows } from '../../../workers/engine/duckdb';
import { runCli } from '../../support/cli';
import { fixtureFile, loadText, shape } from '../../support/ingest';

const REGIONS = ['East', 'West', 'North', 'South'];

/** 3,000 sales rows; NaN and infinities in every region, most of them after the 2,000-row type sample. */
function salesWithNonFinite(): string {
  const lines = ['Region,Sales,Units'];
  for (let i = 0; i < 3000; i++) {
    const region = REGIONS[i % 4] as string;
    const sales = ((i * 37) % 1000) / 10 + 1;
    let units = String(i % 13);
    const odd = { 5: 'NaN', 2100: 'inf', 2201: '-Infinity', 2302: 'nan', 2403: 'INF', 2999: '+inf' }[i];
    if (i === 2504) units = 'inf';
    lines.push(`${region},${odd ?? sales.toFixed(2)},${units}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('NaN and infinities in a number column', () => {
  it('are missing values with a note, and every group sum equals SQL that skips them', async () => {
    const text = salesWithNonFinite();
    const path = fixtureFile('sales-nan.csv', text);
    const data = await loadText('sales-nan.csv', text);
    const sales = data.column('Sales');
    expect(shape(sales)).toBe('decimal/measure/-');
    expect(sales.nulls).toBe(6);
    expect(sales.notes?.join(' ')).toMatch(/6 values were NaN or infinite and are left empty/);
    expect(shape(data.column('Units'))).toBe('integer/measure/-');
    expect(data.column('Units').notes?.join(' ')).toMatch(/1 value was NaN or infinite/);

    const expected = await queryRows(
      data.connection,
      `SELECT Region, sum(Sales) AS total FROM read_csv('${path}', columns = {'Region': 'VARCHAR', 'Sales': 'DOUBLE', 'Units': 'VARCHAR'}, header = true)
       WHERE isfinite(Sales) GROUP BY Region ORDER BY Region`,
    );
    expect(expected).toHaveLength(4);
    const profiled = await data.rows('SELECT Region, sum(Sales) AS total FROM dataset GROUP BY Region ORDER BY Region');
    expect(profiled.map((r) => r.Region)).toEqual(expected.map((r) => r.Region));
    profiled.forEach((row, i) => expect(Number(row.total)).toBeCloseTo(Number(expected[i]?.total), 6));
    const all = await queryRows(
      data.connection,
      `SELECT sum(Sales) AS total FROM read_csv('${path}', columns = {'Region': 'VARCHAR', 'Sales': 'DOUBLE', 'Units': 'VARCHAR'}, header = true) WHERE isfinite(Sales)`,
    );
    expect(sales.sum).toBeCloseTo(Number(all[0]?.total), 6);

    const run = await runCli([path, 'total sales by region', '--json']);
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as { result: { rows: [string, number][] } };
    const byRegion = new Map(answer.result.rows.map(([region, total]) => [region, total]));
    expect(byRegion.size).toBe(4);
    for (const row of expected) expect(byRegion.get(String(row.Region))).toBeCloseTo(Number(row.total), 6);
  });
});

describe("Excel's error values and a pivot's (blank) in a CSV's number column", () => {
  it('are empty values: the column stays a number and its sums skip them', async () => {
    const errors = ['#DIV/0!', '#VALUE!', '#REF!', '#N/A', '#NAME?', '#NUM!', '(blank)'];
    const rows = Array.from({ length: 30 }, (_, i) => [
      i % 2 ? 'East' : 'West',
      i % 5 === 0 ? errors[i % 7] : `${i}.5`,
    ]);
    const data = await loadText('excel-errors.csv', `Region,Sales\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    const expected = rows.filter(([, v]) => !String(v).startsWith('#') && v !== '(blank)');
    expect(data.column('Sales').type).toBe('decimal');
    expect(data.column('Sales').nulls).toBe(rows.length - expected.length);
    expect(data.column('Sales').sum).toBeCloseTo(
      expected.reduce((t, [, v]) => t + Number(v), 0),
      9,
    );
  });
});

// Found by the new-user trial: DuckDB's casts read 0x10 as 16 and 1_000 as 1000, while the note said they were left empty.
describe('hex, binary and underscored numbers in a number column, after the sample', () => {
  it('are left empty as the note says, and no sum counts them', async () => {
    const odd: Record<number, string> = { 9500: '0x10', 9600: '1_000', 9700: '0b11' };
    const lines = ['region,amount'];
    for (let i = 0; i < 20_000; i++) lines.push(`r${i % 4},${odd[i] ?? '100'}`);
    const data = await loadText('hex.csv', `${lines.join('\n')}\n`);
    expect(shape(data.column('amount'))).toBe('integer/measure/-');
    expect(data.column('amount').sum).toBe(19_997 * 100);
    expect(data.column('amount').nulls).toBe(3);
    expect(data.column('amount').notes?.join(' ')).toMatch(/^3 values are not numbers and were left empty/);
  });
});

describe('floats printed at full precision', () => {
  it('are numbers, not a text identifier column', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'A' : 'B'},${String((i + 1) / 3)}`);
    expect(rows.some((row) => /\.\d{16}/.test(row))).toBe(true);
    const data = await loadText('thirds.csv', `Group,Share\n${rows.join('\n')}\n`);
    expect(shape(data.column('Share'))).toBe('decimal/measure/-');
    expect(data.column('Share').sum).toBeCloseTo((60 * 61) / 2 / 3, 9);
  });

  it('still read 16-digit whole numbers as codes', async () => {
    const data = await loadText(
      'cards.csv',
      'Card,Amount\n4111111111111111,5\n4222222222222222,7\n4333333333333333,9\n',
    );
    expect(data.column('Card').role).toBe('identifier');
  });
});

describe('an answer over a column that held NaN or placeholder dates', () => {
  it('says how many rows it leaves out, only when it uses that column, and its sum skips exactly those', async () => {
    const path = fixtureFile('sales-nan-answer.csv', salesWithNonFinite());
    const bySales = await runCli([path, 'total sales by region', '--json']);
    expect(bySales.stderr).toBe('');
    const answer = JSON.parse(bySales.stdout) as { leftOut?: string; result: { rows: [string, number][] } };
    expect(answer.leftOut).toBe('6 rows with no Sales value (NaN or infinite in the file) are left out.');
    const [independent] = await queryRows(
      (await loadText('sales-nan-check.csv', salesWithNonFinite())).connection,
      `SELECT sum(TRY_CAST(Sales AS DOUBLE)) FILTER (WHERE isfinite(TRY_CAST(Sales AS DOUBLE))) AS total,
              count(*) FILTER (WHERE NOT isfinite(TRY_CAST(Sales AS DOUBLE))) AS skipped
       FROM read_csv('${path}', header = true, all_varchar = true)`,
    );
    expect(Number(independent?.skipped)).toBe(6);
    const total = answer.result.rows.reduce((sum, [, value]) => sum + value, 0);
    expect(total).toBeCloseTo(Number(independent?.total), 6);

    const byRows = await runCli([path, 'number of rows by region']);
    expect(byRows.stdout).not.toMatch(/left out/);
    const byUnits = await runCli([path, 'total units by region']);
    expect(byUnits.stdout).toMatch(/^1 row with no Units value \(NaN or infinite in the file\) is left out\.$/m);
  });

  // Found by the new-user trial: "8 rows with no value value".
  it('does not say "value" twice for a column named so', async () => {
    const path = fixtureFile(
      'value-nan.csv',
      `id,value\n${Array.from({ length: 20 }, (_, i) => `${i},${i % 5 ? i : 'NaN'}`).join('\n')}\n`,
    );
    const run = await runCli([path, 'average value']);
    expect(run.stdout).toMatch(/^4 rows with no value \(NaN or infinite in the file\) are left out\.$/m);
  });

  it('says how many rows have no date when the answer groups by a date that held placeholders', async () => {
    const path = fixtureFile('orders-placeholders-answer.csv', ordersWithPlaceholders());
    const run = await runCli([path, 'total amount by month of ordered']);
    expect(run.stdout).toMatch(/^30 rows have no Ordered date \(the file held placeholders for “no date”\)\.$/m);
    const named = fixtureFile(
      'orders-placeholders-named.csv',
      ordersWithPlaceholders().replace('Ordered', 'Order Date'),
    );
    const again = await runCli([named, 'total amount by month of order date']);
    expect(again.stdout).toMatch(/^30 rows have no Order Date \(the file held placeholders for “no date”\)\.$/m);
  });
});

/** 400 orders over 2023–2024, with .NET's "no date", an open end and Excel's zero among them. */
function ordersWithPlaceholders(): string {
  const lines = ['Order,Amount,Ordered'];
  for (let i = 0; i < 400; i++) {
    const day = `20${23 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const placeholder = i % 40 === 3 ? '0001-01-01' : i % 40 === 7 ? '9999-12-31' : i % 40 === 11 ? '1900-01-01' : null;
    lines.push(`${i},${i + 1},${placeholder ?? day}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('placeholder dates', () => {
  it('year 1, year 9999 and an outlying 1900-01-01 are missing values with a note; grains and charts work', async () => {
    const path = fixtureFile('orders-placeholders.csv', ordersWithPlaceholders());
    const data = await loadText('orders-placeholders.csv', ordersWithPlaceholders());
    const ordered = data.column('Ordered');
    expect(shape(ordered)).toBe('date/time/-');
    expect(ordered.nulls).toBe(30);
    expect([ordered.from, ordered.to]).toEqual(['2023-01-01', '2024-12-28']);
    expect(ordered.notes?.join(' ')).toMatch(
      /30 dates were placeholders for "no date" \(0001-01-01, 1900-01-01, 9999-12-31\)/,
    );

    const run = await runCli([path, 'total amount by month of ordered', '--json', '--out', `${path}.png`]);
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as { result: { rows: [string | null, number][] }; chart: string | null };
    expect(answer.chart).toBe(`${path}.png`);
    const dated = answer.result.rows.filter(([month]) => month !== null);
    const [expected] = await data.rows(
      `SELECT count(DISTINCT date_trunc('month', CAST(Ordered AS DATE))) AS months, sum(Amount) AS total
       FROM read_csv('${path}', header = true, columns = {'Order': 'BIGINT', 'Amount': 'BIGINT', 'Ordered': 'VARCHAR'})
       WHERE Ordered NOT IN ('0001-01-01', '9999-12-31', '1900-01-01')`,
    );
    expect(dated).toHaveLength(Number(expected?.months));
    expect(dated.reduce((sum, [, total]) => sum + total, 0)).toBe(Number(expected?.total));
  });

  it('keeps 1970-01-01 among birthdays it does not stand apart from', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i},${i === 10 ? '1970-01-01' : `${1950 + i}-06-15`}`);
    const data = await loadText('birthdays.csv', `Person,Born\n${lines.join('\n')}\n`);
    expect(data.column('Born').nulls).toBe(0);
    expect(data.column('Born').notes).toBeUndefined();
  });

  it('empties 1900-01-01 far below birthdays even when a real 1970-01-01 is among them', async () => {
    const born = (i: number) => (i === 10 ? '1970-01-01' : i % 10 === 3 ? '1900-01-01' : `${1950 + i}-06-15`);
    const lines = Array.from({ length: 50 }, (_, i) => `${i},${born(i)}`);
    const data = await loadText('birthdays-zero.csv', `Person,Born\n${lines.join('\n')}\n`);
    const column = data.column('Born');
    expect(column.nulls).toBe(5);
    expect(column.from).toBe('1950-06-15');
    expect(column.notes?.join(' ')).toMatch(/5 dates were placeholders for "no date" \(1900-01-01\)/);
    const [kept] = await data.rows(`SELECT count(*) AS n FROM dataset WHERE Born = DATE '1970-01-01'`);
    expect(Number(kept?.n)).toBe(1);
  });

  it('keeps 1900-01-01 among dates around it, as in a register of 1895–1905', async () => {
    const day = (i: number) =>
      i % 10 === 0 ? '1900-01-01' : `${1895 + (i % 11)}-03-${String((i % 27) + 1).padStart(2, '0')}`;
    const lines = Array.from({ length: 60 }, (_, i) => `${i},${day(i)}`);
    const data = await loadText('register.csv', `Entry,Recorded\n${lines.join('\n')}\n`);
    const column = data.column('Recorded');
    expect(column.nulls).toBe(0);
    expect(column.notes).toBeUndefined();
  });

  it('empties many 1900-01-01 among recent orders though one mistyped date lies near them', async () => {
    const ordered = (i: number) =>
      i === 5 ? '1901-07-04' : i % 10 === 1 ? '1900-01-01' : `20${20 + (i % 4)}-0${(i % 9) + 1}-15`;
    const lines = Array.from({ length: 100 }, (_, i) => `${i},${ordered(i)}`);
    const data = await loadText('orders-typo.csv', `Order,Ordered\n${lines.join('\n')}\n`);
    const column = data.column('Ordered');
    expect(column.nulls).toBe(10);
    expect(column.from).toBe('1901-07-04');
  });

  it('reads years below 100 as written, never as 19xx, in the profile and a chart', async () => {
    const lines = Array.from({ length: 24 }, (_, i) => `${i + 1},0050-${String((i % 12) + 1).padStart(2, '0')}-01`);
    const path = fixtureFile('antiquity.csv', `Amount,Minted\n${lines.join('\n')}\n`);
    const run = await runCli([path, 'total amount by month of minted', '--json', '--out', `${path}.png`]);
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as {
      dataset: { columns: { name: string }[] };
      result: { rows: [string, number][] };
      chart: string;
    };
    expect(answer.chart).toBe(`${path}.png`);
    expect(answer.result.rows[0]?.[0]).toMatch(/^0050-01-01/);
  });
});
