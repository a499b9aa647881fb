import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { SUPERSTORE_CSV } from '../../support/datasets';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('npm run analyze -- <file> "<question>"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-question-'));

  // Found by the new-user trial: `--out chart.svg` wrote PNG bytes into a file named .svg.
  it('refuses an --out name that is no PNG, before reading the file', async () => {
    const run = await runCli([SUPERSTORE_CSV, 'sales by region', '--out', join(dir, 'regions.svg')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('The chart is a PNG image: give --out a name ending in .png (not "regions.svg").\n');
    expect(existsSync(join(dir, 'regions.svg'))).toBe(false);
  });

  it('prints the headline, the insights and the result table, and writes the chart', async () => {
    const run = await runCli([SUPERSTORE_CSV, 'sales by region', '--out', join(dir, 'regions.png')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('West had the highest Sales: 725.5K (31.6% of the total).');
    expect(run.stdout).toMatch(/^• /m);
    expect(run.stdout).toMatch(/^Region\s+Total Sales$/m);
    expect(run.stdout).toMatch(/^West\s+725,458$/m);
    expect(run.stdout).toContain(`Chart: ${join(dir, 'regions.png')}`);
    expect(readFileSync(join(dir, 'regions.png')).subarray(0, 8)).toEqual(PNG);
  });

  // Found by the new-user trial: years were grouped as amounts (2,019) in the table and summed in the overview.
  it('writes a column of years as years, in the answer and the overview', async () => {
    const file = join(dir, 'years.csv');
    writeFileSync(file, 'Year,Region,Sales\n2019,East,10\n2019,West,20\n2020,East,15\n2020,West,25\n2021,East,30\n');
    const answer = await runCli([file, 'sales by year', '--out', join(dir, 'years.png')]);
    expect(answer.stdout).toMatch(/^2019\s+30$/m);
    expect(answer.stdout).not.toContain('2,019');
    const overview = await runCli([file]);
    expect(overview.stdout).toMatch(/^Year\s+integer\s+time\s.*2019 → 2021 \(year\)$/m);
  });

  // Regression: a folder that is not there was reported as "something went wrong on our side", exit 3.
  it('says where it could not write the chart, as the caller’s mistake', async () => {
    const target = join(dir, 'no-such-folder', 'x.png');
    const run = await runCli([SUPERSTORE_CSV, 'sales by region', '--out', target]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Could not write the chart to ${target}: its folder does not exist.\n`);
    // The answer is not lost with the chart.
    expect(run.stdout.split('\n')[0]).toBe('West had the highest Sales: 725.5K (31.6% of the total).');
    expect(run.stdout).toContain('Chart: not written');
  });

  // Found by the new-user trial: a chart of "Müller" was named "…-mu-ller.png".
  it('names the chart after the file and the question, accents dropped', async () => {
    const path = join(dir, 'Kunden Müller.csv');
    writeFileSync(path, 'Stadt,Umsatz\nKöln,5\nMünchen,7\n');
    const run = await runCli([path, 'umsatz by stadt'], { INIT_CWD: dir });
    expect(run.stdout).toContain(`Chart: ${join(dir, 'kunden-muller-total-umsatz-by-stadt.png')}`);
  });

  it('keeps each cell of the table on one short line, however long or broken the value', async () => {
    const long = 'x'.repeat(5_000);
    const path = join(dir, 'long-cells.csv');
    writeFileSync(path, `Note,Amount\n"${long}",5\n"two\nlines",7\nplain,9\n`);
    const run = await runCli([path, 'total amount by note', '--out', join(dir, 'notes.png')]);
    expect(run.code).toBe(0);
    const table = run.stdout.slice(run.stdout.indexOf('Note '), run.stdout.indexOf('Read as'));
    expect(table).toContain('two lines');
    expect(table).toContain(`${'x'.repeat(59)}…`);
    expect(Math.max(...table.split('\n').map((line) => line.length))).toBeLessThan(80);
  });

  it('reads an empty question as none, and names options it does not know', async () => {
    const empty = await runCli([SUPERSTORE_CSV, '  ']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^superstore\.csv · 9,994 rows/);
    const unknown = await runCli([SUPERSTORE_CSV, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('Unknown option --bogus.');
  });

  it('says --sheet is for workbooks when the file is a CSV', async () => {
    const run = await runCli([SUPERSTORE_CSV, '--sheet', 'Orders']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('--sheet is for workbooks: superstore.csv is a CSV file and was read whole.\n');
  });

  it('writes the chart next to the working directory by default', async () => {
    const { main } = await import('../../../workers/cli/analyze');
    let out = '';
    const code = await main([SUPERSTORE_CSV, 'monthly profit'], {
      out: { write: (text: string) => (out += text) },
      err: { write: () => true },
      env: {},
      cwd: dir,
    });
    expect(code).toBe(0);
    const path = /Chart: (.*\.png)/.exec(out)?.[1] as string;
    expect(path.startsWith(dir)).toBe(true);
    expect(readFileSync(path).subarray(0, 8)).toEqual(PNG);
  });

  it('--json prints one object with the question, dataset, plan, SQL, result, headline, insights and chart', async () => {
    const run = await runCli([SUPERSTORE_CSV, 'monthly sales in 2016', '--json', '--out', join(dir, 'm.png')]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(run.stdout);
    expect(json.question).toBe('monthly sales in 2016');
    expect(json.dataset).toMatchObject({ name: 'superstore.csv', rows: 9994 });
    expect(json.dataset.columns).toContainEqual({ name: 'Sales', type: 'decimal', role: 'measure', unit: null });
    expect(json.plan).toMatchObject({ kind: 'aggregate', dimensions: [{ column: 'Order Date', grain: 'month' }] });
    expect(json.sql).toMatch(/^(SELECT|WITH) /);
    expect(json.result.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['Order Date', 'date'],
      ['Total Sales', 'number'],
    ]);
    expect(json.result.rows).toHaveLength(12);
    expect(json.result.rows[0][0]).toBe('2016-01-01');
    expect(typeof json.result.rows[0][1]).toBe('number');
    expect(typeof json.headline).toBe('string');
    expect(Array.isArray(json.insights)).toBe(true);
    expect(json.chart).toBe(join(dir, 'm.png'));
  });

  it('says what it did not understand, with three suggestions, and exits non-zero', async () => {
    const run = await runCli([SUPERSTORE_CSV, 'sales by flavour']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^I did not understand "sales by flavour": There is no column like "flavour"\. Try: "[^"]+" · "[^"]+" · "[^"]+"$/m,
    );
  });

  it('shows the fit of a relationship rather than its points', async () => {
    const run = await runCli([SUPERSTORE_CSV, 'discount vs profit', '--out', join(dir, 's.png')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^r = -0\.219 · 9,994 pairs · slope /m);
  });
});
