import { DatasetMeta } from '../../../core/dataset';
import { runCli } from '../../support/cli';
import { SUPERSTORE_CSV, vegaDataset } from '../../support/datasets';
import { fixtureFile } from '../../support/ingest';

describe('npm run analyze -- <file> (overview)', () => {
  it('prints the columns with type, role and unit, the rows, the time range and what could not be read', async () => {
    const run = await runCli([SUPERSTORE_CSV]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('superstore.csv · 9,994 rows × 21 columns · 2014-01-03 – 2017-12-30');
    // How it was read, in words, not the facts' keys (found by the new-user trial: "headerLine 1").
    expect(lines[1]).toBe('encoding UTF-8 · comma delimited · header on line 1');
    expect(run.stdout).toMatch(/^Sales\s+decimal\s+measure\s/m);
    expect(run.stdout).toMatch(/^Order Date\s+date\s+time\s/m);
    expect(run.stdout).toMatch(/^Postal Code\s+text\s+identifier\s/m);
    expect(run.stdout).toMatch(/Every row was read\./);
  });

  // Found by the new-user trial: "Discount … sum 1,561.09", a sum the answers never give, of fractions they show as percents.
  it('shows a rate as a percentage, without a sum, and an amount with one', async () => {
    const run = await runCli([SUPERSTORE_CSV]);
    expect(run.stdout).toMatch(/^Discount\s.*min 0\.0% · max 80\.0% · mean 15\.6%$/m);
    expect(run.stdout).toMatch(/^Profit\s.*mean 28\.66 · sum 286\.4K$/m);
    // Found by the new-user trial: "sum 90.0K" beside answers that write 90K.
    const round = await runCli([fixtureFile('round.csv', `item,amount\n${Array(9).fill('a,10000').join('\n')}\n`)]);
    expect(round.stdout).toMatch(/^amount\s.*sum 90K$/m);
  });

  it('says "1 row" of a file with one row', async () => {
    const run = await runCli([fixtureFile('one-row.csv', 'item,amount\nwidget,2\n')]);
    expect(run.stdout.split('\n')[0]).toBe('one-row.csv · 1 row × 2 columns');
  });

  it('--json prints exactly one JSON object with the dataset and its profile', async () => {
    const run = await runCli([vegaDataset('birdstrikes.csv'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.dataset).toMatchObject({ name: 'birdstrikes.csv', sheet: null, rows: 10000 });
    expect(parsed.dataset.columns).toContainEqual({
      name: 'Cost Total $',
      type: 'currency',
      role: 'measure',
      unit: 'USD',
    });
    expect(parsed.dataset.columns[0]).toEqual({
      name: 'Airport Name',
      type: 'category',
      role: 'dimension',
      unit: null,
    });
    expect(parsed.profile.rows).toBe(10000);
    expect(parsed.profile.columns.find((c: { name: string }) => c.name === 'Flight Date')).toMatchObject({
      from: '1990-01-08',
      to: '2002-07-25',
    });
    // The stored metadata schema accepts what the CLI prints, column profiles included.
    expect(DatasetMeta.shape.columns.safeParse(parsed.profile.columns).success).toBe(true);
  });

  it('lists rows it could not read, with their line and why', async () => {
    const { fixtureFile } = await import('../../support/ingest');
    const run = await runCli([fixtureFile('ragged-cli.csv', 'a,b\n1,2\n3,4,5\n6,7\n')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Could not read 1 row:');
    expect(run.stdout).toContain('line 3: 3 fields where the header has 2 — "3,4,5"');
  });

  it('explains its usage when no file is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: npm run analyze/);
  });
});
