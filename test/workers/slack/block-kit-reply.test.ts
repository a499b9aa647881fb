import type { KnownBlock } from '@slack/types';
import {
  ASK_ACTION_PATTERN,
  AskButtonValue,
  decodeButtonValue,
  DIGEST_ACTION_PATTERN,
  DigestButtonValue,
  DOWNLOAD_CSV_ACTION,
  ExportButtonValue,
  SHOW_SQL_ACTION,
} from '../../../core/slack-actions';
import type { Reply, ReplyKind } from '../../../workers/conversation/reply';
import { blockKitReply } from '../../../workers/slack/block-kit-reply';

/** A block as a short line to compare: its type and the text people see in it. */
function outline(block: KnownBlock): string {
  if (block.type === 'section') return `section: ${block.text?.text ?? ''}`;
  if (block.type === 'context') return `context: ${block.elements.map((e) => ('text' in e ? e.text : '')).join(' | ')}`;
  if (block.type === 'actions') {
    const labels = block.elements.map((e) => (e.type === 'button' ? `[${e.text.text}]` : e.type));
    return `actions: ${labels.join(' ')}`;
  }
  if (block.type === 'rich_text') {
    const pre = block.elements[0];
    const text = pre && 'elements' in pre ? pre.elements.map((e) => ('text' in e ? e.text : '')).join('') : '';
    return `pre: ${text}`;
  }
  return block.type;
}

function buttons(blocks: KnownBlock[]): { actionId: string; value: string }[] {
  return blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) =>
          e.type === 'button' ? [{ actionId: e.action_id ?? '', value: e.value ?? '' }] : [],
        )
      : [],
  );
}

const TITLE = { name: 'sales & co.csv', rows: 12430, columns: 3, span: 'Jan–Sep 2024' };
const ANSWER_ID = 'j0123456789abcdef01234567';

