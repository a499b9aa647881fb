import type { DatasetEntry } from '../../../workers/catalog/dataset-entry';
import { answerReply, notUnderstoodReply } from '../../../workers/conversation/answer-replies';
import { datasetListReply, profileReply } from '../../../workers/conversation/dataset-replies';
import { datasetTitle, timeSpan, titleText } from '../../../workers/conversation/dataset-words';
import { blockKitReply } from '../../../workers/slack/block-kit-reply';
import type { AnsweredQuestion } from '../../../workers/analysis/answer-question';

const PING = /<!(channel|here|everyone)>|<@U|<https?:/;

function entry(overrides: Partial<DatasetEntry> = {}): DatasetEntry {
  return {
    version: 1,
    id: 'jabc',
    name: '<!channel> sales & co.csv',
    format: 'csv',
    sheet: null,
    sheets: [],
    rows: 12430,
    columns: [
      {
        name: 'Order Date',
        type: 'date',
        role: 'time',
        unit: null,
        nulls: 0,
        from: '2024-01-02',
        to: '2024-09-30',
        grain: 'day',
      },
      {
        name: '<@U123> Revenue',
        type: 'currency',
        role: 'measure',
        unit: 'USD',
        nulls: 0,
        notes: ['3 values like <http://x|y> kept as text'],
      },
      { name: 'Region', type: 'category', role: 'dimension', unit: null, nulls: 0, distinct: 4 },
    ],
    unreadable: { count: 0, examples: [] },
    source: {},
    addedBy: { id: 'U0ALICE01', name: '<!here> Alice' },
    addedAt: '2024-10-01T09:30:00.000Z',
    suggestions: ['Monthly <!channel> trend'],
    ...overrides,
  };
}

/**
 * Everything Slack parses as mrkdwn: the notification text and every mrkdwn
 * text object. (Button labels are plain text and their values are data: Slack parses neither.)
 */
function everyText(content: { text: string; blocks: unknown[] }): string {
  const texts = [content.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as { type?: string; text?: unknown };
    if (record.type === 'mrkdwn' && typeof record.text === 'string') texts.push(record.text);
    Object.values(record).forEach(walk);
  };
  walk(content.blocks);
  return texts.join('\n');
}

describe('Slack messages', () => {
  it('says a dataset in one line: name, rows × columns, and its months', () => {
    expect(titleText(datasetTitle(entry({ name: 'sales_q3.xlsx' })))).toBe(
      'sales_q3.xlsx · 12,430 rows × 3 columns · Jan–Sep 2024',
    );
    expect(
      timeSpan({
        name: 't',
        type: 'date',
        role: 'time',
        unit: null,
        nulls: 0,
        from: '2014-01-03',
        to: '2017-12-30',
        grain: 'day',
      }),
    ).toBe('Jan 2014–Dec 2017');
    expect(
      timeSpan({
        name: 't',
        type: 'integer',
        role: 'time',
        unit: null,
        nulls: 0,
        from: '2001-01-01',
        to: '2017-01-01',
        grain: 'year',
      }),
    ).toBe('2001–2017');
  });

  it('escapes file names, column names and notes in a profile, so nothing pings or links', () => {
    const content = blockKitReply(profileReply(entry()));
    expect(everyText(content)).not.toMatch(PING);
    expect(everyText(content)).toContain('&lt;!channel&gt; sales &amp; co.csv');
  });

  it('escapes questions, headlines and insights in answers and refusals', () => {
    const answer = {
      kind: 'answer',
      question: '<!here> revenue',
      headline: '<!channel> West & <@U999> led',
      insights: ['see <https://evil.example|this>'],
      plan: {
        version: 1,
        kind: 'aggregate',
        measures: [{ column: 'Region', aggregation: 'count' }],
        dimensions: [],
        filters: [],
        share: false,
        chart: 'kpi',
        title: 't',
      },
      result: { columns: [], rows: [], matchedRows: 1 },
      png: Buffer.from('png'),
    } as unknown as AnsweredQuestion;
    expect(
      everyText(blockKitReply(answerReply({ answer, dataset: entry(), jobId: 'j000000000000000000000000' }))),
    ).not.toMatch(PING);
    const refused = notUnderstoodReply({
      answer: {
        kind: 'not-understood',
        question: '<!channel> ?',
        understood: ['<@U1>'],
        reason: 'no <!here>',
        suggestions: ['<!channel>'],
        planner: 'offline',
      },
      dataset: entry(),
    });
    expect(everyText(blockKitReply(refused))).not.toMatch(PING);
  });

  it('lists datasets without pinging anyone through an uploader’s name', () => {
    expect(everyText(blockKitReply(datasetListReply([entry()], { mentionUploaders: false })))).not.toMatch(PING);
  });
});
