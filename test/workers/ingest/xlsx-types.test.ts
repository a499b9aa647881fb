import { load, shape } from '../../support/ingest';
import { writeWorkbook } from '../../fixtures/xlsx/workbooks';

describe('workbook cells take the same type inference as CSV', () => {
  it('types dates, decimals, integers, currency and percent cells', async () => {
    const path = await writeWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Sales');
      sheet.addRow(['Order Date', 'Region', 'Units', 'Price', 'Discount', 'Revenue']);
      const rows: [Date, string, number, number, number, number][] = [
        [new Date(Date.UTC(2024, 2, 4)), 'West', 3, 9.99, 0.1, 26.97],
        [new Date(Date.UTC(2024, 2, 5)), 'East', 5, 4.5, 0, 22.5],
        [new Date(Date.UTC(2024, 3, 1)), 'West', 2, 100.25, 0.25, 150.38],
      ];
      for (const row of rows) sheet.addRow(row);
      sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
      sheet.getColumn(5).numFmt = '0%';
      sheet.getColumn(6).numFmt = '"$"#,##0.00';
    });
    const data = await load(path);
    expect(data.meta).toMatchObject({ format: 'xlsx', sheet: 'Sales', rows: 3 });
    expect(shape(data.column('Order Date'))).toBe('date/time/-');
    expect(shape(data.column('Region'))).toBe('category/dimension/-');
    expect(shape(data.column('Units'))).toBe('integer/measure/-');
    expect(shape(data.column('Price'))).toBe('decimal/measure/-');
    expect(shape(data.column('Discount'))).toBe('percent/measure/percent');
    expect(shape(data.column('Revenue'))).toBe('currency/measure/USD');
    expect(data.column('Revenue').sum).toBeCloseTo(26.97 + 22.5 + 150.38, 6);
    expect(data.column('Discount').max).toBeCloseTo(0.25, 9);
    expect(data.column('Order Date')).toMatchObject({ from: '2024-03-04', to: '2024-04-01' });
  });
});
