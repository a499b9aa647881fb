import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import { runCli } from '../../support/cli';
import { fixtureFile, load, loadText } from '../../support/ingest';

/** 40 rows of a small sales table, Sales and Units summed here, not by the code under test. */
const ROWS = Array.from({ length: 40 }, (_, i) => ({
  date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  region: ['East', 'West', 'North', 'South'][i % 4] as string,
  sales: 100 + i * 17.25,
  units: (i % 9) + 1,
}));
const SALES = ROWS.reduce((sum, row) => sum + row.sales, 0);
const UNITS = ROWS.reduce((sum, row) => sum + row.units, 0);
const lines = (end = '') => ROWS.map((row) => `${row.date},${row.region},${row.sales},${row.units}${end}`);

/** The data rows with row `index`'s region (an East row when `index` is a multiple of 4) written as `region`. */
function editRegion(index: number, region: string, body = lines()): string[] {
  body[index] = (body[index] as string).replace(`,${ROWS[index]?.region},`, `,${region},`);
  return body;
}

describe('an unterminated quote', () => {
  it('is refused, naming its line and quote, when the rows after it would be lost', async () => {
    const body = editRegion(8, '"East');
    const load = loadText('unclosed-quote.csv', ['Date,Region,Sales,Units', ...body].join('\n') + '\n');
    await expect(load).rejects.toMatchObject({ code: 'CSV_UNCLOSED_QUOTE' });
    await expect(load).rejects.toThrow(/^Line 10 opens a quote that never closes \(.*,"East,.*\), so it and the 31 /);
  });

  it('is refused on a CRLF file with a multi-line cell above it, counting physical lines', async () => {
    const body = editRegion(8, '"East', editRegion(1, '"We\r\nst"'));
    const load = loadText('unclosed-quote-crlf.csv', ['Date,Region,Sales,Units', ...body].join('\r\n') + '\r\n');
    await expect(load).rejects.toThrow(/^Line 11 opens a quote that never closes/);
  });

  it('is refused when another quote closes it lines later, though DuckDB reports nothing', async () => {
    const body = editRegion(20, 'East"', editRegion(8, '"East'));
    const load = loadText('late-quote.csv', ['Date,Region,Sales,Units', ...body].join('\n') + '\n');
    await expect(load).rejects.toThrow(
      /^Line 10 opens a quote that closes only on line 22 \(.*,"East,.*\), so it and the 12 lines up to there /,
    );
  });

  it('is not mistaken for a cell with line breaks in it (an address)', async () => {
    const body = editRegion(8, '"12 Main St, Springfield\nIL, USA"');
    const data = await loadText('address.csv', ['Date,Region,Sales,Units', ...body].join('\n') + '\n');
    expect(data.meta.rows).toBe(40);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
  });

  it('costs only its own row when it closes on the same line', async () => {
    const body = editRegion(8, '"East" x');
    const data = await loadText('closed-quote.csv', ['Date,Region,Sales,Units', ...body].join('\n') + '\n');
    expect(data.meta.rows).toBe(39);
    expect(data.meta.unreadable.count).toBe(1);
    expect(data.column('Sales').sum).toBeCloseTo(SALES - (ROWS[8] as { sales: number }).sales, 6);
  });

  it('inside an unquoted field ("5" screen") is kept as text and loses no row', async () => {
    const body = editRegion(8, '5" screen');
    const data = await loadText('stray-quote.csv', ['Date,Region,Sales,Units', ...body].join('\n') + '\n');
    expect(data.meta.rows).toBe(40);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
  });
});

describe('a header cell with a line break (a wrapped header in Excel)', () => {
  it.each([
    ['LF', 'Date,Region,"Net\nSales",Units\n', '\n'],
    ['CRLF', 'Date,Region,"Net\r\nSales",Units\r\n', '\r\n'],
    ['a title and blank lines above it', 'Sales report\n\n\nDate,Region,"Net\nSales",Units\n', '\n'],
    ['two breaks', 'Date,"Region\n(sales\narea)","Net\nSales",Units\n', '\n'],
  ])('loses no row: %s', async (_, header, eol) => {
    const data = await loadText('wrapped-header.csv', header + lines().join(eol) + eol);
    expect(data.meta.rows).toBe(40);
    expect(data.column('Net Sales').sum).toBeCloseTo(SALES, 6);
    expect(data.column('Units').sum).toBe(UNITS);
  });
});

describe('a delimiter after the last value of every row but not the header', () => {
  it('keeps the header and every row, and leaves out the empty unnamed column the delimiter makes', async () => {
    const data = await loadText('trailing-comma.csv', ['Date,Region,Sales,Units', ...lines(',')].join('\n') + '\n');
    expect(data.meta.rows).toBe(40);
    expect(data.meta.columns.map((column) => column.name)).toEqual(['Date', 'Region', 'Sales', 'Units']);
    expect(data.meta.source.emptyColumnsLeftOut).toBe(1);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
    expect(data.column('Units').sum).toBe(UNITS);
  });
});

describe('a row set aside below a cell with a line break', () => {
  it('is shown at its physical line, not its record number', async () => {
    const body = editRegion(1, '"We\r\nst"');
    body[8] += ',extra';
    const data = await loadText('bad-row-below.csv', ['Date,Region,Sales,Units', ...body].join('\r\n') + '\r\n');
    expect(data.meta.rows).toBe(39);
    expect(data.meta.unreadable.examples).toEqual([
      expect.objectContaining({ line: 11, text: expect.stringContaining(',extra') }),
    ]);
    expect(data.column('Sales').sum).toBeCloseTo(SALES - (ROWS[8] as { sales: number }).sales, 6);
  });
});

describe("a report's footer under the table", () => {
  const header = 'Date,Region,Sales,Units';

  it('is left out and told, not counted as rows with their numbers missing', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = [header, ...lines(), '', 'Report generated 2024-01-05 by SAP', 'Confidential', '', ''].join(eol);
      const data = await loadText('footer.csv', text);
      expect(data.meta.rows).toBe(40);
      expect(data.meta.source.footerLinesLeftOut).toBe(2);
      expect(data.column('Region').distinct).toBe(4);
      expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
      expect(data.column('Units').nulls).toBe(0);
    }
  });

  it('is only what follows a blank line at the end: a short row inside the table stays a row', async () => {
    const inside = [header, ...lines().slice(0, 20), 'West', ...lines().slice(20), '', 'Page 1 of 1'];
    const data = await loadText('short-inside.csv', `${inside.join('\n')}\n`);
    expect(data.meta.rows).toBe(41);
    expect(data.meta.source.footerLinesLeftOut).toBe(1);
    expect(data.column('Units').nulls).toBe(1);
    const unbroken = await loadText('no-blank.csv', `${[header, ...lines(), 'Confidential'].join('\n')}\n`);
    expect(unbroken.meta.rows).toBe(41);
    expect(unbroken.meta.source.footerLinesLeftOut).toBeUndefined();
  });
});

// Found by the new-user trial: 'Page 1 of 3' under each page of an invoice register was a row with
// its other cells blank ('how many invoices' said 93 for 90).
describe('page number lines inside the table', () => {
  const header = 'Date,Region,Sales,Units';

  it('are left out and told, in their usual forms, whatever page they close', async () => {
    const rows = lines();
    const pages = ['Page 1 of 5', 'Seite 2 von 5', '- 3 -', 'Page 4/5', 'Page 5'];
    const text = [header];
    pages.forEach((page, p) => text.push(...rows.slice(p * 8, p * 8 + 8), page));
    const path = fixtureFile('paged.csv', `${text.join('\n')}\n`);
    const data = await load(path);
    const [sql] = await data.rows(
      `SELECT count(*) AS n, sum(CAST(c2 AS DOUBLE)) AS sales, sum(CAST(c3 AS DOUBLE)) AS units
       FROM read_csv('${path}', auto_detect = false, header = false, skip = 1, delim = ',', quote = '"', null_padding = true, all_varchar = true,
                     columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR'})
       WHERE c3 IS NOT NULL`,
    );
    expect(data.meta.rows).toBe(Number(sql?.n));
    expect(data.meta.rows).toBe(40);
    expect(data.meta.source.pageLinesLeftOut).toBe(5);
    expect(data.column('Region').distinct).toBe(4);
    expect(data.column('Region').nulls).toBe(0);
    expect(data.column('Sales').sum).toBeCloseTo(Number(sql?.sales), 6);
    expect(data.column('Units').sum).toBe(Number(sql?.units));
    const overview = await runCli([path]);
    expect(overview.stdout).toContain("5 page number lines (such as 'Page 1 of 3') were left out.");
    const count = await runCli([path, 'how many rows', '--json']);
    expect(JSON.parse(count.stdout).result.rows[0]?.at(-1)).toBe(Number(sql?.n));
  });

  // Found by the second trial: `Page 1 of 3,,,` (the delimiters kept) and a sheet's page row stayed rows.
  it('are left out when their line keeps the delimiters, or a sheet holds them in a row', async () => {
    const rows = lines();
    const text = [header, ...rows.slice(0, 20), 'Page 1 of 2,,,', ...rows.slice(20), 'Seite 2 von 2,,,'];
    const data = await loadText('paged-delimited.csv', `${text.join('\n')}\n`);
    expect(data.meta.rows).toBe(40);
    expect(data.meta.source.pageLinesLeftOut).toBe(2);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
    expect(data.column('Region').distinct).toBe(4);
    const book = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Report');
      sheet.addRow(['Date', 'Region', 'Sales', 'Units']);
      ROWS.slice(0, 10).forEach((row) => sheet.addRow([row.date, row.region, row.sales, row.units]));
      sheet.addRow(['Page 1 of 2']);
      ROWS.slice(10, 20).forEach((row) => sheet.addRow([row.date, row.region, row.sales, row.units]));
    });
    const sheet = await load(book);
    expect(sheet.meta.rows).toBe(20);
    expect(sheet.meta.source.pageLinesLeftOut).toBe(1);
    expect(sheet.column('Units').sum).toBe(ROWS.slice(0, 20).reduce((sum, row) => sum + row.units, 0));
  });

  it('are only lines holding nothing but a page number: a short row saying more stays a row', async () => {
    const rows = lines();
    const text = [header, ...rows.slice(0, 20), 'Page 1 of 2', 'Pages', 'Page 3 Region', ...rows.slice(20)];
    const data = await loadText('paged-mixed.csv', `${text.join('\n')}\n`);
    expect(data.meta.rows).toBe(42);
    expect(data.meta.source.pageLinesLeftOut).toBe(1);
    expect(data.column('Units').nulls).toBe(2);
  });
});

