import {
  ASK_VERB,
  cardActionOf,
  DIGEST_VERB,
  DOWNLOAD_CSV_VERB,
  SHOW_SQL_VERB,
  SUBSCRIBE_VERB,
} from '../../../core/teams-card-actions';
import type { Reply, ReplyKind } from '../../../workers/conversation/reply';
import type { CardElement } from '../../../workers/teams/adaptive-card';
import { adaptiveCardReply } from '../../../workers/teams/adaptive-card-reply';
import { teamsText } from '../../../workers/teams/card-text';

/** An element as a short line to compare: its type and the markdown Teams renders in it. */
function outline(element: CardElement): string {
  if (element.type === 'Container') return (element.items as CardElement[]).map(outline).join(' / ');
  if (element.type === 'ActionSet')
    return `buttons: ${(element.actions as CardElement[]).map((a) => a.title).join(', ')}`;
  if (element.type === 'TextBlock') return `${element.isSubtle ? 'subtle' : 'text'}: ${String(element.text)}`;
  if (element.type === 'Image') return `image: ${String(element.altText)} <${String(element.url).slice(0, 22)}>`;
  if (element.type === 'FactSet') {
    const facts = element.facts as { title: string; value: string }[];
    return `facts: ${facts.map((fact) => `${fact.title} = ${fact.value}`).join(' | ')}`;
  }
  return String(element.type);
}

const TITLE = { name: 'sales_q3 & <at>All</at>.csv', rows: 12430, columns: 3, span: 'Jan–Sep 2024' };
const ANSWER_ID = 'j0123456789abcdef01234567';
const CHART = { png: Buffer.from('png'), title: 'Sales by region', filename: 'sales-by-region.png' };

