import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import { runCli } from '../../support/cli';
import { fixtureFile, load, loadText } from '../../support/ingest';

/** 30 sales rows; the sums, means and counts below are computed here, not by the code under test. */
const ROWS = Array.from({ length: 30 }, (_, i) => ({
  date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  region: ['East', 'West', 'North'][i % 3] as string,
  sales: 100 + i * 13.5,
  units: (i % 7) + 1,
}));
const SALES = ROWS.reduce((sum, row) => sum + row.sales, 0);
const UNITS = ROWS.reduce((sum, row) => sum + row.units, 0);
const line = (row: (typeof ROWS)[number]) => `${row.date},${row.region},${row.sales},${row.units}`;
const HEADER = 'Date,Region,Sales,Units';

interface CliAnswer {
  headline: string;
  result: { rows: (string | number | null)[][] };
}

async function ask(path: string, question: string): Promise<CliAnswer> {
  const run = await runCli([path, question, '--json', '--out', `${path}.png`]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as CliAnswer;
}

describe('empty rows in a CSV (",,," lines between blocks and under the data)', () => {
  const text = [HEADER, ...ROWS.slice(0, 10).map(line), ',,,', ',,,', ...ROWS.slice(10).map(line), ',,,', ''].join(
    '\n',
  );

  it('are left out and counted: not rows, nor in counts, sums or means', async () => {
    const path = fixtureFile('empty-rows.csv', text);
    const data = await load(path);
    expect(data.meta.rows).toBe(30);
    expect(data.meta.source.emptyRowsLeftOut).toBe(3);
    expect(data.meta.source.shortRowsPadded).toBeUndefined();
    expect(data.column('Sales')).toMatchObject({ nulls: 0, sum: SALES });
    expect(data.column('Sales').mean).toBeCloseTo(SALES / 30, 9);
    expect(data.column('Region')).toMatchObject({ nulls: 0, distinct: 3 });
    expect(await data.rows('SELECT CAST(count(*) AS INTEGER) AS n FROM dataset')).toEqual([{ n: 30 }]);

    const count = await ask(path, 'how many rows');
    expect(count.result.rows).toEqual([[30]]);
    const byRegion = await ask(path, 'count of rows by region');
    expect(byRegion.result.rows.map((row) => row.at(-1))).toEqual([10, 10, 10]);
    const mean = await ask(path, 'average units');
    expect(mean.result.rows[0]?.at(-1)).toBeCloseTo(UNITS / 30, 9);
  });

  it('are told in the overview as a short note, not as a raw fact', async () => {
    const run = await runCli([fixtureFile('empty-rows-overview.csv', text)]);
    expect(run.stdout).toContain('empty-rows-overview.csv · 30 rows × 4 columns');
    expect(run.stdout).toContain('Notes:\n  3 empty rows were left out.');
    expect(run.stdout).not.toContain('emptyRowsLeftOut');
  });

  it('include rows of blanks and short empty rows, which are neither misfit values nor padded rows', async () => {
    const body = [HEADER, ...ROWS.slice(0, 10).map(line), ' , ,  , ', ',', ...ROWS.slice(10).map(line)];
    const data = await loadText('blank-cells.csv', `${body.join('\n')}\n`);
    expect(data.meta.rows).toBe(30);
    expect(data.meta.source.emptyRowsLeftOut).toBe(2);
    expect(data.meta.source.shortRowsPadded).toBeUndefined();
    expect(data.column('Date').type).toBe('date');
    expect(data.column('Sales').sum).toBe(SALES);
    expect(data.meta.columns.flatMap((c) => c.notes ?? [])).toEqual([]);
  });

  it('under a totals row do not hide it: the last row with numbers is still the totals row', async () => {
    const body = [HEADER, ...ROWS.map(line), `,,${SALES},${UNITS}`, ',,,', ',,,'];
    const data = await loadText('total-then-empty.csv', `${body.join('\n')}\n`);
    expect(data.meta.rows).toBe(30);
    expect(data.meta.source.emptyRowsLeftOut).toBe(2);
    expect(data.column('Sales').sum).toBe(SALES);
    expect(data.column('Units').sum).toBe(UNITS);
  });

  it('leave a file without them as it was, with no fact', async () => {
    const data = await loadText('no-empty-rows.csv', `${[HEADER, ...ROWS.map(line)].join('\n')}\n`);
    expect(data.meta.rows).toBe(30);
    expect(data.meta.source).not.toHaveProperty('emptyRowsLeftOut');
    expect(data.meta.source).not.toHaveProperty('emptyColumnsLeftOut');
  });
});

describe('empty rows in a workbook', () => {
  it('are counted between blocks, but not above the header or after the last row', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.getCell('A1').value = 'Sales report';
      // Row 2 is empty, above the header: not a row of the table.
      sheet.getRow(3).values = ['Date', 'Region', 'Sales', 'Units'];
      let r = 4;
      const write = (row: (typeof ROWS)[number]) => {
        sheet.getRow(r++).values = [row.date, row.region, row.sales, row.units];
      };
      ROWS.slice(0, 10).forEach(write);
      r += 2; // two empty rows between the blocks
      ROWS.slice(10, 20).forEach(write);
      sheet.getRow(r++).values = ['  ', ' ', null, null]; // a row of blanks
      ROWS.slice(20).forEach(write);
      // Formatted but empty rows under the data, as an export leaves them.
      for (let k = 0; k < 5; k++) sheet.getCell(`C${r + k}`).numFmt = '0.00';
    });
    const data = await load(path);
    expect(data.meta.rows).toBe(30);
    expect(data.meta.source.emptyRowsLeftOut).toBe(3);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 9);
    expect(data.column('Region')).toMatchObject({ nulls: 0, distinct: 3 });
  });
});

