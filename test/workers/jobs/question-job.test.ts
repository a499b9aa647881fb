import {
  DOWNLOAD_CSV_ACTION,
  SUBSCRIBE_ACTION,
  decodeButtonValue,
  ExportButtonValue,
  SHOW_SQL_ACTION,
} from '../../../core/slack-actions';
import { scopeOf, type IngestJob } from '../../../core/job';
import { storageKeys } from '../../../core/storage-keys';
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeDatabase, openDatabase, queryRows } from '../../../workers/engine/duckdb';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { states } from '../../support/question-cases';
import {
  blockText,
  buttonsOf,
  CHANNEL_A,
  fixtureBytes,
  threadOf,
  TOKEN,
  WorkerHarness,
} from '../../support/worker-harness';

const EMPTY_CHANNEL = 'C0EMPTY01';
const NAN_CHANNEL = 'C0NANINF1';

// Integration: FakeSlack and s3rver on loopback, real DuckDB and charts.
describe('question jobs', () => {
  let harness: WorkerHarness;
  let superstore: IngestJob;
  let small: IngestJob;
  // Independent reading of the same file: DuckDB's own CSV sniffing, none of the worker's code.
  let reference: DuckDBConnection;
  const total = async (where: string): Promise<number> => {
    const rows = await queryRows(reference, `SELECT sum("Sales") AS v FROM orders WHERE ${where}`);
    return Number(rows[0]?.v);
  };

  beforeAll(async () => {
    harness = await WorkerHarness.start();
    small = await harness.shareFile(CHANNEL_A, 'small.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\nRed,11\n'));
    await harness.run(small);
    superstore = await harness.shareFile(CHANNEL_A, 'superstore.csv', fixtureBytes(SUPERSTORE_CSV));
    await harness.run(superstore);
    reference = await openDatabase();
    await reference.run(`CREATE TABLE orders AS SELECT * FROM read_csv('${SUPERSTORE_CSV}')`);
  });
  afterAll(async () => {
    closeDatabase(reference);
    expect(harness.logs.lines.join('\n')).not.toContain(TOKEN);
    await harness.stop();
  });

  it('says under an answer how many rows it leaves out for NaN in the measure it sums', async () => {
    const rows = ['Team,Sales', 'Red,5', 'Blue,NaN', 'Red,11', 'Blue,7', 'Red,inf'];
    const shared = await harness.shareFile(NAN_CHANNEL, 'nan.csv', Buffer.from(`${rows.join('\n')}\n`));
    await harness.run(shared);
    const job = await harness.reply(NAN_CHANNEL, shared.message as string, 'total sales by team');
    await harness.run(job);

    const answer = harness.thread(NAN_CHANNEL, threadOf(job)).find((m) => m.text?.includes('highest Sales'));
    expect(answer?.text).toMatch(/^Red had the highest Sales: 16\b/);
    expect(blockText(answer!)).toContain(
      ':page_facing_up: nan.csv · 5 rows · 2 rows with no Sales value (NaN or infinite in the file) are left out.',
    );
  });

  it('answers /analyze in the announcement’s thread: headline, chart uploaded and stored, footer, buttons', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by region');
    await harness.run(job);

    const thread = threadOf(job);
    const answer = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(answer.thread_ts).toBe(thread);
    expect(answer.text).toMatch(/^West had the highest Sales/);
    expect(states(answer.text ?? '', await total(`"Region" = 'West'`))).toBe(true);
    expect(blockText(answer)).toContain(':page_facing_up: superstore.csv · 9,994 rows');

    const buttons = buttonsOf(answer);
    expect(buttons.map((b) => [b.actionId, b.label])).toEqual([
      [SHOW_SQL_ACTION, 'Show SQL'],
      [DOWNLOAD_CSV_ACTION, 'Download CSV'],
      [SUBSCRIBE_ACTION, 'Send this every week'],
    ]);
    expect(decodeButtonValue(ExportButtonValue, buttons[0]?.value)).toEqual({ answer: job.id });

    const charts = harness.uploadsIn(CHANNEL_A, thread);
    expect(charts).toHaveLength(1);
    const stored = await harness.store.get(storageKeys.chart(scopeOf(job.conversation), job.id));
    expect(stored && Buffer.from(stored).equals(charts[0]!.bytes)).toBe(true);
    expect(charts[0]!.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('refines the previous answer for a follow-up in its thread', async () => {
    const first = await harness.command(CHANNEL_A, 'total sales by region');
    await harness.run(first);
    const thread = threadOf(first);

    const followUp = await harness.reply(CHANNEL_A, thread, 'only 2016');
    await harness.run(followUp);

    const replies = harness.thread(CHANNEL_A, thread);
    const answer = replies.at(-1)!;
    expect(answer.text).toMatch(/West/);
    expect(states(answer.text ?? '', await total(`"Region" = 'West' AND year("Order Date") = 2016`))).toBe(true);
    const rows2016 = Number(
      (await queryRows(reference, 'SELECT count(*) AS n FROM orders WHERE year("Order Date") = 2016'))[0]?.n,
    );
    expect(blockText(answer)).toContain(`${rows2016.toLocaleString('en-US')} of 9,994 rows · Filters: 2016`);
    expect(harness.uploadsIn(CHANNEL_A, thread)).toHaveLength(2);
  });

  it('answers a follow-up in a file’s thread about that file, not the channel’s newest', async () => {
    const reply = await harness.reply(CHANNEL_A, small.message as string, 'total sales by team');
    await harness.run(reply);

    const answer = harness.thread(CHANNEL_A, small.message as string).at(-1)!;
    expect(answer.text).toMatch(/Red/);
    expect(states(answer.text ?? '', 16)).toBe(true);
  });

  it('stays silent about a reply in a thread that is not the bot’s', async () => {
    const parent = await harness.say(CHANNEL_A, 'lunch?');
    const reply = await harness.reply(CHANNEL_A, parent, 'total sales by region');
    const before = harness.slack.messages.length;
    await harness.run(reply);

    expect(harness.slack.messages).toHaveLength(before);
    expect(harness.slack.callsOf('chat.update').filter((c) => c.params.ts === parent)).toHaveLength(0);
  });

  it('answers from a dataset named in the question, with the name taken out of the question', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team in small.csv');
    await harness.run(job);

    const answer = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(answer.text).toMatch(/Red had the highest Sales: 16/);
    expect(blockText(answer)).toContain('small.csv · 3 rows');
  });

  it('does not take a name that only ends like a dataset of the channel for that dataset', async () => {
    const job = await harness.command(CHANNEL_A, 'total sales by team in notsmall.csv');
    await harness.run(job);

    const reply = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(reply.text).toContain('notsmall.csv');
    expect(reply.text).not.toMatch(/Red had the highest Sales/);
  });

  it('answers a suggested-question button from the dataset it was made for', async () => {
    const job = await harness.button(CHANNEL_A, small.message as string, 'How many rows are there', small.id);
    await harness.run(job);

    expect(blockText(harness.message(CHANNEL_A, job.placeholder!.ts))).toContain('small.csv · 3 rows');
  });

  it('says what it understood and offers questions that work when it cannot read a question', async () => {
    const job = await harness.command(CHANNEL_A, 'what is the meaning of life');
    await harness.run(job);

    const reply = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(reply.text).toMatch(/^I couldn’t answer “what is the meaning of life”/);
    const buttons = buttonsOf(reply);
    expect(buttons).toHaveLength(3);
    expect(buttons.every((b) => b.value.includes(superstore.id))).toBe(true);
  });

  it('tells a channel with no dataset how to start', async () => {
    const job = await harness.command(EMPTY_CHANNEL, 'total sales by region');
    await harness.run(job);

    expect(harness.message(EMPTY_CHANNEL, job.placeholder!.ts).text).toContain(
      'No dataset in this channel yet — drop a CSV or Excel file here',
    );
  });
});
