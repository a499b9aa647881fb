import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openDatabase, queryRows } from '../../../workers/engine/duckdb';
import { SAMPLE_ROWS } from '../../../workers/ingest/raw-source';
import { readXlsxSource, type XlsxSourceOptions } from '../../../workers/ingest/xlsx-source';
import {
  minimalWorkbook,
  patchDeclaredSize,
  repetitiveSheet,
  writeBytes,
  writeWorkbook,
  zipOf,
} from '../../fixtures/xlsx/workbooks';

const MB = 1024 * 1024;
const twoSheets = join(__dirname, '..', '..', 'fixtures', 'xlsx', 'two-sheets.xlsx');

/** Reads a workbook into a fresh DuckDB; `rows()` gives the staging table as the rest of ingest sees it. */
async function read(path: string, options: Partial<XlsxSourceOptions> = {}) {
  const connection = await openDatabase();
  const source = await readXlsxSource(path, { connection, table: 'raw', maxUnzippedBytes: 64 * MB, ...options });
  // Columns of plain numbers are staged as DOUBLE; compare them as the text the rest of the cells are.
  const rows = async () =>
    (await queryRows(connection, `SELECT * FROM ${source.scan([], 0)}`)).map((row) =>
      Object.values(row).map((value) => (typeof value === 'number' ? String(value) : value)),
    );
  return { source, rows, connection };
}

function addTable(sheet: ExcelJS.Worksheet, rows: unknown[][]): void {
  for (const row of rows) sheet.addRow(row);
}

describe('readXlsxSource: finding the table', () => {
  it('finds the header below a title row and a blank row, and skips empty rows', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Report');
      sheet.addRow(['Quarterly sales report']);
      sheet.mergeCells('A1:D1');
      sheet.addRow([]);
      addTable(sheet, [
        ['Region', 'Rep', 'Units', 'Revenue'],
        ['North', 'Ana', 3, 120.5],
      ]);
      sheet.addRow([]);
      sheet.addRow(['South', 'Bo', 5, 99]);
    });

    const { source, rows } = await read(path);

    expect(source.columns).toEqual(['Region', 'Rep', 'Units', 'Revenue']);
    expect(source.facts).toMatchObject({ headerRow: 3, sheetCount: 1 });
    expect(await rows()).toEqual([
      ['North', 'Ana', '3', '120.5'],
      ['South', 'Bo', '5', '99'],
    ]);
    expect(source.sample).toEqual(await rows());
  });

  it('gives a label merged across columns to each of them', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [
        ['Name', 'Amount', null, 'Note'],
        ['Ana', 1, 2, 'x'],
      ]);
      sheet.mergeCells('B1:C1');
    });

    const { source } = await read(path);

    expect(source.columns).toEqual(['Name', 'Amount', 'Amount (2)', 'Note']);
  });

  it('combines a two-row header of merged groups into "Group Sub" names, and keeps its second row out of the data', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [
        ['Region', 'Q1', null, 'Q2', null],
        [null, 'Sales', 'Units', 'Sales', 'Units'],
        ['North', 100, 4, 120, 5],
        ['South', 80, 3, 90, 2],
      ]);
      sheet.mergeCells('A1:A2');
      sheet.mergeCells('B1:C1');
      sheet.mergeCells('D1:E1');
    });

    const { source, rows } = await read(path);

    expect(source.columns).toEqual(['Region', 'Q1 Sales', 'Q1 Units', 'Q2 Sales', 'Q2 Units']);
    expect(source.facts).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(await rows()).toEqual([
      ['North', '100', '4', '120', '5'],
      ['South', '80', '3', '90', '2'],
    ]);
    expect(source.sample).toHaveLength(2);
  });

  it('combines group labels merged above the header row', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [
        [null, null, 'Q1', null, 'Q2', null],
        ['Region', 'Product', 'Sales', 'Units', 'Sales', 'Units'],
        ['North', 'Pens', 100, 4, 120, 5],
      ]);
      sheet.mergeCells('C1:D1');
      sheet.mergeCells('E1:F1');
    });

    const { source, rows } = await read(path);

    expect(source.columns).toEqual(['Region', 'Product', 'Q1 Sales', 'Q1 Units', 'Q2 Sales', 'Q2 Units']);
    expect(source.facts).toMatchObject({ headerRow: 1, headerRows: 2 });
    expect(await rows()).toEqual([['North', 'Pens', '100', '4', '120', '5']]);
  });

  it('adds columns for values past the header, empty in the rows before them', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Id', 'Name']);
      for (let i = 1; i <= 40; i++) sheet.addRow([i, `n${i}`]);
      sheet.addRow([41, 'n41', null, 'late note']);
    });

    const { source, rows } = await read(path);

    expect(source.columns).toEqual(['Id', 'Name', 'Column 3', 'Column 4']);
    const all = await rows();
    expect(all).toHaveLength(41);
    expect(all[0]).toEqual(['1', 'n1', null, null]);
    expect(all[40]).toEqual(['41', 'n41', null, 'late note']);
    expect(source.sample[0]).toEqual(['1', 'n1', null, null]);
  });

  it('keeps a sample of the first SAMPLE_ROWS rows and stages every row', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['n']);
      for (let i = 0; i < 6000; i++) sheet.addRow([i]);
    });

    const { source, rows } = await read(path);

    expect(source.sample).toHaveLength(SAMPLE_ROWS);
    expect(await rows()).toHaveLength(6000);
  });
});

