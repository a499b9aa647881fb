import { overviewText } from '../../../workers/cli/overview-text';
import { profileReply } from '../../../workers/conversation/dataset-replies';
import { WorkerError } from '../../../workers/errors';
import { MAX_COLUMNS } from '../../../workers/ingest/raw-source';
import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import { fixtureFile, load, loadText, type Loaded } from '../../support/ingest';

/** The profile reply a channel gets for a loaded file. */
function reply(data: Loaded) {
  return profileReply({
    ...data.meta,
    id: 'd1',
    addedBy: { id: 'U1' },
    addedAt: '2026-01-01T00:00:00.000Z',
    suggestions: [],
  });
}

const HEADERLESS_NOTE =
  'The first line holds data, not column names, so it was read as a row and the columns are named by position (Column 1, Column 2, …).';

/** Counts and sums by DuckDB's own reader, written here and not by the code under test. */
async function duckdb(data: Loaded, sql: string): Promise<Record<string, unknown>> {
  const [row] = await data.rows(sql);
  return row ?? {};
}

// Found by the new-user trial: the first data row became the column names, one row short, no word said.
describe('a first line of data, not names', () => {
  const text =
    '2024-01-03,Coffee,3.50\n2024-01-04,Lunch,12.00\n2024-01-05,Coffee,3.50\n2024-01-09,Books,25.99\n2024-02-01,Lunch,11.00\n';

  it('is read as the first row when its cells are of the kind of the cells below (a date over dates, a decimal over decimals)', async () => {
    const path = fixtureFile('noheader.csv', text);
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(data.meta.source.headerLine).toBe('none');
    const expected = await duckdb(
      data,
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(column2) AS DOUBLE) AS s, CAST(min(column0) AS VARCHAR) AS first
       FROM read_csv('${path}', header = false, columns = {'column0': 'DATE', 'column1': 'VARCHAR', 'column2': 'DECIMAL(10,2)'})`,
    );
    expect(expected).toEqual({ n: 5, s: 55.99, first: '2024-01-03' });
    expect(data.meta.rows).toBe(expected.n);
    expect(data.column('Column 3').sum).toBeCloseTo(expected.s as number, 9);
    expect(data.column('Column 1').from).toBe(expected.first);
  });

  it('is told: in the reply to the shared file and in the overview', async () => {
    const data = await loadText('noheader.csv', text);
    expect(reply(data).notes).toContainEqual({ text: HEADERLESS_NOTE });
    expect(overviewText(data.meta)).toContain(`Notes:\n  ${HEADERLESS_NOTE}`);
  });

  it("is read as a row of a sheet too, with the sheet's word for it", async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Spend');
      sheet.addRow([new Date(Date.UTC(2024, 0, 3)), 'Coffee', 3.5]);
      sheet.addRow([new Date(Date.UTC(2024, 0, 4)), 'Lunch', 12]);
      sheet.addRow([new Date(Date.UTC(2024, 0, 5)), 'Coffee', 3.75]);
    });
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(data.meta.rows).toBe(3);
    expect(data.column('Column 3').sum).toBeCloseTo(19.25, 9);
    expect(reply(data).notes).toContainEqual({
      text: HEADERLESS_NOTE.replace('first line', 'first row'),
    });
  });

  it('with a column of years over years is data too', async () => {
    const data = await loadText('years.csv', '2021,East,10.5\n2022,West,20\n2023,East,30.25\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(data.meta.rows).toBe(3);
    expect(data.column('Column 3').sum).toBeCloseTo(60.75, 9);
  });

  // Found by the second trial: a first row starting `2023-01` or `Jan 2024` was still taken for the header.
  it.each([
    ['months.csv', (m: number) => `2023-${String(m).padStart(2, '0')}`],
    ['month-names.csv', (m: number) => `${['Jan', 'Feb', 'Mar', 'Apr'][m - 1]} 2024`],
    ['month-slash.csv', (m: number) => `${String(m).padStart(2, '0')}/2024`],
  ])('%s: a first row of a month over months is data too', async (name, month) => {
    const lines = [1, 2, 3, 4].map((m) => `${month(m)},North,${m * 100}`);
    const data = await loadText(name, `${lines.join('\n')}\n`);
    expect(data.meta.source.headerLine).toBe('none');
    expect(data.meta.rows).toBe(4);
    expect(data.column('Column 3').sum).toBe(1000);
  });

  it('guard: month names heading columns of amounts stay a header', async () => {
    const data = await loadText('month-pivot.csv', 'Region,Jan 2024,Feb 2024\nEast,100.5,200\nWest,50,75.25\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Region', 'Jan 2024', 'Feb 2024']);
    expect(data.meta.rows).toBe(2);
  });

  it('guard: years over amounts are a header (a pivot export), not a row', async () => {
    const path = fixtureFile('pivot.csv', 'Region,2023,2024\nEast,100.5,200\nWest,50,75.25\nNorth,12,8\n');
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Region', '2023', '2024']);
    expect(data.meta.source.headerLine).toBe(1);
    const expected = await duckdb(
      data,
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum("2023") AS DOUBLE) AS a, CAST(sum("2024") AS DOUBLE) AS b
       FROM read_csv('${path}', header = true, columns = {'Region': 'VARCHAR', '2023': 'DOUBLE', '2024': 'DOUBLE'})`,
    );
    expect(data.meta.rows).toBe(expected.n);
    expect(data.column('2023').sum).toBeCloseTo(expected.a as number, 9);
    expect(data.column('2024').sum).toBeCloseTo(expected.b as number, 9);
    expect(reply(data).notes).not.toContainEqual({ text: HEADERLESS_NOTE });
  });

  it('guard: a pivot header of years alone over amounts stays a header', async () => {
    const data = await loadText('pivot-years.csv', '2023,2024\n100.5,200\n50,75.25\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['2023', '2024']);
    expect(data.meta.rows).toBe(2);
  });

  it('guard: whole numbers over numbers say nothing, so week numbers under a text name stay a header', async () => {
    const data = await loadText('weeks.csv', 'Product,1,2,3\nTea,5,6,7\nCake,8,9,10\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Product', '1', '2', '3']);
    expect(data.meta.rows).toBe(2);
    const numbers = await loadText('numbers.csv', '1,2,3\n4,5,6\n7,8,9\n');
    expect(numbers.meta.rows).toBe(3);
    expect(numbers.column('Column 1').sum).toBe(12);
  });

  it('guard: a file with a header keeps it, and no note is added', async () => {
    const data = await loadText('header.csv', `Date,Item,Amount\n${text}`);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Date', 'Item', 'Amount']);
    expect(data.meta.rows).toBe(5);
    expect(data.column('Amount').sum).toBeCloseTo(55.99, 9);
    expect(overviewText(data.meta)).not.toContain('holds data');
  });
});

