import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';

const ESC = '\u001b';
/** Characters a terminal acts on: ESC sequences, a bell, a C1 CSI, a right-to-left override. */
// eslint-disable-next-line no-control-regex
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('the CLI never prints control characters from a file or a question', () => {
  const path = fixtureFile(
    'hostile.csv',
    `Region,Sales\n"${ESC}]0;pwned\u0007West${ESC}[2J",10\n"East\u009b31m",20\n"Nor\u202eth",5\n` +
      // Enough ordinary rows that the few control bytes do not make the file look binary.
      'South,1\n'.repeat(200),
  );

  it('strips them from the overview', async () => {
    const run = await runCli([path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/West/);
    expect(run.stdout).not.toMatch(HOSTILE);
  });

  it("strips them from an answer's cells and from an echoed question", async () => {
    const answered = await runCli([path, 'total sales by region', '--out', `${path}.png`]);
    expect(answered.stdout).toMatch(/East/);
    expect(answered.stdout + answered.stderr).not.toMatch(HOSTILE);
    const refused = await runCli([path, `${ESC}[2Jwhat is the airspeed of a swallow${ESC}]0;x\u0007`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/airspeed/);
    expect(refused.stderr).not.toMatch(HOSTILE);
  });

  it('escapes them in --json, so the data is unchanged once parsed', async () => {
    const run = await runCli([path, '--json']);
    expect(run.stdout).not.toMatch(HOSTILE);
    const parsed = JSON.parse(run.stdout) as { profile: { columns: { name: string; top?: { value: string }[] }[] } };
    const values = parsed.profile.columns[0]?.top?.map((t) => t.value) ?? [];
    expect(values).toContain('East\u009b31m');
  });
});
