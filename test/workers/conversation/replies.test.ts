import type { AnsweredQuestion } from '../../../workers/analysis/answer-question';
import type { DatasetEntry } from '../../../workers/catalog/dataset-entry';
import { answerReply, chartFileName } from '../../../workers/conversation/answer-replies';
import { helpReply, profileReply } from '../../../workers/conversation/dataset-replies';

function entry(overrides: Partial<DatasetEntry> = {}): DatasetEntry {
  return {
    version: 1,
    id: 'jdata',
    name: 'sales.xlsx',
    format: 'xlsx',
    sheet: 'Q3',
    sheets: ['Q2', 'Q3'],
    rows: 12430,
    columns: [
      { name: 'Region', type: 'category', role: 'dimension', unit: null, nulls: 0, distinct: 4 },
      { name: 'Sales', type: 'currency', role: 'measure', unit: 'USD', nulls: 0 },
    ],
    unreadable: { count: 0, examples: [] },
    source: {},
    addedBy: { id: 'U0ALICE01' },
    addedAt: '2024-10-01T09:30:00.000Z',
    suggestions: ['Sales by region'],
    ...overrides,
  };
}

function answered(overrides: Partial<AnsweredQuestion> = {}): AnsweredQuestion {
  return {
    kind: 'answer',
    question: 'sales by region in the west',
    headline: 'West sold $10',
    insights: [],
    plan: {
      version: 1,
      kind: 'aggregate',
      measures: [{ column: 'Sales', aggregation: 'sum' }],
      dimensions: [{ column: 'Region' }],
      filters: [{ column: 'Region', op: 'in', values: ['West'] }],
      share: false,
      chart: 'bar',
      title: 'Sales by Region',
    },
    result: {
      columns: [{ name: 'Region', type: 'text', role: 'dimension', unit: null }],
      rows: Array.from({ length: 30 }, (_, i) => [`R${i}`]),
      matchedRows: 3100,
    },
    png: null,
    ...overrides,
  } as unknown as AnsweredQuestion;
}

describe('platform-neutral replies', () => {
  it('shows an answer without a chart as its first 25 rows, counting the rest', () => {
    const reply = answerReply({ answer: answered(), dataset: entry(), jobId: 'j1' });

    expect(reply.chart).toBeUndefined();
    expect(reply.table?.rows).toHaveLength(25);
    expect(reply.table?.hiddenRows).toBe(5);
  });

  it('gives an answer with a chart no table, and names the chart after its title', () => {
    const png = Buffer.from('png');
    const reply = answerReply({ answer: answered({ png }), dataset: entry(), jobId: 'j1' });

    expect(reply.table).toBeUndefined();
    expect(reply.chart).toEqual({ png, title: 'Sales by Region', filename: 'sales-by-region.png' });
    expect(chartFileName('Ümsatz / Monat')).toBe('umsatz-monat.png');
  });

  it('names the sheet, the matched rows and the filters behind an answer, and its exports by job id', () => {
    const dated = entry({
      columns: [
        ...entry().columns,
        { name: 'Order Date', type: 'date', role: 'time', unit: null, nulls: 0, from: '2024-01-01', to: '2024-09-30' },
      ],
    });
    const reply = answerReply({ answer: answered({ method: 'plan' }), dataset: dated, jobId: 'j1' });

    expect(reply.footer).toEqual({
      dataset: 'sales.xlsx [Q3]',
      rows: 12430,
      matchedRows: 3100,
      filters: expect.stringContaining('West'),
    });
    expect(reply.actions).toEqual([
      { kind: 'show-sql', answer: 'j1' },
      { kind: 'download-csv', answer: 'j1' },
      { kind: 'subscribe', answer: 'j1' },
    ]);
    // Without a date a digest has no periods to compare, and a model-written query no plan to repeat.
    for (const view of [
      { answer: answered({ method: 'plan' }), dataset: entry() },
      { answer: answered({ method: 'sql' }), dataset: dated },
    ]) {
      expect(answerReply({ ...view, jobId: 'j1' }).actions.map((action) => action.kind)).not.toContain('subscribe');
    }
  });

  it('lists four reading notes of a profile and counts the rest', () => {
    const notes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const reply = profileReply(
      entry({
        columns: [{ name: 'Sales', type: 'currency', role: 'measure', unit: 'USD', nulls: 0, notes }],
        unreadable: { count: 1, examples: [] },
      }),
    );

    expect(reply.notes).toEqual([
      { column: 'Sales', text: 'a' },
      { column: 'Sales', text: 'b' },
      { column: 'Sales', text: 'c' },
      { column: 'Sales', text: 'd' },
      { text: '…and 3 more notes.' },
    ]);
    expect(reply.roles).toEqual([
      { role: 'measure', label: 'Measures', columns: [{ name: 'Sales', details: ['USD'] }] },
    ]);
  });

  it('tells the empty rows and columns left out first among the reading notes', () => {
    const reply = profileReply(
      entry({
        columns: [{ name: 'Sales', type: 'currency', role: 'measure', unit: 'USD', nulls: 0, notes: ['a'] }],
        source: { delimiter: 'comma', emptyRowsLeftOut: 3, emptyColumnsLeftOut: 1 },
      }),
    );

    expect(reply.notes).toEqual([
      { text: '3 empty rows were left out.' },
      { text: '1 empty column without a name was left out.' },
      { column: 'Sales', text: 'a' },
    ]);
  });

  // Found by the new-user trial: a column of formulas never calculated came out empty, with no word why.
  it("tells a workbook's formulas with no saved result and its error cells, and what to do", () => {
    const reply = profileReply(entry({ source: { sheetCount: 1, errorCells: 2, uncalculatedCells: 100 } }));

    expect(reply.notes).toEqual([
      { text: '2 cells holding an Excel error (#DIV/0!, #N/A) were read as empty.' },
      {
        text: '100 formulas with no saved result were read as empty: the workbook was never calculated by Excel; open it in Excel, save it and send it again.',
      },
    ]);
  });

  it('offers help examples only from a dataset that has suggestions', () => {
    expect(helpReply(entry()).examples?.actions).toEqual([
      { kind: 'ask', dataset: 'jdata', question: 'Sales by region' },
    ]);
    expect(helpReply(entry({ suggestions: [] }))).toEqual({ kind: 'help' });
    expect(helpReply(undefined)).toEqual({ kind: 'help' });
  });
});
