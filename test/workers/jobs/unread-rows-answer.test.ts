import { blockText, threadOf, WorkerHarness } from '../../support/worker-harness';
import { unquotedThousands } from '../../support/unquoted-thousands';

const CHANNEL = 'C0UNREAD1';

// Integration: FakeSlack and s3rver on loopback, real DuckDB. Found by the new-user trial: the bot's answer
// about a file with rows set aside at ingest never said a third of the file was not in it.
describe('a Slack answer about a shared file with rows that could not be read', () => {
  let harness: WorkerHarness;
  beforeAll(async () => {
    harness = await WorkerHarness.start();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('says in its footer how many rows are not in the answer, after the file went through storage', async () => {
    const file = unquotedThousands();
    const shared = await harness.shareFile(CHANNEL, 'unquoted.csv', Buffer.from(file.text));
    await harness.run(shared);
    const job = await harness.reply(CHANNEL, shared.message as string, 'total amount');
    await harness.run(job);

    const answer = harness.thread(CHANNEL, threadOf(job)).find((m) => m.text?.startsWith('Total amount'));
    expect(answer?.text).toBe(
      `Total amount was ${Math.round(file.readableSum / 1000)}K across ${file.readable.toLocaleString('en-US')} rows.`,
    );
    expect(blockText(answer!)).toContain(
      `:page_facing_up: unquoted.csv · ${file.readable.toLocaleString('en-US')} rows · ` +
        `${file.unreadable.toLocaleString('en-US')} rows of the file could not be read ` +
        '(e.g. line 1,001: 3 fields where the header has 2) and are not in this answer.',
    );
  });
});