/** One reply of every kind, with the summary (the notification) and the card body Teams must show for it. */
const CASES: { [K in ReplyKind]: { reply: Extract<Reply, { kind: K }>; summary: string; body: string[] } } = {
  progress: {
    reply: { kind: 'progress', doing: 'Reading *sales*.csv…', caveat: 'Last try; reference abc' },
    summary: 'Reading *sales*.csv…',
    body: ['text: ⏳ Reading \\*sales\\*.csv…', 'subtle: Last try; reference abc'],
  },
  problem: {
    reply: { kind: 'problem', message: 'The file is 80 MB; the limit is 50 MB.' },
    summary: 'The file is 80 MB; the limit is 50 MB.',
    body: ['text: ⚠️ The file is 80 MB; the limit is 50 MB.'],
  },
  failure: {
    reply: { kind: 'failure', retrying: false, timedOut: true, reference: 'abc_12345' },
    summary: expect.stringContaining('This took longer') as unknown as string,
    body: [
      'text: ❌ This took longer than I’m allowed to spend on it, so I stopped. Try a smaller file or a narrower question; if it keeps happening, give the team this reference.',
      'subtle: Reference: abc\\_12345',
    ],
  },
  answer: {
    reply: {
      kind: 'answer',
      headline: 'West led with $1.2M',
      insights: ['West is 38% of the total', 'East [trails](https://evil.example)'],
      chart: CHART,
      table: {
        columns: [
          { name: 'Region', type: 'text', role: 'dimension', unit: null },
          { name: 'Sales', type: 'number', role: 'measure', unit: null },
        ],
        rows: [
          ['West', 10],
          ['East', 7],
        ],
        hiddenRows: 3,
      },
      note: 'Planned offline.',
      footer: { dataset: 'sales_q3.csv', rows: 12430, matchedRows: 2100, filters: 'Year is 2017' },
      actions: [
        { kind: 'show-sql', answer: ANSWER_ID },
        { kind: 'download-csv', answer: ANSWER_ID },
        { kind: 'subscribe', answer: ANSWER_ID },
        { kind: 'ask', dataset: 'jdata', question: 'Now by month' },
      ],
    },
    summary: 'West led with $1.2M',
    body: [
      'text: West led with $1.2M',
      'text: - West is 38% of the total\n- East \\[trails\\]\\(https://evil.example\\)',
      'image: Sales by region <data:image/png;base64,>',
      'text: Region  Sales\n──────  ─────\nWest       10\nEast        7',
      'subtle: … 3 more rows in the CSV',
      'subtle: Planned offline.',
      'subtle: 📄 sales\\_q3.csv · 2,100 of 12,430 rows · Filters: Year is 2017',
    ],
  },
  'not-understood': {
    reply: {
      kind: 'not-understood',
      question: 'how are the vibes',
      reason: 'no column matches “vibes”',
      understood: ['a total'],
      dataset: 'sales.csv',
      actions: [{ kind: 'ask', dataset: 'jdata', question: 'Sales by region' }],
    },
    summary: 'I couldn’t answer “how are the vibes”: no column matches “vibes”.',
    body: [
      'text: I couldn’t answer “how are the vibes”: no column matches “vibes”.',
      'subtle: I understood: a total',
      'text: These work on **sales.csv**:',
    ],
  },
  profile: {
    reply: {
      kind: 'profile',
      title: TITLE,
      roles: [
        { role: 'time', label: 'Time', columns: [{ name: 'Order Date', details: ['daily', 'Jan–Sep 2024'] }] },
        { role: 'measure', label: 'Measures', columns: [{ name: 'Revenue', details: ['USD'] }] },
      ],
      notes: [{ column: 'Revenue', text: '3 values kept as text' }],
      actions: [{ kind: 'ask', dataset: 'jdata', question: 'Monthly revenue trend' }],
    },
    summary: 'sales_q3 & <at>All</at>.csv · 12,430 rows × 3 columns · Jan–Sep 2024',
    body: [
      'text: **sales\\_q3 & \\<at\\>All\\</at\\>.csv** · 12,430 rows × 3 columns · Jan–Sep 2024',
      'facts: Time = Order Date (daily, Jan–Sep 2024) | Measures = Revenue (USD)',
      'subtle: ⚠️ **Revenue**: 3 values kept as text',
      'text: Try one of these, or reply in this thread with your own question:',
    ],
  },
  'dataset-list': {
    reply: {
      kind: 'dataset-list',
      datasets: [
        { title: TITLE, addedAt: '2024-10-01T09:30:00.000Z', addedBy: { id: '29:1alice', name: 'Alice' } },
        { title: { ...TITLE, name: 'old.csv' }, addedAt: '2024-09-01T08:00:00.000Z', addedBy: { id: '29:1bob' } },
      ],
      mentionUploaders: true,
    },
    summary: '2 datasets in this conversation',
    body: [
      'text: **2 datasets in this conversation**',
      'text: - **sales\\_q3 & \\<at\\>All\\</at\\>.csv** · 12,430 rows × 3 columns · Jan–Sep 2024 · added 2024-10-01 09:30 UTC by Alice\n' +
        '- **old.csv** · 12,430 rows × 3 columns · Jan–Sep 2024 · added 2024-09-01 08:00 UTC',
      'subtle: Questions use the newest one unless you name another (“… in sales.csv”) or ask in a file’s thread.',
    ],
  },
  help: {
    reply: { kind: 'help' },
    summary: 'How to ask me about your data',
    body: [
      expect.stringMatching(
        /^text: \*\*How to ask me about your data\*\*\n- Share a CSV or Excel file[^]*\*\*digests\*\* lists/,
      ) as unknown as string,
      'text: For example: “Monthly revenue trend”, “Top 5 customers by profit”, “Share of sales by region”. Share a CSV or Excel file to start.',
    ],
  },
  sql: {
    reply: {
      kind: 'sql',
      question: 'sales in the West',
      dataset: 'sales.csv',
      sql: 'SELECT sum("Sales") FROM dataset WHERE "Region" = $p1\n',
      params: { p1: "West's" },
    },
    summary: 'The SQL behind “sales in the West” on sales.csv:',
    body: [
      'text: The SQL behind “sales in the West” on sales.csv:',
      `text: SELECT sum\\("Sales"\\) FROM dataset WHERE "Region" = $p1\n\n-- bound parameters\n-- $p1 = 'West''s'`,
    ],
  },
  'csv-ready': {
    reply: { kind: 'csv-ready', question: 'sales by region', rows: 1 },
    summary: 'The CSV of “sales by region”: 1 row, in this thread.',
    body: ['text: 📄 The CSV of “sales by region”: 1 row, in this thread.'],
  },
  digest: {
    reply: {
      kind: 'digest',
      question: 'sales by *region*',
      tone: 'news',
      headline: 'Sales was 83.8K in Dec 2017, down 34.6K (29.2%) on Nov 2017.',
      insights: ['Drivers by Region: East (−25.5K, 74% of the change)'],
      source: 'superstore.csv, uploaded Monday 7 December 2026 at 9:02',
      charts: [CHART],
    },
    summary: 'Sales was 83.8K in Dec 2017, down 34.6K (29.2%) on Nov 2017.',
    body: [
      'text: 📅 Digest: sales by \\*region\\*',
      'text: Sales was 83.8K in Dec 2017, down 34.6K \\(29.2%\\) on Nov 2017.',
      'text: • Drivers by Region: East \\(−25.5K, 74% of the change\\)',
      'subtle: 📄 superstore.csv, uploaded Monday 7 December 2026 at 9:02',
      'subtle: Reply in this thread to ask more about it.',
    ],
  },
  'digest-list': {
    reply: {
      kind: 'digest-list',
      digests: [
        {
          id: 'd0123456789abcdef',
          question: 'sales by region',
          schedule: 'every Monday at 9:00 (UTC)',
          source: 'reads sales.csv',
          nextRun: 'next Monday 7 December 2026 at 9:00',
          owner: { id: 'u1', name: 'Ada *Lovelace*' },
          paused: true,
          lastRun: 'last sent Monday',
          actions: [
            { kind: 'digest', digest: 'd0123456789abcdef', do: 'resume' },
            { kind: 'digest', digest: 'd0123456789abcdef', do: 'send-now' },
            { kind: 'digest', digest: 'd0123456789abcdef', do: 'delete' },
          ],
        },
      ],
      notice: 'Paused “sales by region”.',
    },
    summary: '1 digest in this conversation',
    body: [
      'text: Paused “sales by region”.',
      'text: 1 digest in this conversation',
      'text: **sales by region** every Monday at 9:00 \\(UTC\\) · paused / subtle: Reads sales.csv · next Monday 7 December 2026 at 9:00 · set up by Ada \\*Lovelace\\* · last sent Monday / buttons: Resume, Send now, Delete',
    ],
  },
  'digest-set-up': {
    reply: { kind: 'digest-set-up', lines: ['Digest set up: “sales by region” every Monday at 9:00.'] },
    summary: 'Digest set up: “sales by region” every Monday at 9:00.',
    body: ['text: Digest set up: “sales by region” every Monday at 9:00.'],
  },
};

