import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import { runCli } from '../../support/cli';
import { fixtureFile, load, loadText, shape } from '../../support/ingest';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const us = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
const spelled = (d: Date) => `"${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}"`;

interface Order {
  day: Date;
  revenue: number;
}

/** Orders over 2023 and 2024; `maxDay` bounds the day of month (12 keeps every US date ambiguous). */
function orders(count: number, maxDay = 28): Order[] {
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(Date.UTC(2023 + (i % 2), (i * 5) % 12, 1 + ((i * 11) % maxDay))),
    revenue: 100 + ((i * 37) % 900),
  }));
}

const revenueIn = (rows: Order[], year: number) =>
  rows.filter((o) => o.day.getUTCFullYear() === year).reduce((sum, o) => sum + o.revenue, 0);

/** `revenue this year vs last year` through the CLI: each side equals the JS sum of that year's rows. */
async function expectYearOverYear(path: string, rows: Order[]): Promise<void> {
  const run = await runCli([path, 'revenue this year vs last year', '--json', '--out', `${path}.png`]);
  expect(run.stderr).toBe('');
  const answer = JSON.parse(run.stdout) as { result: { rows: [string, number][] } };
  expect(answer.result.rows.map(([period]) => period.slice(0, 4))).toEqual(['2023', '2024']);
  expect(answer.result.rows[0]?.[1]).toBe(revenueIn(rows, 2023));
  expect(answer.result.rows[1]?.[1]).toBe(revenueIn(rows, 2024));
}

/** The dates as the table holds them, in file order. */
async function storedDays(data: Awaited<ReturnType<typeof load>>): Promise<string[]> {
  const rows = await data.rows(`SELECT strftime("Order Date", '%Y-%m-%d') AS day FROM dataset`);
  return rows.map((r) => String(r.day));
}

describe('US dates with an ISO date among them', () => {
  it.each([
    ['inside the type sample', 7],
    ['after the type sample', 2400],
  ])('stay a date column, the ISO row read as written (%s)', async (_where, isoAt) => {
    const rows = orders(2500);
    const lines = ['Order Date,Revenue', ...rows.map((o, i) => `${i === isoAt ? iso(o.day) : us(o.day)},${o.revenue}`)];
    const path = fixtureFile(`us-with-iso-${isoAt}.csv`, `${lines.join('\n')}\n`);
    const data = await load(path);
    expect(shape(data.column('Order Date'))).toBe('date/time/-');
    expect(data.column('Order Date').nulls).toBe(0);
    expect(data.column('Order Date').notes).toBeUndefined();
    expect(await storedDays(data)).toEqual(rows.map((o) => iso(o.day)));
    await expectYearOverYear(path, rows);
  });

  it('keep the note that the day/month order is ambiguous, which ISO dates cannot settle', async () => {
    const rows = orders(60, 12);
    const lines = [
      'Order Date,Revenue',
      ...rows.map((o, i) => `${i % 10 === 3 ? iso(o.day) : us(o.day)},${o.revenue}`),
    ];
    lines.push(`2024-03-25,5`);
    const data = await loadText('ambiguous-with-iso.csv', `${lines.join('\n')}\n`);
    expect(data.column('Order Date').type).toBe('date');
    expect(data.column('Order Date').notes).toEqual([
      'day and month order is ambiguous (every value reads both ways); read as month/day/year',
    ]);
  });
});

describe('spelled-out and ISO dates in one column', () => {
  it('is a date column with every value read', async () => {
    const rows = orders(80);
    const lines = ['Order Date,Revenue', ...rows.map((o, i) => `${i % 3 ? spelled(o.day) : iso(o.day)},${o.revenue}`)];
    const path = fixtureFile('spelled-and-iso.csv', `${lines.join('\n')}\n`);
    const data = await load(path);
    expect(shape(data.column('Order Date'))).toBe('date/time/-');
    expect(await storedDays(data)).toEqual(rows.map((o) => iso(o.day)));
    await expectYearOverYear(path, rows);
  });
});

describe('a few values that are not dates', () => {
  it('are left empty with a note naming how many and an example; the column stays a date', async () => {
    const rows = orders(100);
    const odd = new Map([
      [4, 'TBD'],
      [50, 'pending'],
      [77, 'see note'],
    ]);
    const lines = ['Order Date,Revenue', ...rows.map((o, i) => `${odd.get(i) ?? us(o.day)},${o.revenue}`)];
    const path = fixtureFile('dates-with-words.csv', `${lines.join('\n')}\n`);
    const data = await load(path);
    const column = data.column('Order Date');
    expect(shape(column)).toBe('date/time/-');
    expect(column.nulls).toBe(3);
    expect(column.notes).toHaveLength(1);
    expect(column.notes?.[0]).toMatch(/^3 values are not dates and were left empty \(e\.g\. "(TBD|pending|see note)"/);
    const dated = rows.filter((_, i) => !odd.has(i));
    await expectYearOverYear(path, dated);
  });

  it('still make a text column when they are many', async () => {
    const lines = ['When,Revenue', ...orders(40).map((o, i) => `${i % 4 ? us(o.day) : 'soon'},${o.revenue}`)];
    const data = await loadText('mostly-words.csv', `${lines.join('\n')}\n`);
    expect(data.column('When').type).not.toBe('date');
  });
});

describe('a workbook date column with dates typed in as text', () => {
  it('reads the typed-in dates too, in their own format or ISO', async () => {
    const rows = orders(30);
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Orders');
      sheet.addRow(['Order Date', 'Revenue']);
      rows.forEach((o, i) => {
        const typed = i === 5 ? spelled(o.day).slice(1, -1) : i === 9 ? iso(o.day) : o.day;
        sheet.addRow([typed, o.revenue]);
      });
      sheet.getColumn(1).numFmt = 'mm/dd/yyyy';
    });
    const data = await load(path);
    expect(shape(data.column('Order Date'))).toBe('date/time/-');
    expect(data.column('Order Date').nulls).toBe(0);
    expect(await storedDays(data)).toEqual(rows.map((o) => iso(o.day)));
    await expectYearOverYear(path, rows);
  });
});