// Found by the new-user trial: a header line repeated by pasted exports was a row, and a category 'region'.
describe('a header repeated inside the table', () => {
  it('is left out and told, in the sample or after it, whatever its case and blanks', async () => {
    const header = 'Date,Region,Sales,Units';
    const rows = lines();
    const text = [header, ...rows.slice(0, 10), header, ...rows.slice(10), 'DATE , region,SALES,Units'];
    const data = await loadText('repeated-header.csv', `${text.join('\n')}\n`);
    expect(data.meta.rows).toBe(40);
    expect(data.meta.source.headerRowsLeftOut).toBe(2);
    expect(data.column('Region').distinct).toBe(4);
    expect(data.column('Sales').sum).toBeCloseTo(SALES, 6);
    expect(data.column('Units').sum).toBe(UNITS);
    expect(data.column('Sales').nulls).toBe(0);
  });

  it('is left out when the header names a column twice or leaves one blank', async () => {
    // The columns are read as "Sales (2)" and "Column 6", which the repeated header does not say.
    const header = 'Date,Region,Sales,Units,Sales,';
    const rows = lines().map((line, i) => `${line},${ROWS[i]?.sales},note ${i}`);
    const text = [header, ...rows.slice(0, 30), header, ...rows.slice(30)];
    const data = await loadText('twice-named-header.csv', `${text.join('\n')}\n`);
    expect(data.meta.rows).toBe(40);
    expect(data.meta.source.headerRowsLeftOut).toBe(1);
    expect(data.column('Sales (2)').sum).toBeCloseTo(SALES, 6);
    expect(data.column('Column 6').distinct).toBe(40);
  });

  it('is not a row that only shares a cell with the header', async () => {
    const text = ['Region,Note', 'East,Note', 'West,fine'];
    const data = await loadText('shares-a-cell.csv', `${text.join('\n')}\n`);
    expect(data.meta.rows).toBe(2);
    expect(data.meta.source.headerRowsLeftOut).toBeUndefined();
  });
});