describe('readXlsxSource: choosing the sheet', () => {
  const book = () =>
    writeWorkbook((workbook) => {
      workbook.addWorksheet('Cover');
      addTable(workbook.addWorksheet('Hidden'), [['secret'], ['1']]);
      workbook.getWorksheet('Hidden')!.state = 'hidden';
      addTable(workbook.addWorksheet('Sales'), [
        ['Region', 'Revenue'],
        ['North', 10],
      ]);
      addTable(workbook.addWorksheet('Notes'), [['Note'], ['Prices exclude tax']]);
    });

  it('lists every sheet in order and reads the first visible one holding data', async () => {
    const { source } = await read(await book());

    expect(source.sheets).toEqual(['Cover', 'Hidden', 'Sales', 'Notes']);
    expect(source.sheet).toBe('Sales');
    expect(source.columns).toEqual(['Region', 'Revenue']);
    expect(source.facts.sheetCount).toBe(4);
  });

  it('reads the sheet asked for, whatever its case', async () => {
    const { source, rows } = await read(await book(), { sheet: 'notes' });

    expect(source.sheet).toBe('Notes');
    expect(await rows()).toEqual([['Prices exclude tax']]);
  });

  it('names the sheets when the one asked for does not exist', async () => {
    await expect(read(twoSheets, { sheet: 'Foo' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
      message: 'Sheet "Foo" not found. Sheets in this workbook: "Sales", "Notes".',
    });
  });

  it('names at most ten sheets of a 200-sheet workbook, and says how many more there are', async () => {
    const path = await writeWorkbook((workbook) => {
      for (let i = 1; i <= 200; i++) workbook.addWorksheet(`Region ${i}`).addRow(['Sales', i]);
    });
    const error = (await read(path, { sheet: 'Totals' }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'SHEET_NOT_FOUND' });
    const listed = Array.from({ length: 10 }, (_, i) => `"Region ${i + 1}"`).join(', ');
    expect(error.message).toBe(`Sheet "Totals" not found. Sheets in this workbook (200): ${listed} and 190 more.`);
  });

  it('finds sheets stored under other names, with absolute relationship targets', async () => {
    const zip = await JSZip.loadAsync(readFileSync(twoSheets));
    zip.file('xl/worksheets/data.xml', await zip.file('xl/worksheets/sheet1.xml')!.async('nodebuffer'));
    zip.remove('xl/worksheets/sheet1.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/data.xml"'),
    );
    const path = writeBytes(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const { source } = await read(path);

    expect(source.sheet).toBe('Sales');
    expect(source.columns).toEqual(['Region', 'Month', 'Revenue']);
  });

  it('says the workbook is empty when every sheet is', async () => {
    const path = await writeWorkbook((workbook) => {
      workbook.addWorksheet('One');
      workbook.addWorksheet('Two');
    });

    await expect(read(path)).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: 'The workbook has no data: every sheet is empty.',
    });
  });

  it('says so when the sheet has a header but no data rows', async () => {
    const path = await writeWorkbook((workbook) => addTable(workbook.addWorksheet('Sales'), [['Region', 'Revenue']]));

    await expect(read(path)).rejects.toMatchObject({
      code: 'NO_DATA_ROWS',
      message: 'Sheet "Sales" has a header row but no data rows below it.',
    });
  });
});