describe('empty columns without a header name', () => {
  it('are left out and counted when a delimiter ends every line, the header too', async () => {
    const body = [`${HEADER},,`, ...ROWS.map((row) => `${line(row)},,`)];
    const path = fixtureFile('trailing-delimiters.csv', `${body.join('\n')}\n`);
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Date', 'Region', 'Sales', 'Units']);
    expect(data.meta.source.emptyColumnsLeftOut).toBe(2);
    expect(await data.rows('SELECT CAST(count(*) AS INTEGER) AS n, sum(Sales) AS s FROM dataset')).toEqual([
      { n: 30, s: SALES },
    ]);
    const run = await runCli([path]);
    expect(run.stdout).toContain('trailing-delimiters.csv · 30 rows × 4 columns');
    expect(run.stdout).toContain('  2 empty columns without a name were left out.');
  });

  it('are left out between named columns too, and the columns after them are profiled as themselves', async () => {
    const body = ['Date,,Region,Sales,,Units', ...ROWS.map((r) => `${r.date},,${r.region},${r.sales},,${r.units}`)];
    const data = await loadText('empty-between.csv', `${body.join('\n')}\n`);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Date', 'Region', 'Sales', 'Units']);
    expect(data.meta.source.emptyColumnsLeftOut).toBe(2);
    expect(data.column('Region')).toMatchObject({ type: 'category', nulls: 0, distinct: 3 });
    expect(data.column('Sales')).toMatchObject({ type: 'decimal', nulls: 0, sum: SALES, min: 100 });
    expect(data.column('Units')).toMatchObject({ type: 'integer', sum: UNITS, max: 7 });
  });

  it('stay when named, or when they hold a value, even far past the sample', async () => {
    const body = [`${HEADER},Comment,`, ...ROWS.map((row) => `${line(row)},,`)];
    for (let i = 0; i < 2500; i++) body.push(`${line(ROWS[i % 30] as (typeof ROWS)[number])},,`);
    body.push(`${line(ROWS[0] as (typeof ROWS)[number])},,late value`);
    const data = await loadText('named-empty.csv', `${body.join('\n')}\n`);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Date', 'Region', 'Sales', 'Units', 'Comment', 'Column 6']);
    expect(data.column('Comment').nulls).toBe(2531);
    expect(data.column('Column 6').top).toEqual([{ value: 'late value', count: 1 }]);
    expect(data.meta.source).not.toHaveProperty('emptyColumnsLeftOut');
  });

  it('are left out of a workbook whose unnamed columns hold only blanks', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Date', 'Region', 'Sales', 'Units', null, 'Notes']);
      for (const row of ROWS) sheet.addRow([row.date, row.region, row.sales, row.units, ' ', null, ' ']);
    });
    const data = await load(path);
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Date', 'Region', 'Sales', 'Units', 'Notes']);
    expect(data.meta.source.emptyColumnsLeftOut).toBe(2);
    expect(data.meta.rows).toBe(30);
  });
});