const options = { chartUrl: 'data:image/png;base64,cG5n' };

describe('Adaptive Card rendering of every reply kind', () => {
  it.each(Object.entries(CASES))(
    '%s: the words, escaped, in the card people see',
    (_kind, { reply, summary, body }) => {
      const { card, summary: shown } = adaptiveCardReply(reply, options);

      expect(shown).toEqual(summary);
      expect(card.version).toBe('1.5');
      expect(card.body.map(outline)).toEqual(body);
    },
  );

  it('never carries a mention entity, whatever the text says', () => {
    for (const { reply } of Object.values(CASES)) {
      const serialized = JSON.stringify(adaptiveCardReply(reply, options).card);
      expect(serialized).not.toContain('"mention"');
      expect(serialized).not.toMatch(/[^\\]<at>/);
    }
  });

  it('puts the answer’s job id and the dataset in the actions, with the verbs the edge reads', () => {
    const actions = adaptiveCardReply(CASES.answer.reply, options).card.actions ?? [];

    expect(actions.map((action) => [action.type, action.title])).toEqual([
      ['Action.Execute', 'Show SQL'],
      ['Action.Execute', 'Download CSV'],
      ['Action.Execute', 'Send this every week'],
      ['Action.Execute', 'Now by month'],
    ]);
    // As the edge gets them back: an invoke's `action`, and a submitted message's `value` (the data).
    expect(cardActionOf({ action: { verb: actions[0]?.verb, data: actions[0]?.data } })).toEqual({
      verb: SHOW_SQL_VERB,
      answer: ANSWER_ID,
    });
    expect(cardActionOf(actions[1]?.data)).toEqual({ verb: DOWNLOAD_CSV_VERB, answer: ANSWER_ID });
    expect(cardActionOf(actions[2]?.data)).toEqual({ verb: SUBSCRIBE_VERB, answer: ANSWER_ID });
    expect(cardActionOf(actions[3]?.data)).toEqual({ verb: ASK_VERB, dataset: 'jdata', question: 'Now by month' });
  });

  it('gives each digest of the list its own buttons, which name the digest and what to do with it', () => {
    const [, , digest] = adaptiveCardReply(CASES['digest-list'].reply).card.body;
    const set = (digest?.items as CardElement[]).find((item) => item.type === 'ActionSet');
    const buttons = set?.actions as { type: string; verb: string; data: unknown }[];

    expect(buttons.map((button) => button.type)).toEqual(['Action.Execute', 'Action.Execute', 'Action.Execute']);
    expect(buttons.map((button) => cardActionOf({ action: { verb: button.verb, data: button.data } }))).toEqual(
      ['resume', 'send-now', 'delete'].map((what) => ({ verb: DIGEST_VERB, digest: 'd0123456789abcdef', do: what })),
    );
    // An Action.Submit click sends the data alone, so the verb rides in it.
    expect(cardActionOf(buttons[1]?.data)).toEqual({ verb: DIGEST_VERB, digest: 'd0123456789abcdef', do: 'send-now' });
  });

  it('says how to set up a digest when there is none, after what a button just did', () => {
    const { card } = adaptiveCardReply({ kind: 'digest-list', digests: [], notice: 'Deleted “sales by region”.' });

    expect(card.body.map(outline)).toEqual([
      'text: Deleted “sales by region”. No digest in this conversation yet. Set one up with “digest weekly sales by region on Monday 9:00”.',
    ]);
  });

  it('keeps an answer to six buttons: its own first, then as many questions as fit', () => {
    const asks = Array.from({ length: 5 }, (_, i) => ({ kind: 'ask' as const, dataset: 'jdata', question: `Q${i}` }));
    const reply = { ...CASES.answer.reply, actions: [...CASES.answer.reply.actions.slice(0, 3), ...asks] };

    const actions = adaptiveCardReply(reply, options).card.actions ?? [];

    expect(actions.map((action) => action.title)).toEqual([
      'Show SQL',
      'Download CSV',
      'Send this every week',
      'Q0',
      'Q1',
      'Q2',
    ]);
  });

  it('names the chart instead of showing a broken image when there is no URL Teams could load', () => {
    const body = adaptiveCardReply(CASES.answer.reply).card.body.map(outline);

    expect(body).toContain('subtle: Chart: Sales by region');
    expect(body.some((line) => line.startsWith('image:'))).toBe(false);
  });

  it('offers at most five questions, so Teams shows every button', () => {
    const asks = Array.from({ length: 8 }, (_, i) => ({ kind: 'ask' as const, dataset: 'jdata', question: `Q${i}` }));

    const actions = adaptiveCardReply({ ...CASES.profile.reply, actions: asks }).card.actions ?? [];

    expect(actions.map((action) => action.title)).toEqual(['Q0', 'Q1', 'Q2', 'Q3', 'Q4']);
  });

  it('escapes every markdown mark and list start Teams would render', () => {
    expect(teamsText('1. **bold** _x_ `code` # h > q')).toBe('1\\. \\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\# h \\> q');
    expect(teamsText('- item\n+ item')).toBe('\\- item\n\\+ item');
  });
});