/** One reply of every kind, with what Block Kit must show for it. */
const CASES: { [K in ReplyKind]: { reply: Extract<Reply, { kind: K }>; text: string; blocks: string[] } } = {
  progress: {
    reply: { kind: 'progress', doing: 'Reading <sales>.csv…', caveat: 'Last try; reference abc' },
    text: ':hourglass_flowing_sand: Reading &lt;sales&gt;.csv…',
    blocks: ['section: :hourglass_flowing_sand: Reading &lt;sales&gt;.csv…', 'context: Last try; reference abc'],
  },
  problem: {
    reply: { kind: 'problem', message: 'The file is 80 MB; the limit is 50 MB.' },
    text: ':warning: The file is 80 MB; the limit is 50 MB.',
    blocks: ['section: :warning: The file is 80 MB; the limit is 50 MB.'],
  },
  failure: {
    reply: { kind: 'failure', retrying: true, timedOut: false, reference: 'abc12345' },
    text: ':hourglass_flowing_sand: Something went wrong on our side; trying again…',
    blocks: [
      'section: :hourglass_flowing_sand: Something went wrong on our side; trying again…',
      'context: Reference: `abc12345`',
    ],
  },
  answer: {
    reply: {
      kind: 'answer',
      headline: 'West led with $1.2M',
      insights: ['West is 38% of the total', 'East <@U1> trails'],
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
      footer: { dataset: 'sales & co.csv', rows: 12430, matchedRows: 2100, filters: 'Year is 2017' },
      actions: [
        { kind: 'show-sql', answer: ANSWER_ID },
        { kind: 'download-csv', answer: ANSWER_ID },
      ],
    },
    text: 'West led with $1.2M',
    blocks: [
      'section: *West led with $1.2M*',
      'section: • West is 38% of the total\n• East &lt;@U1&gt; trails',
      'pre: Region  Sales\n──────  ─────\nWest       10\nEast        7\n… 3 more rows in the CSV',
      'context: Planned offline.',
      'context: :page_facing_up: sales &amp; co.csv · 2,100 of 12,430 rows · Filters: Year is 2017',
      'actions: [Show SQL] [Download CSV]',
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
    text: 'I couldn’t answer “how are the vibes”: no column matches “vibes”.',
    blocks: [
      'section: I couldn’t answer “how are the vibes”: no column matches “vibes”.',
      'context: I understood: a total',
      'section: These work on *sales.csv*:',
      'actions: [Sales by region]',
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
      notes: [
        { column: 'Revenue', text: '3 values kept as text' },
        { text: '2 rows could not be read and are left out.' },
      ],
      actions: [{ kind: 'ask', dataset: 'jdata', question: 'Monthly revenue trend' }],
    },
    text: 'sales &amp; co.csv · 12,430 rows × 3 columns · Jan–Sep 2024',
    blocks: [
      'section: *sales &amp; co.csv* · 12,430 rows × 3 columns · Jan–Sep 2024',
      'section: *Time:* Order Date (daily, Jan–Sep 2024)\n*Measures:* Revenue (USD)',
      'context: :warning: *Revenue*: 3 values kept as text | :warning: 2 rows could not be read and are left out.',
      'section: Try one of these, or reply in this thread with your own question:',
      'actions: [Monthly revenue trend]',
    ],
  },
  'dataset-list': {
    reply: {
      kind: 'dataset-list',
      datasets: [{ title: TITLE, addedAt: '2024-10-01T09:30:00.000Z', addedBy: { id: 'U0ALICE01' } }],
      mentionUploaders: true,
    },
    text: '1 dataset in this channel',
    blocks: [
      'section: *1 dataset in this channel*',
      'section: • *sales &amp; co.csv* · 12,430 rows × 3 columns · Jan–Sep 2024 · added <!date^1727775000^{date_short_pretty} at {time}|2024-10-01 09:30 UTC> by <@U0ALICE01>',
      'context: Questions use the newest one unless you name another (“… in sales.csv”) or ask in a file’s thread.',
    ],
  },
  help: {
    reply: {
      kind: 'help',
      examples: { title: TITLE, actions: [{ kind: 'ask', dataset: 'jdata', question: 'Top 5 regions by sales' }] },
    },
    text: 'How to ask me about your data',
    blocks: [
      expect.stringMatching(
        /^section: \*How to ask me about your data\*\n• Drop a CSV or Excel file[^]*`\/analyze digest weekly total sales by region on Monday 9:00` posts what changed every week[^]*`\/analyze digests` lists/,
      ) as unknown as string,
      'section: Questions that work on *sales &amp; co.csv* · 12,430 rows × 3 columns · Jan–Sep 2024:',
      'actions: [Top 5 regions by sales]',
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
    text: 'The SQL behind “sales in the West” on sales.csv:',
    blocks: [
      'section: The SQL behind “sales in the West” on sales.csv:',
      `pre: SELECT sum("Sales") FROM dataset WHERE "Region" = $p1\n\n-- bound parameters\n-- $p1 = 'West''s'`,
    ],
  },
  'csv-ready': {
    reply: { kind: 'csv-ready', question: 'sales by region', rows: 1 },
    text: 'The CSV of “sales by region”: 1 row, in this thread.',
    blocks: ['section: :page_facing_up: The CSV of “sales by region”: 1 row, in this thread.'],
  },
  digest: {
    reply: {
      kind: 'digest',
      question: 'sales by <region>',
      tone: 'news',
      headline: 'Sales was $81.8K in Nov 2017, up $4.3K (5.6%) on Oct 2017.',
      insights: [
        'Drivers by Region: South (+$9.1K, 212% of the change).',
        'Dec 2017 is not complete yet and is left out.',
      ],
      source: 'sales & co.csv, uploaded Monday 7 December 2026 at 9:02',
      charts: [],
    },
    text: 'sales by &lt;region&gt;: Sales was $81.8K in Nov 2017, up $4.3K (5.6%) on Oct 2017.',
    blocks: [
      'context: :calendar: Digest: sales by &lt;region&gt;',
      'section: *Sales was $81.8K in Nov 2017, up $4.3K (5.6%) on Oct 2017.*',
      'section: • Drivers by Region: South (+$9.1K, 212% of the change).\n• Dec 2017 is not complete yet and is left out.',
      'context: :page_facing_up: sales &amp; co.csv, uploaded Monday 7 December 2026 at 9:02',
      'context: Reply in this thread to ask more about it.',
    ],
  },
  'digest-list': {
    reply: {
      kind: 'digest-list',
      digests: [
        {
          id: 'd0123456789abcdef',
          question: 'sales by <region>',
          schedule: 'every Monday at 9:00 (Europe/Berlin time)',
          source: 'reads sales_<q3>.csv',
          owner: { id: 'U0ALICE01', name: 'Alice' },
          paused: true,
          lastRun: 'last posted Monday 7 December 2026 at 9:00',
          actions: [{ kind: 'digest', digest: 'd0123456789abcdef', do: 'resume' }],
        },
      ],
    },
    text: '1 digest in this channel',
    blocks: [
      'section: *1 digest in this channel*',
      'section: *sales by &lt;region&gt;* every Monday at 9:00 (Europe/Berlin time) · paused',
      'context: Reads sales_&lt;q3&gt;.csv · set up by Alice · last posted Monday 7 December 2026 at 9:00',
      'actions: [Resume]',
    ],
  },
  'digest-set-up': {
    reply: { kind: 'digest-set-up', lines: ['Digest set up: “a<b”.', 'Your time zone is not known to me.'] },
    text: ':calendar: Digest set up: “a&lt;b”.',
    blocks: ['section: :calendar: Digest set up: “a&lt;b”.', 'context: Your time zone is not known to me.'],
  },
};

describe('Block Kit rendering of every reply kind', () => {
  it.each(Object.entries(CASES))(
    '%s: the words, escaped, in the blocks people see',
    (_kind, { reply, text, blocks }) => {
      const content = blockKitReply(reply);

      expect(content.text).toBe(text);
      expect(content.blocks.map(outline)).toEqual(blocks);
    },
  );

  it('puts the answer’s job id in Show SQL and Download CSV, for the export job to find it', () => {
    const rendered = buttons(blockKitReply(CASES.answer.reply).blocks);

    expect(rendered.map((b) => b.actionId)).toEqual([SHOW_SQL_ACTION, DOWNLOAD_CSV_ACTION]);
    for (const button of rendered)
      expect(decodeButtonValue(ExportButtonValue, button.value)).toEqual({ answer: ANSWER_ID });
  });

  it('gives each digest of the list its own buttons, which carry the digest and what to do with it', () => {
    const rendered = buttons(blockKitReply(CASES['digest-list'].reply).blocks);

    expect(rendered.map((b) => b.actionId)).toEqual(['analytics.digest.resume.d0123456789abcdef']);
    expect(rendered[0]?.actionId).toMatch(DIGEST_ACTION_PATTERN);
    expect(decodeButtonValue(DigestButtonValue, rendered[0]?.value)).toEqual({
      digest: 'd0123456789abcdef',
      do: 'resume',
    });
  });

  it('makes each suggested question a button that asks it about its own dataset', () => {
    const rendered = buttons(blockKitReply(CASES.profile.reply).blocks);

    expect(rendered).toHaveLength(1);
    expect(rendered[0]?.actionId).toMatch(ASK_ACTION_PATTERN);
    expect(decodeButtonValue(AskButtonValue, rendered[0]?.value)).toEqual({
      dataset: 'jdata',
      question: 'Monthly revenue trend',
    });
  });

  it('says a try stopped at its time limit why, retried or not', () => {
    const timedOut = (retrying: boolean) =>
      blockKitReply({ kind: 'failure', retrying, timedOut: true, reference: 'abc12345' }).text;

    expect(timedOut(true)).toContain('longer than I’m allowed to spend on one try; trying again');
    expect(timedOut(false)).toMatch(/^:x: This took longer .* so I stopped/);
  });

  it('lists no uploader by mention when the list is posted as a new message', () => {
    const reply = { ...CASES['dataset-list'].reply, mentionUploaders: false };

    expect(blockKitReply(reply).blocks.map(outline).join('\n')).not.toContain('<@U0ALICE01>');
  });

  it('says a quiet digest run in one plain line above its file, with nothing to follow up', () => {
    const quiet = { ...CASES.digest.reply, tone: 'no-new-data' as const, headline: 'No new data.', insights: [] };

    expect(blockKitReply(quiet).blocks.map(outline)).toEqual([
      'context: :calendar: Digest: sales by &lt;region&gt;',
      'section: No new data.',
      'context: :page_facing_up: sales &amp; co.csv, uploaded Monday 7 December 2026 at 9:02',
    ]);
  });

  it('answers an empty list with how to start', () => {
    const content = blockKitReply({ kind: 'dataset-list', datasets: [], mentionUploaders: true });

    expect(content.text).toMatch(/^No dataset in this channel yet/);
  });
});
