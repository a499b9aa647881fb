import { runCli } from '../../support/cli';
import { fixtureFile, loadText } from '../../support/ingest';

describe('a UTF-8 file with one Windows-1252 row', () => {
  it('keeps the UTF-8 as UTF-8, reads only the stray bytes as Windows-1252, and names the row', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`City,Sales\n${Array.from({ length: 50 }, (_, i) => `Café ${i},${i}`).join('\n')}\n`),
      Buffer.from('M\xfcnchen Caf\xe9,50\n', 'latin1'),
      Buffer.from('Zürich,51\n'),
    ]);
    const data = await loadText('mixed.csv', bytes);
    expect(data.meta.source.encoding).toBe('UTF-8 (line 52 not UTF-8, read as Windows-1252)');
    expect(data.meta.rows).toBe(52);
    const rows = await data.rows(`SELECT City FROM dataset WHERE Sales IN (0, 50, 51) ORDER BY Sales`);
    expect(rows.map((r) => r.City)).toEqual(['Café 0', 'München Café', 'Zürich']);
  });

  it('keeps a line that mixes valid UTF-8 and stray bytes readable in both parts', async () => {
    const bytes = Buffer.concat([
      Buffer.from('City,Note\nCafé,ok\n'),
      Buffer.from('Café ', 'utf8'),
      Buffer.from('\x80 price,\xe9t\xe9\n', 'latin1'),
    ]);
    const data = await loadText('mixed-line.csv', bytes);
    const rows = await data.rows('SELECT City, Note FROM dataset ORDER BY City DESC');
    expect(rows).toEqual([
      { City: 'Café € price', Note: 'été' },
      { City: 'Café', Note: 'ok' },
    ]);
  });
});

describe('a first data row longer than a megabyte', () => {
  it('is read, not taken for a file with a header and no rows', async () => {
    const long = 'x'.repeat(1_300_000);
    const data = await loadText('long-first-row.csv', `Note,Sales\n${long},1\nshort,2\nshorter,3\n`);
    expect(data.meta.rows).toBe(3);
    expect(data.column('Sales').sum).toBe(6);
    const [first] = await data.rows('SELECT length(Note) AS n FROM dataset WHERE Sales = 1');
    expect(Number(first?.n)).toBe(long.length);
  });
});

describe('a row over DuckDB’s default longest line (2 MB) far into the file', () => {
  it('is read whole, the file read again with room for it', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `note ${i},${i}`);
    rows[20_000] = `${'z'.repeat(3 * 1024 * 1024)},20000`;
    const data = await loadText('long-middle-row.csv', `Note,Sales\n${rows.join('\n')}\n`);
    expect(data.meta.rows).toBe(30_000);
    expect(data.meta.unreadable.count).toBe(0);
    const [long] = await data.rows('SELECT length(Note) AS n FROM dataset WHERE Sales = 20000');
    expect(Number(long?.n)).toBe(3 * 1024 * 1024);
  });
});

