import ExcelJS from 'exceljs';

const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const CATEGORIES = ['Furniture', 'Office Supplies', 'Technology', 'Apparel', 'Garden', 'Toys', 'Books', 'Grocery'];

/** Writes a sales workbook of `rows` rows with exceljs's streaming writer: dates, categories, numbers, currency. */
export async function writeSalesXlsx(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Sales');
  sheet.columns = [
    { header: 'Order Date', key: 'date', style: { numFmt: 'yyyy-mm-dd' } },
    { header: 'Region', key: 'region' },
    { header: 'Category', key: 'category' },
    { header: 'Units', key: 'units' },
    { header: 'Unit Price', key: 'price' },
    { header: 'Discount', key: 'discount', style: { numFmt: '0%' } },
    { header: 'Revenue', key: 'revenue', style: { numFmt: '"$"#,##0.00' } },
  ];
  const start = Date.UTC(2021, 0, 1);
  for (let i = 0; i < rows; i++) {
    const units = 1 + (i % 20);
    const price = 5 + ((i * 7919) % 49500) / 100;
    const discount = (i % 31) / 100;
    sheet
      .addRow({
        date: new Date(start + (i % 1095) * 86_400_000),
        region: REGIONS[i % 5],
        category: CATEGORIES[(i * 31) % 8],
        units,
        price,
        discount,
        revenue: Math.round(units * price * (1 - discount) * 100) / 100,
      })
      .commit();
  }
  await workbook.commit();
}
