import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { SUPERSTORE_CSV } from '../../support/datasets';

const ROOT = join(__dirname, '../../..');

/**
 * `npm run analyze` runs a bundle cached in `.cache/cli/`. Each test works on a copy of the sources
 * (with the repository's node_modules linked in), so it can change one and see what runs.
 */
describe('the prebuilt CLI (npm run analyze)', () => {
  let checkout: string;
  beforeAll(() => {
    checkout = mkdtempSync(join(tmpdir(), 'prebuilt-cli-'));
    for (const entry of ['core', 'charts', 'workers', 'package.json', 'package-lock.json']) {
      cpSync(join(ROOT, entry), join(checkout, entry), { recursive: true });
    }
    rmSync(join(checkout, '.cache'), { recursive: true, force: true });
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
  });
  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  const launch = (...args: string[]) =>
    spawnSync(process.execPath, [join(checkout, 'workers/cli/launch.cjs'), ...args], {
      cwd: checkout,
      // Only PATH: no NVIDIA_API_KEY, so the offline planner answers, as in the in-process run.
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
  const bundle = () => join(checkout, '.cache/cli/analyze.js');

  it('builds the bundle on the first run and answers exactly as the TypeScript sources do', async () => {
    const run = launch(SUPERSTORE_CSV, 'sales by region', '--out', join(checkout, 'chart.png'));
    const inProcess = await runCli([SUPERSTORE_CSV, 'sales by region', '--out', join(checkout, 'chart.png')]);

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(bundle())).toBe(true);
    expect(run.stdout).toBe(inProcess.stdout);
    expect(readFileSync(join(checkout, 'chart.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reads the files only some starts load code for (Windows-1252, UTF-16, a workbook) as the sources do', async () => {
    const files = {
      'cp1252.csv': Buffer.from('City,Sales\nM\xfcnchen,5\nZ\xfcrich,7\n', 'latin1'),
      'mixed.csv': Buffer.concat([Buffer.from('City,Sales\nZürich,7\n'), Buffer.from('M\xfcnchen,5\n', 'latin1')]),
      'utf16.csv': Buffer.from('\ufeffCity,Sales\r\nGenève,3\r\n', 'utf16le'),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(checkout, name);
      writeFileSync(path, bytes);
      const chart = join(checkout, `${name}.png`);
      const run = launch(path, 'total sales', '--out', chart);
      const inProcess = await runCli([path, 'total sales', '--out', chart]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(inProcess.stdout);
    }
    const workbook = launch(join(ROOT, 'test/fixtures/xlsx/two-sheets.xlsx'));
    expect(workbook.stderr).toBe('');
    expect(workbook.status).toBe(0);
  });

  it('finds a relative path from the directory `npm run analyze` was typed in, and writes the chart there', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'prebuilt-cli-caller-'));
    writeFileSync(join(elsewhere, 'mine.csv'), 'Region,Sales\nEast,5\nWest,7\n');
    const run = spawnSync('npm', ['--prefix', checkout, 'run', '-s', 'analyze', '--', 'mine.csv', 'sales by region'], {
      cwd: elsewhere,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Chart: ${join(elsewhere, 'mine-total-sales-by-region.png')}`);
    expect(existsSync(join(elsewhere, 'mine-total-sales-by-region.png'))).toBe(true);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('reuses the bundle while no source changed, and rebuilds it when one did', () => {
    launch('--help');
    const built = statSync(bundle()).mtimeMs;

    expect(launch('--help').stdout).toMatch(/^Usage: npm run analyze/);
    expect(statSync(bundle()).mtimeMs).toBe(built);

    const source = join(checkout, 'workers/cli/analyze.ts');
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace("'Usage: npm run analyze", "'Usage (changed): npm run analyze"),
    );
    expect(launch('--help').stdout).toMatch(/^Usage \(changed\): npm run analyze/);
  });

  it('does not run the code cache of a bundle that another of the same length replaced', () => {
    const file = join(checkout, 'sales.csv');
    writeFileSync(file, 'region,sales\nEast,5\nWest,7\n');
    expect(launch(file).stdout).toContain('Every row was read.');
    const before = statSync(bundle());
    writeFileSync(bundle(), readFileSync(bundle(), 'utf8').replace('Every row was read.', 'Every row was READ.'));
    expect(statSync(bundle()).size).toBe(before.size);

    expect(launch(file).stdout).toContain('Every row was READ.');
  });

  it('rebuilds when a source is replaced by one of the same size and the same mtime', () => {
    const source = join(checkout, 'workers/cli/analyze.ts');
    // A whole second, so that the same mtime can be given back exactly.
    const mtime = 1_700_000_000;
    utimesSync(source, mtime, mtime);
    launch('--help');
    const { size } = statSync(source);
    writeFileSync(source, readFileSync(source, 'utf8').replace('Usage (changed):', 'Usage (CHANGED):'));
    utimesSync(source, mtime, mtime);
    expect(statSync(source)).toMatchObject({ size, mtimeMs: mtime * 1000 });

    expect(launch('--help').stdout).toMatch(/^Usage \(CHANGED\): npm run analyze/);
  });

  it('keeps the bundle when a source is rewritten with the same content', () => {
    const source = join(checkout, 'workers/cli/analyze.ts');
    launch('--help');
    const built = statSync(bundle()).mtimeMs;
    writeFileSync(source, readFileSync(source));

    expect(launch('--help').stdout).toMatch(/^Usage \(CHANGED\): npm run analyze/);
    expect(launch('--help').status).toBe(0);
    expect(statSync(bundle()).mtimeMs).toBe(built);
  });

  it('rebuilds when a source the bundle holds is deleted, failing with a plain message', () => {
    rmSync(join(checkout, 'workers/cli/overview-text.ts'));

    const run = launch(SUPERSTORE_CSV);

    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^Could not build the CLI from its sources: .*overview-text/);
  });
});
