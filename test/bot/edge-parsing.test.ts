import { parseAnalyzeText } from '../../bot/analyze-command';
import { triageFile } from '../../bot/file-kinds';

describe('parseAnalyzeText', () => {
  it.each([
    ['', { kind: 'command', command: 'help' }],
    ['  Help ', { kind: 'command', command: 'help' }],
    ['list', { kind: 'command', command: 'list' }],
    ['list the top regions', { kind: 'question', text: 'list the top regions' }],
    ['  revenue by month in sales_q3.xlsx ', { kind: 'question', text: 'revenue by month in sales_q3.xlsx' }],
  ])('reads %j', (text, expected) => {
    expect(parseAnalyzeText(text)).toEqual(expected);
  });
});

describe('triageFile', () => {
  const limit = 1000;
  it.each([
    [{ name: 'sales.csv', mimetype: 'text/csv' }, 'read'],
    [{ name: 'export.TSV', mimetype: 'text/tab-separated-values' }, 'read'],
    [{ name: 'q3.xlsx', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 'read'],
    // The worker reads the bytes and explains what it cannot read, e.g. "save the .xls as .xlsx".
    [{ name: 'old.xls', mimetype: 'application/vnd.ms-excel' }, 'read'],
    [{ name: 'data', mimetype: 'text/csv; charset=utf-8' }, 'read'],
    [{ name: 'photo.png', mimetype: 'image/png' }, 'not-a-table'],
    [{ name: 'deck.pdf', mimetype: 'application/pdf' }, 'not-a-table'],
    [
      { name: 'notes.docx', mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      'not-a-table',
    ],
    [{ name: 'big.csv', mimetype: 'text/csv', size: 1001 }, 'too-large'],
  ])('%j → %s', (file, verdict) => {
    expect(triageFile({ id: 'F1', size: 10, ...file }, limit)).toBe(verdict);
  });
});
