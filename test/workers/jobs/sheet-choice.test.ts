import { splitSheetChoice } from '../../../workers/jobs/sheet-choice';

describe('splitSheetChoice', () => {
  it.each([
    ['sheet Q3', { sheet: 'Q3' }],
    ['sheet "Budget 2024" total budget by dept', { sheet: 'Budget 2024', question: 'total budget by dept' }],
    ['total sales by region, sheet Q3', { sheet: 'Q3', question: 'total sales by region' }],
    ['revenue by month from sheet “Budget 2024”?', { sheet: 'Budget 2024', question: 'revenue by month?' }],
    ["Sheet: 'FY 24' top 5 products", { sheet: 'FY 24', question: 'top 5 products' }],
    ['use the sheet Q3.', { sheet: 'Q3' }],
  ])('reads %j as a sheet and a question', (text, expected) => {
    expect(splitSheetChoice(text)).toEqual(expected);
  });

  it.each(['revenue trends', 'totals from the spreadsheet', 'how many sheets are there'])(
    'leaves %j as the question',
    (text) => {
      expect(splitSheetChoice(text)).toEqual({ question: text });
    },
  );

  it('has nothing to split without text', () => {
    expect(splitSheetChoice(undefined)).toEqual({});
  });
});
