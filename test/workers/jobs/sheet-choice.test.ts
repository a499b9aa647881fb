import { sheetChoices } from '../../../workers/jobs/sheet-choice';

describe('sheetChoices', () => {
  it.each([
    ['sheet "Budget 2024" total budget by dept', { sheet: 'Budget 2024', question: 'total budget by dept' }],
    ['revenue by month from sheet “Budget 2024”?', { sheet: 'Budget 2024', question: 'revenue by month?' }],
    ["Sheet: 'FY 24' top 5 products", { sheet: 'FY 24', question: 'top 5 products' }],
    ['use the sheet Q3.', { sheet: 'Q3' }],
    ['total sales from sheet Q3', { sheet: 'Q3', question: 'total sales' }],
    ['balance sheet by quarter, using sheet Q3', { sheet: 'Q3', question: 'balance sheet by quarter' }],
  ])('reads %j as that sheet and the question, and nothing else', (text, expected) => {
    expect(sheetChoices(text)).toEqual([expected]);
  });

  it.each([
    ['sheet Q3', { sheet: 'Q3' }],
    ['total sales by region, sheet Q3', { sheet: 'Q3', question: 'total sales by region' }],
    // The reviewer's two: neither is a sheet unless the workbook has one called "by" or "2".
    ['balance sheet by quarter', { sheet: 'by', question: 'balance quarter' }],
    ['what is on sheet 2?', { sheet: '2', question: 'what is?' }],
  ])(
    'reads a bare name in %j as a sheet only if the workbook has it, else the whole text is the question',
    (text, guess) => {
      expect(sheetChoices(text)).toEqual([guess, { question: text }]);
    },
  );

  it.each(['revenue trends', 'totals from the spreadsheet', 'how many sheets are there'])(
    'leaves %j as the question',
    (text) => {
      expect(sheetChoices(text)).toEqual([{ question: text }]);
    },
  );

  it('has nothing to split without text', () => {
    expect(sheetChoices(undefined)).toEqual([{}]);
  });
});
