import type { CellValue } from 'exceljs';
import { CellText, classifyNumberFormat, columnHint, excelSerialToIso } from '../../../workers/ingest/xlsx-cells';

describe('classifyNumberFormat', () => {
  it.each([
    ['General', { kind: 'plain' }],
    ['0.00', { kind: 'plain' }],
    ['@', { kind: 'plain' }],
    ['0.00E+00', { kind: 'plain' }],
    ['0 "PCS"', { kind: 'plain' }],
    ['0%', { kind: 'percent' }],
    ['0.0%', { kind: 'percent' }],
    ['$#,##0.00', { kind: 'currency', unit: 'USD' }],
    ['"$"#,##0.00', { kind: 'currency', unit: 'USD' }],
    ['[$$-409]#,##0.00', { kind: 'currency', unit: 'USD' }],
    ['[$$-1009]#,##0.00', { kind: 'currency', unit: 'CAD' }],
    ['_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', { kind: 'currency', unit: 'USD' }],
    ['[$€-407] #,##0.00', { kind: 'currency', unit: 'EUR' }],
    ['#,##0.00\\ "€"', { kind: 'currency', unit: 'EUR' }],
    ['£#,##0', { kind: 'currency', unit: 'GBP' }],
    ['¥#,##0', { kind: 'currency', unit: 'JPY' }],
    ['[$¥-804]#,##0.00', { kind: 'currency', unit: 'CNY' }],
    ['"USD" 0.00', { kind: 'currency', unit: 'USD' }],
    ['[$CHF] #,##0.00', { kind: 'currency', unit: 'CHF' }],
    ['[$kr-41D] #,##0', { kind: 'currency', unit: 'SEK' }],
    ['yyyy-mm-dd', { kind: 'date' }],
    ['mm-dd-yy', { kind: 'date' }],
    ['d-mmm-yy', { kind: 'date' }],
    ['[$-409]mmmm d, yyyy', { kind: 'date' }],
    ['yyyy-mm-dd hh:mm', { kind: 'date' }],
    ['h:mm', { kind: 'time' }],
    ['h:mm:ss AM/PM', { kind: 'time' }],
    ['[h]:mm:ss', { kind: 'time' }],
    ['mm:ss', { kind: 'time' }],
  ])('%s', (code, expected) => {
    expect(classifyNumberFormat(code)).toEqual(expected);
  });
});

describe('excelSerialToIso', () => {
  it.each([
    [45355, false, '2024-03-04'],
    [45355.572916666664, false, '2024-03-04 13:45:00'],
    [45355.999999999, false, '2024-03-05'],
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [0, true, '1904-01-01'],
    [43893, true, '2024-03-04'],
    [2958465, false, '9999-12-31'],
  ])('%d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(excelSerialToIso(serial, date1904)).toBe(iso);
  });

  it('gives a time of day alone under a time-only format', () => {
    expect(excelSerialToIso(0.5729166666666666, false, true)).toBe('13:45:00');
    expect(excelSerialToIso(45355.5, false, true)).toBe('2024-03-04 12:00:00');
  });

  it('leaves serials outside Excel’s calendar alone', () => {
    expect(excelSerialToIso(-1, false)).toBeNull();
    expect(excelSerialToIso(3_000_000, false)).toBeNull();
    expect(excelSerialToIso(Number.NaN, false)).toBeNull();
  });
});

describe('CellText', () => {
  const read = (value: CellValue, numFmt = 'General') => {
    const cells = new CellText(false);
    return { text: cells.read({ value, numFmt }), cells };
  };

  it('reads text, numbers and booleans as a person would type them', () => {
    expect(read('Zürich').text).toBe('Zürich');
    expect(read('').text).toBeNull();
    expect(read('line_x000D_break').text).toBe('line\rbreak');
    expect(read(0.125, '0.0%').text).toBe('0.125');
    expect(read(1e21).text).toBe('1e+21');
    expect(read(false).text).toBe('false');
    expect(read(null).text).toBeNull();
  });

  it('reads a date, and a date-formatted number, as ISO text in UTC', () => {
    expect(read(new Date(Date.UTC(2024, 2, 4, 13, 45)), 'yyyy-mm-dd').text).toBe('2024-03-04 13:45:00');
    expect(read(45355, 'dd/mm/yyyy').text).toBe('2024-03-04');
  });

  it('reads formulas as their cached result and errors as empty, counting them', () => {
    expect(read({ formula: 'A1*2', result: 10 }).text).toBe('10');
    expect(read({ sharedFormula: 'A1', result: 'x' } as CellValue).text).toBe('x');
    expect(read({ formula: 'NOW()' } as CellValue).text).toBeNull();
    const error = read({ error: '#N/A' });
    expect(error.text).toBeNull();
    expect(error.cells.errorCells).toBe(1);
    expect(read({ formula: '1/0', result: Number.NaN }).cells.errorCells).toBe(1);
  });

  it('joins rich text and reads a hyperlink as its text', () => {
    expect(read({ richText: [{ text: 'a ' }, { text: 'b' }] }).text).toBe('a b');
    expect(read({ text: 'Site', hyperlink: 'https://example.com' }).text).toBe('Site');
  });

  it('says which number format the last number carried', () => {
    const cells = new CellText(false);
    cells.read({ value: 3, numFmt: '$#,##0' });
    expect(cells.formats[cells.lastFormat]).toEqual({ kind: 'currency', unit: 'USD' });
    cells.read({ value: 'text', numFmt: '$#,##0' });
    expect(cells.lastFormat).toBe(-1);
  });
});

describe('columnHint', () => {
  const formats = [classifyNumberFormat('General'), classifyNumberFormat('$#,##0.00'), classifyNumberFormat('0%')];

  it('takes the format most of the numbers carry, so a stray total row does not change it', () => {
    expect(columnHint([1, 40], formats)).toEqual({ unit: 'USD' });
    const sparse: number[] = [];
    sparse[2] = 3; // tallies are indexed by format, with holes for formats a column never used
    expect(columnHint(sparse, formats)).toEqual({ unit: 'percent' });
  });

  it('gives no hint when no format covers half the numbers, or there are none', () => {
    expect(columnHint([3, 2, 3], formats)).toEqual({});
    expect(columnHint([], formats)).toEqual({});
  });
});
