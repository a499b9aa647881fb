import { MONTH_NAMES } from '../../../workers/plan/grain-words';
import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import { runCli } from '../../support/cli';
import { fixtureFile, load, loadText, shape } from '../../support/ingest';

const ABBREVIATIONS = `[${MONTH_NAMES.map((n) => `'${n.slice(0, 3)}'`).join(', ')}]`;
const pad = (n: number) => String(n).padStart(2, '0');

interface MonthForm {
  label: string;
  header: string;
  write: (year: number, month: number) => string;
  /** The month number of a raw value, in SQL written apart from the reader's (no strptime). */
  monthSql: string;
}

const byDash = (part: number) => `CAST(split_part("Month", '-', ${part}) AS INTEGER)`;
const bySlash = (part: number) => `CAST(split_part("Month", '/', ${part}) AS INTEGER)`;
const byName = `list_position(${ABBREVIATIONS}, "Month"[1:3])`;

const FORMS: MonthForm[] = [
  { label: 'YYYY-MM', header: 'Month', write: (y, m) => `${y}-${pad(m)}`, monthSql: byDash(2) },
  { label: 'YYYY/MM', header: 'Month', write: (y, m) => `${y}/${pad(m)}`, monthSql: bySlash(2) },
  { label: 'Mon YYYY', header: 'Month', write: (y, m) => `${MONTH_NAMES[m - 1]?.slice(0, 3)} ${y}`, monthSql: byName },
  { label: 'Month YYYY', header: 'Month', write: (y, m) => `${MONTH_NAMES[m - 1]} ${y}`, monthSql: byName },
  { label: 'Mon-YYYY', header: 'Month', write: (y, m) => `${MONTH_NAMES[m - 1]?.slice(0, 3)}-${y}`, monthSql: byName },
  {
    label: 'Mon-YY',
    header: 'Month',
    write: (y, m) => `${MONTH_NAMES[m - 1]?.slice(0, 3)}-${y % 100}`,
    monthSql: byName,
  },
  { label: 'MM/YYYY', header: 'Month', write: (y, m) => `${pad(m)}/${y}`, monthSql: bySlash(1) },
  { label: 'M-YYYY', header: 'Month', write: (y, m) => `${m}-${y}`, monthSql: byDash(1) },
  ...['Month', 'Period', 'YearMonth', 'Monat', 'yyyymm'].map((header) => ({
    label: `YYYYMM under "${header}"`,
    header,
    write: (y: number, m: number) => `${y}${pad(m)}`,
    monthSql: `CAST("Month" AS INTEGER) % 100`,
  })),
];

interface MonthRow {
  month: number;
  region: string;
  revenue: number;
}

/** Two regions for each month of 2024, with revenues that differ from month to month. */
const ROWS: MonthRow[] = Array.from({ length: 24 }, (_, i) => ({
  month: 1 + (i % 12),
  region: i < 12 ? 'East' : 'West',
  revenue: 100 + ((i * 37) % 900),
}));

function monthCsv(form: MonthForm, rows: MonthRow[] = ROWS): string {
  const lines = rows.map((r) => `${form.write(2024, r.month)},${r.region},${r.revenue}`);
  return `${form.header},Region,Revenue\n${lines.join('\n')}\n`;
}

/** The CLI's answer to `question` as JSON, its result rows. */
async function answer(path: string, question: string): Promise<unknown[][]> {
  const run = await runCli([path, question, '--json', '--out', `${path}.png`]);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { result: { rows: unknown[][] } }).result.rows;
}