describe('readXlsxSource: cell values', () => {
  it('writes dates as ISO 8601 in UTC, with a time of day only when there is one', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [
        ['When', 'Serial', 'Time'],
        [new Date(Date.UTC(2024, 2, 4)), 45355, 0.5729166666666666],
        [new Date(Date.UTC(2024, 2, 4, 13, 45)), 1, null],
        [null, 59, null],
        [null, 61, null],
      ]);
      sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm';
      sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
      sheet.getColumn(3).numFmt = 'h:mm';
    });

    const { source, rows } = await read(path);

    expect(await rows()).toEqual([
      ['2024-03-04', '2024-03-04', '13:45:00'],
      ['2024-03-04 13:45:00', '1900-01-01', null],
      // Excel's serial 60 is 29 February 1900, a day that did not exist; 59 and 61 straddle it.
      [null, '1900-02-28', null],
      [null, '1900-03-01', null],
    ]);
    expect(source.hints.slice(0, 2)).toEqual([{ date: true }, { date: true }]);
  });

  it('counts serial dates from 1904 when the workbook says so', async () => {
    const path = await writeWorkbook((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [
        ['Serial', 'Date'],
        [0, new Date(Date.UTC(2024, 2, 4))],
      ]);
      sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
      sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    });

    const { rows } = await read(path);

    expect(await rows()).toEqual([['1904-01-01', '2024-03-04']]);
  });

  it('reads formulas as their cached results, and errors and formulas never calculated as empty', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Total', 'Label', 'Due', 'Ratio', 'Now', 'Rich', 'Link', 'Flag']);
      sheet.addRow([
        { formula: 'B2*2', result: 10 },
        { formula: 'UPPER("a")', result: 'A' },
        { formula: 'DATE(2024,3,4)', result: 45355 },
        { error: '#DIV/0!' },
        { formula: 'NOW()' },
        { richText: [{ text: 'bold ' }, { text: 'plain' }] },
        { text: 'Example site', hyperlink: 'https://example.com' },
        true,
      ]);
      sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    });

    const { source, rows } = await read(path);

    expect(await rows()).toEqual([['10', 'A', '2024-03-04', null, null, 'bold plain', 'Example site', 'true']]);
    expect(source.facts.errorCells).toBe(1);
    expect(source.facts.uncalculatedCells).toBe(1);
  });

  it('turns percent and currency formats into column hints, leaving values as plain numbers', async () => {
    const formats = ['0.0%', '$#,##0.00', '[$€-407] #,##0.00', '£#,##0', '[$¥-411]#,##0', '"USD" 0.00', '0.00'];
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      addTable(sheet, [formats.map((_, i) => `c${i}`), formats.map(() => 0.125), formats.map(() => 2)]);
      formats.forEach((format, i) => (sheet.getColumn(i + 1).numFmt = format));
    });

    const { source, rows } = await read(path);

    expect(source.hints).toEqual([
      { unit: 'percent' },
      { unit: 'USD' },
      { unit: 'EUR' },
      { unit: 'GBP' },
      { unit: 'JPY' },
      { unit: 'USD' },
      {},
    ]);
    expect((await rows())[0]).toEqual(formats.map(() => '0.125'));
  });

  it('keeps non-ASCII text whole where it crosses a chunk boundary (exceljs decodes chunk by chunk)', async () => {
    const expected = Array.from({ length: 20_000 }, (_, i) => `Zürich ${i} 東京 café ☕`);
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Städte');
      sheet.addRow(['Stadt']);
      for (const city of expected) sheet.addRow([city]);
    });

    const { source, rows } = await read(path);

    expect(source.sheet).toBe('Städte');
    expect((await rows()).map((row) => row[0])).toEqual(expected);
  });
});

