import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { AskButtonValue, ASK_ACTION_PATTERN, decodeButtonValue } from '../../../core/slack-actions';
import { scopeOf } from '../../../core/job';
import { channelCatalog } from '../../../workers/catalog/channel-catalog';
import { openDatabase, closeDatabase, queryRows } from '../../../workers/engine/duckdb';
import { SUPERSTORE_CSV } from '../../support/datasets';
import { states } from '../../support/question-cases';
import { writeWorkbook } from '../../fixtures/xlsx/workbooks';
import {
  blockText,
  buttonsOf,
  CHANNEL_A,
  fixtureBytes,
  TEAM,
  TOKEN,
  WorkerHarness,
} from '../../support/worker-harness';

// Integration: FakeSlack and s3rver on loopback, real DuckDB and charts.
describe('ingest jobs', () => {
  let harness: WorkerHarness;
  beforeAll(async () => {
    harness = await WorkerHarness.start();
  });
  afterAll(async () => {
    expect(harness.logs.lines.join('\n')).not.toContain(TOKEN);
    await harness.stop();
  });

  it('replies in the file’s thread with its profile, an overview chart and three questions as buttons', async () => {
    const job = await harness.shareFile(CHANNEL_A, 'superstore.csv', fixtureBytes(SUPERSTORE_CSV));
    await harness.run(job);

    const thread = job.message as string;
    const profile = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(profile.thread_ts).toBe(thread);
    expect(profile.text).toBe('superstore.csv · 9,994 rows × 21 columns · Jan 2014–Dec 2017');
    const text = blockText(profile);
    expect(text).toContain('*Measures:* ');
    expect(text).toMatch(/\*Time:\* Order Date \(daily, Jan 2014–Dec 2017\)/);
    expect(text).toMatch(/\*Categories:\*.*Region \(4 values\)/);

    const buttons = buttonsOf(profile);
    expect(buttons).toHaveLength(3);
    for (const button of buttons) {
      expect(button.actionId).toMatch(ASK_ACTION_PATTERN);
      expect(decodeButtonValue(AskButtonValue, button.value)).toEqual({ dataset: job.id, question: button.label });
    }

    const charts = harness.uploadsIn(CHANNEL_A, thread);
    expect(charts).toHaveLength(1);
    expect(charts[0]?.bytes.subarray(1, 4).toString()).toBe('PNG');
    // The placeholder went through progress to the profile; nobody is left looking at "Reading…".
    expect(profile.history.some((line) => line.includes('Downloading superstore.csv'))).toBe(true);
  });

  it('keeps the dataset as Parquet with its entry, and makes the thread the dataset’s', async () => {
    const job = await harness.shareFile(
      CHANNEL_A,
      'orders.csv',
      Buffer.from('Region,Sales\nWest,10\nEast,32.5\nWest,7\n'),
    );
    await harness.run(job);

    const catalog = channelCatalog(harness.store, scopeOf(job.conversation));
    const entry = await catalog.get(job.id);
    expect(entry).toMatchObject({ name: 'orders.csv', rows: 3, addedBy: { id: job.requestedBy.id } });
    expect(await catalog.thread(job.message as string)).toMatchObject({ dataset: job.id });

    const path = `${harness.deps().tmpDir}/orders.parquet`;
    expect(await catalog.fetchData(job.id, path)).toBe(true);
    const connection = await openDatabase();
    try {
      const rows = await queryRows(connection, `SELECT sum("Sales") AS total FROM read_parquet('${path}')`);
      expect(Number(rows[0]?.total)).toBeCloseTo(49.5);
    } finally {
      closeDatabase(connection);
    }
  });

  it('answers a question typed with the file after the profile, in the same thread', async () => {
    const csv = 'Region,Sales\nWest,10\nEast,32.5\nWest,7\nSouth,1\n';
    const job = await harness.shareFile(CHANNEL_A, 'regions.csv', Buffer.from(csv), {
      question: 'total sales by region',
    });
    await harness.run(job);

    const thread = harness.thread(CHANNEL_A, job.message as string);
    const answer = thread.find((m) => m.ts !== job.placeholder!.ts && m.ts !== job.message && m.text?.includes('East'));
    expect(answer).toBeDefined();
    expect(states(answer?.text ?? '', 32.5)).toBe(true);
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('regions.csv · 4 rows × 2 columns');
  });

  it('takes Slack’s sign-in page for the download as a refused token, tells the person and keeps nothing', async () => {
    const job = await harness.shareFile(CHANNEL_A, 'sales.csv', Buffer.from('a,b\n1,2\n'));
    harness.slack.inject('download', { kind: 'sign-in' });
    await harness.run(job);

    expect(harness.slack.callsOf('download').at(-1)?.token).toBe(TOKEN);
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain(
      'I couldn’t download the file: Slack refused the bot’s token',
    );
    const catalog = channelCatalog(harness.store, { tenant: TEAM, channel: CHANNEL_A });
    expect(await catalog.get(job.id)).toBeUndefined();
  });

  it('tells the person a file is too large, before downloading when Slack says so', async () => {
    const job = await harness.shareFile(CHANNEL_A, 'huge.csv', Buffer.from('a,b\n1,2\n'), { size: 60 * 1024 * 1024 });
    const downloads = harness.slack.callsOf('download').length;
    await harness.run(job);

    expect(harness.slack.callsOf('download')).toHaveLength(downloads);
    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain(
      'I couldn’t read huge.csv: The file is 60 MB; the limit is 50 MB.',
    );
  });

  it('refuses a file whose download is larger than the limit though Slack said it was small', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'x,y\n1,2\n');
    const job = await harness.shareFile(CHANNEL_A, 'liar.csv', big, { size: 100 });
    const limits = { maxUploadBytes: 1024 * 1024, maxUnzippedBytes: 1024 * 1024 };
    await harness.handler({ config: limits })(job, { number: 1, last: false });

    expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain(
      'I couldn’t read liar.csv: The file is 2 MB; the limit is 1 MB.',
    );
  });

  it('says what is wrong with a file that is not a table, and finishes the job', async () => {
    const job = await harness.shareFile(CHANNEL_A, 'notes.csv', Buffer.from('only a header\n'));
    const failed = harness.metrics.filter((m) => m.name === 'JobsFailed').length;
    await harness.run(job);

    const reply = harness.message(CHANNEL_A, job.placeholder!.ts);
    expect(reply.text).toMatch(/^:warning: I couldn’t read notes\.csv: /);
    expect(harness.metrics.filter((m) => m.name === 'JobsFailed')).toHaveLength(failed);
  });

  it('never sends the bot token to a host that is not Slack’s: no request, and the person is told', async () => {
    const received: (string | undefined)[] = [];
    const foreign = createServer((request, response) => {
      received.push(request.url);
      response.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    try {
      const shared = await harness.shareFile(CHANNEL_A, 'elsewhere.csv', Buffer.from('a,b\n1,2\n'));
      const { port } = foreign.address() as AddressInfo;
      const job = { ...shared, file: { ...shared.file, downloadUrl: `http://127.0.0.1:${port}/elsewhere.csv` } };
      await harness.run(job);

      expect(received).toHaveLength(0);
      expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain(
        'I couldn’t download the file: its link does not point to Slack',
      );
    } finally {
      foreign.closeAllConnections();
      await new Promise((resolve) => foreign.close(resolve));
    }
  });

  describe('a sheet named with the file', () => {
    let book: Buffer;
    beforeAll(async () => {
      const path = await writeWorkbook((workbook) => {
        workbook.addWorksheet('Sales').addRows([
          ['Region', 'Sales'],
          ['West', 10],
          ['East', 20],
        ]);
        workbook.addWorksheet('Budget 2024').addRows([
          ['Dept', 'Budget'],
          ['Ops', 300],
          ['Sales', 450],
          ['Ops', 200],
        ]);
        workbook.addWorksheet('Targets').addRows([
          ['Region', 'Target'],
          ['West', 15],
          ['East', 25],
          ['North', 5],
          ['South', 9],
        ]);
      });
      book = readFileSync(path);
    });

    it('reads that sheet and asks the rest of the text as the question', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'plan.xlsx', book, {
        question: 'sheet "Budget 2024" total budget by dept',
      });
      await harness.run(job);

      expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('plan.xlsx [Budget 2024] · 3 rows');
      const answer = harness
        .thread(CHANNEL_A, job.message as string)
        .find((m) => m.ts !== job.placeholder!.ts && m.history.some((line) => line.includes('Working on')));
      expect(answer?.history.some((line) => line.includes('“total budget by dept”'))).toBe(true);
      expect(states(answer?.text ?? '', 500)).toBe(true);
    });

    it('names the workbook’s sheets when the one asked for is not there', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'plan.xlsx', book, { question: 'total sales from sheet Q3' });
      await harness.run(job);

      expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain(
        'I couldn’t read plan.xlsx: Sheet "Q3" not found. Sheets in this workbook: "Sales", "Budget 2024", "Targets".',
      );
    });

    it('reads a sheet named without quotes when the workbook has one by that name', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'plan.xlsx', book, {
        question: 'total target by region, sheet targets',
      });
      await harness.run(job);

      expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('plan.xlsx [Targets] · 4 rows');
    });

    it.each(['balance sheet by quarter', 'what is on sheet 2?'])(
      'takes no sheet from %j: the first sheet is read and the whole text is the question',
      async (question) => {
        const job = await harness.shareFile(CHANNEL_A, 'plan.xlsx', book, { question });
        await harness.run(job);

        expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('plan.xlsx [Sales] · 2 rows');
        const asked = harness
          .thread(CHANNEL_A, job.message as string)
          .find((m) => m.ts !== job.placeholder!.ts && m.history.some((line) => line.includes('Working on')));
        expect(asked?.history.some((line) => line.includes(`“${question}”`))).toBe(true);
      },
    );
  });

  describe('the reaction on the file’s message', () => {
    const reactionsOn = (message: string | undefined) =>
      harness.slack.calls
        .filter((call) => call.method.startsWith('reactions.') && call.params.timestamp === message)
        .map((call) => `${call.method === 'reactions.add' ? '+' : '-'}${String(call.params.name)}`);

    it('turns :eyes: into a check mark once the file is read', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'ticks.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\n'));
      await harness.run(job);

      expect(reactionsOn(job.message)).toEqual(['-eyes', '+white_check_mark']);
    });

    it('turns :eyes: into a warning when the file could not be read', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'header.csv', Buffer.from('only a header\n'));
      await harness.run(job);

      expect(reactionsOn(job.message)).toEqual(['-eyes', '+warning']);
    });

    it('still answers when Slack refuses the reaction', async () => {
      const job = await harness.shareFile(CHANNEL_A, 'stubborn.csv', Buffer.from('Team,Sales\nRed,5\nBlue,7\n'));
      harness.slack.inject('reactions.remove', { kind: 'error', error: 'no_reaction' });
      harness.slack.inject('reactions.add', { kind: 'error', error: 'missing_scope' });
      await harness.run(job);

      expect(harness.message(CHANNEL_A, job.placeholder!.ts).text).toContain('stubborn.csv · 2 rows');
    });
  });
});