// A monthly export (Month,Revenue with 2024-01 …) read as text: "revenue in Q2" said "This data has no dates".
describe('month-level dates', () => {
  it.each(FORMS.map((form) => [form.label, form]))('reads %s as the first day of each month', async (_l, form) => {
    const data = await loadText('months.csv', monthCsv(form));
    const column = data.column(form.header);
    expect(shape(column)).toBe('date/time/-');
    expect([column.from, column.to, column.grain, column.nulls, column.notes]).toEqual([
      '2024-01-01',
      '2024-12-01',
      'month',
      0,
      undefined,
    ]);
    const stored = await data.rows(`SELECT strftime("${form.header}", '%Y-%m-%d') AS day FROM dataset`);
    expect(stored.map((r) => r.day)).toEqual(ROWS.map((r) => `2024-${pad(r.month)}-01`));
  });

  it.each(FORMS.filter((f) => f.header === 'Month').map((form) => [form.label, form]))(
    'answers "revenue in Q2" and "revenue by quarter" from %s months as SQL over the raw text does',
    async (_l, form) => {
      const path = fixtureFile('monthly.csv', monthCsv(form));
      const data = await load(path);
      const raw = `(SELECT ${form.monthSql} AS m, CAST("Revenue" AS INTEGER) AS revenue
                    FROM read_csv('${path}', all_varchar = true))`;
      const [q2] = await data.rows(`SELECT sum(revenue) AS total FROM ${raw} WHERE m BETWEEN 4 AND 6`);
      expect(await answer(path, 'revenue in Q2')).toEqual([[Number(q2?.total)]]);
      const quarters = await data.rows(
        `SELECT (m - 1) // 3 AS q, sum(revenue) AS total FROM ${raw} GROUP BY q ORDER BY q`,
      );
      expect(await answer(path, 'revenue by quarter')).toEqual(
        quarters.map((r) => [`2024-${pad(Number(r.q) * 3 + 1)}-01`, Number(r.total)]),
      );
    },
  );

  it('reads month-named workbook numbers (202401) and typed-in month names as dates', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Months');
      sheet.addRow(['Period', 'Label', 'Revenue']);
      for (const r of ROWS) sheet.addRow([2024_00 + r.month, `${MONTH_NAMES[r.month - 1]} 2024`, r.revenue]);
    });
    const data = await load(path);
    for (const name of ['Period', 'Label']) {
      expect(shape(data.column(name))).toBe('date/time/-');
      expect(data.column(name).grain).toBe('month');
      const stored = await data.rows(`SELECT strftime("${name}", '%Y-%m-%d') AS day FROM dataset`);
      expect(stored.map((r) => r.day)).toEqual(ROWS.map((r) => `2024-${pad(r.month)}-01`));
    }
  });
});

describe('values past the months of a year', () => {
  it('leaves 2024-13 empty with a note; the column stays a month date', async () => {
    const form = FORMS[0] as MonthForm;
    const csv = monthCsv(form).replace('\n2024-03,', '\n2024-13,');
    const data = await loadText('month-13.csv', csv);
    const column = data.column('Month');
    expect(shape(column)).toBe('date/time/-');
    expect(column.nulls).toBe(1);
    expect(column.notes).toEqual(['1 value is not a date and was left empty (e.g. "2024-13")']);
  });

  it('leaves a 202413 far past the sample empty with a note, and 20241 too', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${2000 + (Math.floor(i / 12) % 25)}${pad(1 + (i % 12))},${i}`);
    rows[2900] = '202413,2900';
    rows[2950] = '20241,2950';
    const data = await loadText('late-month.csv', `Period,n\n${rows.join('\n')}\n`);
    const column = data.column('Period');
    expect(shape(column)).toBe('date/time/-');
    expect(column.nulls).toBe(2);
    expect(column.notes?.[0]).toMatch(/^2 values are not dates and were left empty \(e\.g\. "(202413|20241)"/);
  });
});

describe('values shaped like months that are not dates', () => {
  it('keeps six-digit numbers as numbers unless the column is named like a month', async () => {
    const lines = ROWS.map((r) => `2024${pad(r.month)},2024${pad(r.month)},${r.revenue}`);
    const data = await loadText('yyyymm-numbers.csv', `code,amount,Revenue\n${lines.join('\n')}\n`);
    expect(shape(data.column('code'))).toBe('text/identifier/-');
    expect(shape(data.column('amount'))).toBe('integer/measure/-');
    expect(data.column('amount').sum).toBe(ROWS.reduce((sum, r) => sum + 202400 + r.month, 0));
  });

  it('keeps 2024-01 in a column named like a code as text', async () => {
    const lines = ROWS.map((r) => `2024-${pad(r.month)},${r.revenue}`);
    const data = await loadText('batch-codes.csv', `Batch Code,Revenue\n${lines.join('\n')}\n`);
    expect(data.column('Batch Code').type).toBe('category');
  });

  it('keeps fiscal years (2010-11, 2011/12) as text', async () => {
    for (const sep of ['-', '/']) {
      const years = [2006, 2007, 2008, 2009, 2010, 2011].map((y) => `${y}${sep}${pad((y + 1) % 100)},${y}`);
      const data = await loadText('fiscal.csv', `Fiscal Year,Revenue\n${years.join('\n')}\n`);
      expect(data.column('Fiscal Year').type).toBe('category');
    }
  });

  it('reads Jan-24 as a month only in a column named like a date', async () => {
    const lines = ROWS.map((r) => `${MONTH_NAMES[r.month - 1]?.slice(0, 3)}-24,${r.revenue}`);
    const data = await loadText('short-years.csv', `Label,Revenue\n${lines.join('\n')}\n`);
    expect(data.column('Label').type).toBe('category');
  });

  it('keeps a year column an integer at year grain', async () => {
    const data = await loadText('years.csv', 'Year,Revenue\n2022,10\n2023,20\n2024,30\n');
    expect([shape(data.column('Year')), data.column('Year').grain]).toEqual(['integer/time/-', 'year']);
  });
});
