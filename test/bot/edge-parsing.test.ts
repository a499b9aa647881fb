import { parseAnalyzeText } from '../../bot/analyze-command';
import { triageFile } from '../../bot/file-kinds';
import { deliveryOf } from '../../bot/redelivery';

describe('parseAnalyzeText', () => {
  it.each([
    ['', { kind: 'command', command: 'help' }],
    ['  Help ', { kind: 'command', command: 'help' }],
    ['list', { kind: 'command', command: 'list' }],
    ['list the top regions', { kind: 'question', text: 'list the top regions' }],
    [' Digests ', { kind: 'digests' }],
    ['digest weekly sales by region on Monday 9:00', { kind: 'digest', text: 'weekly sales by region on Monday 9:00' }],
    ['digest', { kind: 'question', text: 'digest' }],
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

describe('deliveryOf', () => {
  it.each([
    [{}, 'first'],
    // Socket Mode numbers a first delivery 0, with an empty reason: it must still get its placeholder.
    [{ retryNum: 0, retryReason: '' }, 'first'],
    [{ retryNum: 1, retryReason: 'http_timeout' }, 'first-still-running'],
    // A minute later: the first attempt has ended, queued or not.
    [{ retryNum: 2, retryReason: 'http_timeout' }, 'redelivery'],
    [{ retryNum: 2, retryReason: 'http_error' }, 'redelivery'],
    [{ retryNum: 1, retryReason: 'connection_failed' }, 'redelivery'],
    [{ retryNum: 1 }, 'redelivery'],
  ])('reads %j as %s', (context, delivery) => {
    expect(deliveryOf(context)).toBe(delivery);
  });
});
