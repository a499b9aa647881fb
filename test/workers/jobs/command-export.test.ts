import type { IngestJob, QuestionJob } from '../../../core/job';
import { AskButtonValue, decodeButtonValue } from '../../../core/slack-actions';
import { ALICE, blockText, buttonsOf, CHANNEL_A, threadOf, TOKEN, WorkerHarness } from '../../support/worker-harness';

const HOSTILE = [
  'Product,Team,Sales',
  '"=HYPERLINK(""http://evil.example"",""click"")",Red,5',
  '@SUM(A1),Blue,7',
  '+cmd,Red,11',
  '-2+3,Blue,2',
  'Plain,Red,4',
].join('\n');

// Integration: FakeSlack and s3rver on loopback, real DuckDB.
describe('commands and exports', () => {
  let harness: WorkerHarness;
  let dataset: IngestJob;
  let question: QuestionJob;

  beforeAll(async () => {
    harness = await WorkerHarness.start();
    dataset = await harness.shareFile(CHANNEL_A, 'hostile.csv', Buffer.from(`${HOSTILE}\n`));
    await harness.run(dataset);
    question = await harness.command(CHANNEL_A, 'total sales by product');
    await harness.run(question);
  });
  afterAll(async () => {
    expect(harness.logs.lines.join('\n')).not.toContain(TOKEN);
    await harness.stop();
  });

  it('lists the channel’s datasets with rows, columns, when and by whom', async () => {
    const job = await harness.listOrHelp(CHANNEL_A, 'list');
    await harness.run(job);

    const text = blockText(harness.message(CHANNEL_A, job.placeholder!.ts));
    expect(text).toContain('1 dataset in this channel');
    expect(text).toMatch(
      /\*hostile\.csv\* · 5 rows × 3 columns · added <!date\^\d+\^\{date_short_pretty\} at \{time\}\|[^>]+> by Alice/,
    );
  });

  it('mentions an uploader only in an edit, which notifies nobody; a list posted anew pings no one', async () => {
    const channel = 'C0LIST0003';
    const shared = await harness.shareFile(channel, 'quiet.csv', Buffer.from('a,b\n1,2\n'));
    // The edge knows the uploader's id only, not their name.
    await harness.run({ ...shared, requestedBy: { id: ALICE } });

    const edited = await harness.listOrHelp(channel, 'list');
    await harness.run(edited);
    expect(blockText(harness.message(channel, edited.placeholder!.ts))).toContain(`by <@${ALICE}>`);

    const posted = { ...(await harness.listOrHelp(channel, 'list')), placeholder: undefined };
    await harness.run(posted);
    const list = harness.thread(channel, threadOf(posted)).find((m) => m.text === '1 dataset in this channel');
    expect(blockText(list!)).toContain('quiet.csv');
    expect(blockText(list!)).not.toContain('<@');
  });

  it('explains how to ask, with questions that work on the channel’s newest dataset', async () => {
    const job = await harness.listOrHelp(CHANNEL_A, 'help');
    await harness.run(job);

    const reply = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(blockText(reply)).toContain('How to ask me about your data');
    const buttons = buttonsOf(reply);
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(decodeButtonValue(AskButtonValue, buttons[0]?.value).dataset).toBe(dataset.id);
  });

  it('gives a generic guide where there is no dataset yet', async () => {
    const job = await harness.listOrHelp('C0EMPTY02', 'help');
    await harness.run(job);

    const reply = harness.message('C0EMPTY02', job.placeholder!.ts);
    expect(blockText(reply)).toContain('Drop a CSV or Excel file here to start.');
    expect(buttonsOf(reply)).toHaveLength(0);
  });

  it('shows the SQL of an answer with its bound parameters, in the answer’s thread', async () => {
    const filtered = await harness.command(CHANNEL_A, 'total sales for Red');
    await harness.run(filtered);
    const job = await harness.exportOf(CHANNEL_A, threadOf(filtered), filtered.id, 'sql');
    await harness.run(job);

    const reply = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(reply.thread_ts).toBe(threadOf(filtered));
    const sql = blockText(reply);
    expect(sql).toMatch(/SELECT[\s\S]*FROM "dataset"/);
    expect(sql).toMatch(/-- \$p0 = 'Red'/);
    expect(sql).not.toMatch(/= 'Red'[\s\S]*FROM/);
  });

  it('uploads the answer as CSV with formula-like cells neutralised', async () => {
    const job = await harness.exportOf(CHANNEL_A, threadOf(question), question.id, 'csv');
    await harness.run(job);

    const csv = harness.uploadsIn(CHANNEL_A, threadOf(question)).find((u) => u.filename.endsWith('.csv'));
    const lines = csv!.bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines).toEqual(
      expect.arrayContaining([
        `"'=HYPERLINK(""http://evil.example"",""click"")",5`,
        `'@SUM(A1),7`,
        `'+cmd,11`,
        `'-2+3,2`,
        'Plain,4',
      ]),
    );
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('5 rows');
  });

  it('says so when the answer behind a button is gone', async () => {
    const job = await harness.exportOf(CHANNEL_A, threadOf(question), 'j000000000000000000000000', 'sql');
    await harness.run(job);

    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('I can’t find that answer any more');
  });
});