// Found by the new-user trial: `name,amount` and 1,500 commas on every line was refused as 1,502 columns.
describe('empty last fields past the column limit', () => {
  const tail = ','.repeat(1500);
  const lines = ['name,amount', ...Array.from({ length: 50 }, (_, i) => `n${i},${(i * 7) % 50}.5`)];

  it('are left out before the limit is checked, and counted as today', async () => {
    const path = fixtureFile('trailing-commas.csv', `${lines.map((line) => line + tail).join('\n')}\n`);
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['name', 'amount']);
    expect(data.meta.source.emptyColumnsLeftOut).toBe(1500);
    const expected = await duckdb(
      data,
      `SELECT CAST(count(*) AS INTEGER) AS n, CAST(sum(amount) AS DOUBLE) AS s FROM read_csv('${path}', header = true)`,
    );
    expect(data.meta.rows).toBe(expected.n);
    expect(data.column('amount').sum).toBeCloseTo(expected.s as number, 9);
    expect(reply(data).notes).toContainEqual({ text: '1,500 empty columns without a name were left out.' });
  });

  it('still refuse the file when one holds a value past the sampled rows', async () => {
    const rows = lines.map((line) => line + tail);
    for (let i = 0; i < 2500; i++) rows.push(`m${i},1${tail}`);
    rows.push(`late,1${tail}x`);
    const error = await loadText('late-value.csv', `${rows.join('\n')}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).code).toBe('TOO_MANY_COLUMNS');
    expect((error as WorkerError).message).toMatch(/^The table has 1,502 columns; the limit is 1,000\./);
  });
});

// Found by the new-user trial: a 12 MB first line of commas took 29 s and 2.5 GB before it was refused.
describe('a first line longer than the sniffed megabyte, wider than the limit', () => {
  it('is refused with the count of its fields, before it is split', async () => {
    const error = await loadText('wideheader.csv', `a${','.repeat(3_000_000)}\n1,2\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).code).toBe('TOO_MANY_COLUMNS');
    expect((error as WorkerError).message).toBe(
      `The table has 3,000,001 columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')}. ` +
        'Remove the columns you do not need (or split the file) and send it again.',
    );
  });

  it('is refused when the file is that one line', async () => {
    const line = Array.from({ length: 300_000 }, (_, i) => String(i)).join(',');
    const error = await loadText('oneline.csv', `${line}\n`).catch((e: unknown) => e);
    expect((error as WorkerError).message).toMatch(/^The table has 300,000 columns;/);
  });
});
