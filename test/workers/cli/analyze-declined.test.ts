import { execFileSync } from 'node:child_process';
import { runCli } from '../../support/cli';
import { fixtureFile } from '../../support/ingest';

const path = fixtureFile('declined.csv', 'region,amount\nr1,5\nr2,7\n');

// Found by the new-user trial: the README promises one JSON object, and a declined question printed none.
describe('--json with a question the planner cannot read', () => {
  it('prints one object with the question, why it was declined and suggestions, and exits 1', async () => {
    const run = await runCli([path, 'zork blah', '--json']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const declined = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(declined).toEqual({
      question: 'zork blah',
      declined: 'There is no column or value like "zork blah"',
      understood: [],
      suggestions: expect.arrayContaining([expect.stringMatching(/amount/)]),
    });
    expect(declined.suggestions).toHaveLength(3);
  });
});

// Found by the new-user trial: a 100 KB question came back twice on one line, 200 KB of stderr.
describe('a very long question', () => {
  const question = 'zork '.repeat(4_000);

  it('is repeated cut to 120 characters with "…", in the line and in the reason it quotes', async () => {
    const run = await runCli([path, question]);
    expect(run.code).toBe(1);
    const cut = `"${'zork '.repeat(24).slice(0, 119)}…"`;
    expect(run.stderr.startsWith(`I did not understand ${cut}: There is no column or value like ${cut}. Try: `)).toBe(
      true,
    );
    expect(run.stderr.length).toBeLessThan(600);
  });

  it('keeps the whole question in the JSON answer, and cuts only the sentence', async () => {
    const run = await runCli([path, question, '--json']);
    const declined = JSON.parse(run.stdout) as { question: string; declined: string };
    expect(declined.question).toBe(question);
    expect(declined.declined.length).toBeLessThan(200);
    expect(run.stderr.length).toBeLessThan(600);
  });
});

// Found by the new-user trial: `npm run analyze -- f.csv total sales` only printed the usage.
describe('a question typed without quotes', () => {
  it('says to put it in quotes, showing the command that would work', async () => {
    const run = await runCli([path, 'total', 'sales']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`Put the question in quotes: npm run analyze -- ${path} "total sales"`);
  });

  // Found by the second trial: the line for "Kunden Müller.csv" split the path when pasted back.
  it('quotes a file path the shell would split, so that the line can be pasted back', async () => {
    const spaced = fixtureFile("Kunden Müller's.csv", 'region,sales\nWest,5\n');
    const run = await runCli([spaced, 'total', 'sales']);
    const [line = ''] = run.stderr.split('\n');
    expect(line).toBe(`Put the question in quotes: npm run analyze -- '${spaced.replace("'", "'\\''")}' "total sales"`);
    const pasted = execFileSync('bash', ['-c', `printf '%s\\n' ${line.slice(line.indexOf('-- ') + 3)}`], {
      encoding: 'utf8',
    });
    expect(pasted.split('\n').slice(0, 2)).toEqual([spaced, 'total sales']);
  });

  it('cuts a long unquoted question in that line', async () => {
    const run = await runCli([path, ...'zork '.repeat(1_000).trim().split(' ')]);
    const [line = ''] = run.stderr.split('\n');
    expect(line).toMatch(/^Put the question in quotes: npm run analyze -- .* "zork zork .*…"$/);
    expect(line.length).toBeLessThan(path.length + 200);
  });
});

describe('the usage line', () => {
  it('lists the file kinds the CLI reads, TSV among them', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/^Usage: npm run analyze -- <file\.csv\|file\.tsv\|file\.xlsx> \["question"\]/);
  });
});
