import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './ingest-bench';

const ROOT = join(__dirname, '..');
const RUNS = 9;

/** DuckDB's own whole-process read: Node starts, loads @duckdb/node-api and reads the file into a table. */
const DUCKDB_READ = `
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run("CREATE TABLE t AS SELECT * FROM read_csv('" + process.argv[1].replaceAll("'", "''") + "')");
})();`;

/** Wall time of one process, which must succeed: a failing run would be measured as a fast one. */
function timedProcess(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * `npm run analyze -- <1M-row CSV>` as a person runs it (a fresh process that reads, types and
 * profiles the file and prints the overview) against DuckDB's whole-process read of the same file,
 * alternately so machine noise hits both alike. The first run after a source change, which builds
 * the bundle, and the old way (tsx compiling at every start) are shown beside it.
 */
export function cliFigures(csvPath: string): Figure[] {
  const ours = ['workers/cli/launch.cjs', csvPath];
  const duckdb = ['-e', DUCKDB_READ, csvPath];
  rmSync(join(ROOT, '.cache/cli'), { recursive: true, force: true });
  const firstRun = timedProcess(ours);
  timedProcess(duckdb);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(timedProcess(duckdb));
    a.push(timedProcess(ours));
  }
  const tsx = timedProcess(['--import', 'tsx', 'workers/cli/analyze.ts', csvPath]);
  return [
    {
      name: 'CLI: `npm run analyze -- <1M-row CSV>`, whole process',
      ours: median(a),
      baseline: median(b),
      baselineName: "DuckDB's whole-process read_csv",
      bar: 1.5,
      extra: `first run, building the bundle: ${firstRun.toFixed(0)} ms; compiled by tsx at start: ${tsx.toFixed(0)} ms`,
    },
  ];
}