describe('a data row longer than DuckDB reads (16 MB)', () => {
  // 17 MB in one quoted cell, with newlines inside it: the row spans several lines.
  const huge = `"${'x'.repeat(8 * 1024 * 1024)}\n${'y'.repeat(9 * 1024 * 1024)}"`;

  it('is set aside as unreadable and the rows after it are read, not taken for a file with no rows', async () => {
    const after = Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'East' : 'West'},${i}`).join('\n');
    const data = await loadText('huge-cell.csv', `Note,Sales\n${huge},1000\n${after}\n`);
    expect(data.meta.rows).toBe(40);
    expect(data.column('Sales').sum).toBe((39 * 40) / 2);
    expect(data.meta.unreadable.count).toBe(1);
    expect(data.meta.unreadable.examples[0]).toMatchObject({ line: 2, reason: 'a line longer than 16 MB' });
  });

  it('is refused, naming the row and its size, when no shorter row follows it', async () => {
    const run = await runCli([fixtureFile('only-huge.csv', `Note,Sales\n${huge},1\n`)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Line 2 is 17 MB long, and the longest row I can read is 16 MB/);
    expect(run.stderr).not.toMatch(/but no rows of data/);
  });
});

describe('JSON is refused as not a table, whatever its extension', () => {
  const records = [
    { region: 'West', sales: 10 },
    { region: 'East', sales: 20 },
  ];
  it.each([
    ['records.json', JSON.stringify(records), /JSON \(an array of records\)/],
    ['records.csv', JSON.stringify(records, null, 2), /JSON \(an array of records\)/],
    ['records.ndjson', records.map((r) => JSON.stringify(r)).join('\n'), /JSON lines/],
    ['lines.csv', records.map((r) => JSON.stringify(r)).join('\n') + '\n', /JSON lines/],
    ['object.json', JSON.stringify({ data: records }, null, 2), /is JSON, not rows/],
  ])('%s', async (name, text, what) => {
    const run = await runCli([fixtureFile(name, text)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The file is not a table: it is JSON/);
    expect(run.stderr).toMatch(what);
    expect(run.stderr).toMatch(/Send a CSV, TSV or XLSX file\.\n$/);
  });

  it('still reads a CSV whose header names are in brackets', async () => {
    const data = await loadText('bracketed.csv', '[Region],[Sales]\nWest,10\nEast,20\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['[Region]', '[Sales]']);
    expect(data.column('[Sales]').sum).toBe(30);
  });
});

describe('a file whose lines end in CRLF and bare LF both', () => {
  it('reads a title line ending in LF above CRLF rows, skipping the title as it does any other', async () => {
    const data = await loadText('mixed-eol.csv', 'Sales Report\nRegion,Revenue\r\nNorth,100\r\nSouth,200\r\n');
    expect(data.meta.columns.map((c) => c.name)).toEqual(['Region', 'Revenue']);
    expect(data.meta.source.headerLine).toBe(2);
    expect(data.meta.rows).toBe(2);
    expect(data.column('Revenue').sum).toBe(300);
  });

  it('reads LF rows that follow two megabytes of CRLF rows, as numbers and without lost rows', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `r${i},${i}`);
    const text = `Name,Units\r\n${rows.slice(0, 100_000).join('\r\n')}\r\n${rows.slice(100_000).join('\n')}\n`;
    const data = await loadText('late-lf.csv', text);
    expect(data.meta.rows).toBe(120_000);
    expect(data.meta.unreadable.count).toBe(0);
    expect(data.column('Units').type).toBe('integer');
    expect(data.column('Units').sum).toBe((119_999 * 120_000) / 2);
  });

  it('keeps the LF inside a quoted cell of a CRLF file, as Excel writes multi-line cells', async () => {
    const data = await loadText('excel-cells.csv', 'Note,Units\r\n"two\nlines",1\r\nplain,2\r\n');
    expect(data.meta.rows).toBe(2);
    const rows = await data.rows('SELECT Note FROM dataset ORDER BY Units');
    expect(rows.map((r) => r.Note)).toEqual(['two\nlines', 'plain']);
  });

  it('reads a UTF-16 file with mixed line endings', async () => {
    const text = '\uFEFFCity,Sales\nZürich,5\r\nGenève,7\n';
    const data = await loadText('mixed-utf16.csv', Buffer.from(text, 'utf16le'));
    expect(data.meta.rows).toBe(2);
    const rows = await data.rows('SELECT City FROM dataset ORDER BY Sales');
    expect(rows.map((r) => r.City)).toEqual(['Zürich', 'Genève']);
  });
});

// Found by the new-user trial: a report saved as HTML with an .xls name was read as a column of tags.
describe('a report saved as HTML or Excel 2003 XML is refused, saying how to save it', () => {
  it.each([
    [
      'report.xls',
      '<html><body><table>\n<tr><td>Region</td><td>Sales</td></tr>\n<tr><td>West</td><td>10</td></tr>\n</table></body></html>\n',
      /it is a web page \(HTML\)/,
    ],
    [
      'export.xls',
      '<!DOCTYPE html>\n<html>\n<table><tr><td>a</td></tr></table>\n</html>\n',
      /it is a web page \(HTML\)/,
    ],
    [
      'sheet.xls',
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n</Workbook>\n',
      /it is an Excel 2003 XML workbook; open it in Excel and save it as \.xlsx/,
    ],
  ])('%s', async (name, text, what) => {
    const run = await runCli([fixtureFile(name, text)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The file is not a table: /);
    expect(run.stderr).toMatch(what);
  });

  it('still reads a CSV whose first cell holds a tag', async () => {
    const data = await loadText('tagged.csv', 'Label,Sales\n<b>West</b>,10\nEast,20\n');
    expect(data.column('Sales').sum).toBe(30);
  });
});