describe('readXlsxSource: files it refuses', () => {
  it('refuses a truncated workbook as damaged', async () => {
    const whole = readFileSync(twoSheets);

    await expect(read(writeBytes(whole.subarray(0, whole.length >> 1)))).rejects.toMatchObject({
      code: 'XLSX_CORRUPT',
      message: 'This file could not be opened as an Excel workbook: it is damaged or incomplete.',
    });
  });

  it('refuses random bytes behind a zip signature as damaged', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(4000, 0x5a)]);

    await expect(read(writeBytes(bytes))).rejects.toMatchObject({ code: 'XLSX_CORRUPT' });
  });

  it('refuses a zip archive that is not a workbook', async () => {
    await expect(read(writeBytes(await zipOf({ 'hello.txt': 'hi' })))).rejects.toMatchObject({
      code: 'XLSX_CORRUPT',
      message: 'This file is a ZIP archive but not an Excel workbook.',
    });
  });

  it('refuses a sheet whose XML is damaged', async () => {
    const path = writeBytes(
      await zipOf(minimalWorkbook('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>')),
    );

    await expect(read(path)).rejects.toMatchObject({
      code: 'XLSX_CORRUPT',
      message: 'This workbook is damaged: part of it could not be read.',
    });
  });

  it('refuses a zip bomb from its declared sizes', async () => {
    const path = writeBytes(await zipOf(minimalWorkbook(repetitiveSheet(50 * MB))));

    await expect(read(path, { maxUnzippedBytes: 5 * MB })).rejects.toMatchObject({
      code: 'XLSX_ZIP_BOMB',
      message: 'This workbook would expand to more than 5 MB when unzipped, so it was refused as a possible zip bomb.',
    });
  });

  it('refuses a zip bomb whose directory understates its size, and leaves no staging table', async () => {
    const honest = await zipOf(minimalWorkbook(repetitiveSheet(50 * MB)));
    const path = writeBytes(patchDeclaredSize(honest, 'xl/worksheets/sheet1.xml', 100_000));
    const connection = await openDatabase();

    await expect(readXlsxSource(path, { connection, table: 'raw', maxUnzippedBytes: 5 * MB })).rejects.toMatchObject({
      code: 'XLSX_ZIP_BOMB',
      message: "This workbook's contents are larger than its own index says, so it was refused as a possible zip bomb.",
    });
    expect(await queryRows(connection, "SELECT table_name FROM duckdb_tables() WHERE table_name = 'raw'")).toEqual([]);
  });
});

describe('readXlsxSource: staging numbers', () => {
  it('stages columns of plain numbers as DOUBLE and the rest as text', async () => {
    const path = await writeWorkbook((workbook) => {
      addTable(workbook.addWorksheet('Data'), [
        ['Region', 'Units', 'Price'],
        ['North', 3, 9.5],
        ['South', 5, 12.25],
      ]);
    });
    const { source } = await read(path);
    expect(source.fixedTypes).toEqual(['VARCHAR', 'DOUBLE', 'DOUBLE']);
  });

  it('turns a number column back into text when a later row holds text, keeping whole numbers whole', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.addRow(['Code', 'Units']);
      for (let i = 0; i < 40; i++) sheet.addRow([100 + i, i]);
      sheet.addRow(['A-7', 41]);
    });
    const { source, rows } = await read(path);
    expect(source.fixedTypes).toEqual(['VARCHAR', 'DOUBLE']);
    const all = await rows();
    expect(all[0]).toEqual(['100', '0']);
    expect(all[40]).toEqual(['A-7', '41']);
  });
});
