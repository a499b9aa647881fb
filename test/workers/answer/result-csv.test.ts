import { resultCsv } from '../../../workers/answer/result-csv';
import type { ResultColumn } from '../../../workers/plan/result-table';

const column = (name: string, role: ResultColumn['role'] = 'dimension'): ResultColumn => ({
  name,
  type: role === 'measure' ? 'number' : 'text',
  role,
  unit: null,
});

describe('resultCsv', () => {
  it('prefixes text cells that a spreadsheet would run as a formula', () => {
    const csv = resultCsv({
      columns: [column('Product'), column('Sales', 'measure')],
      rows: [
        ['=HYPERLINK("http://evil.example","x")', 1],
        ['+1+1', 2],
        ['-1+1', 3],
        ['@SUM(A1)', 4],
        ['\tcmd', 5],
        ['\rcmd', 6],
        ['Chairs', -7],
      ],
    });

    expect(csv.split('\r\n')).toEqual([
      'Product,Sales',
      `"'=HYPERLINK(""http://evil.example"",""x"")",1`,
      `'+1+1,2`,
      `'-1+1,3`,
      `'@SUM(A1),4`,
      `'\tcmd,5`,
      `"'\rcmd",6`,
      'Chairs,-7',
      '',
    ]);
  });

  it('neutralises column names too, and writes empty cells for missing values', () => {
    expect(resultCsv({ columns: [column('=cmd'), column('b')], rows: [[null, 'x, y']] })).toBe(
      `'=cmd,b\r\n,"x, y"\r\n`,
    );
  });
});
