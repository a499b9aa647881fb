import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeDatabase, openDatabase, quoteLiteral } from '../workers/engine/duckdb';
import { ingestFile } from '../workers/ingest/ingest-file';
import { writeSalesCsv } from './sales-csv';
import { writeSalesXlsx } from './sales-xlsx';

const DATA = join(__dirname, '.data');
const LIMITS = { maxUploadBytes: 1 << 30, maxUnzippedBytes: 4 * 1024 ** 3 };
export const CSV_PATH = join(DATA, 'sales-1m.csv');
const XLSX_PATH = join(DATA, 'sales-100k.xlsx');

export interface Figure {
  name: string;
  ours: number;
  baseline: number;
  baselineName: string;
  bar: number;
  extra?: string;
}

/** Each run gets a fresh database, closed afterwards, so no run pays for the memory of the one before. */
async function withDatabase(run: (connection: DuckDBConnection) => Promise<unknown>): Promise<void> {
  const connection = await openDatabase();
  try {
    await run(connection);
  } finally {
    closeDatabase(connection);
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs ours and the baseline alternately, so machine noise hits both alike; medians of `runs`. */
async function compare(ours: () => Promise<unknown>, baseline: () => Promise<unknown>, runs = 5) {
  await ours();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(await timed(baseline));
    a.push(await timed(ours));
  }
  return { ours: median(a), baseline: median(b) };
}

export async function prepareData(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(CSV_PATH)) await writeSalesCsv(CSV_PATH, 1_000_000);
  if (!existsSync(XLSX_PATH)) await writeSalesXlsx(XLSX_PATH, 100_000);
}

/** Peak RSS of a fresh process that only ingests the file, in MB. */
function peakRssMb(path: string): number {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'ingest-once.ts'), path], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  return Number(JSON.parse(output.trim().split('\n').pop() as string).maxRssMb);
}

export async function csvIngest(): Promise<Figure[]> {
  const result = await compare(
    () => withDatabase((connection) => ingestFile(CSV_PATH, { connection, ...LIMITS })),
    () =>
      withDatabase((connection) =>
        connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(CSV_PATH)})`),
      ),
  );
  const rss = peakRssMb(CSV_PATH);
  return [
    {
      name: 'CSV 1M rows (61 MB) → typed, profiled table',
      ...result,
      baselineName: "DuckDB's read_csv",
      bar: 1.5,
      extra: `peak RSS ${rss.toFixed(0)} MB (bar: < 1024 MB)`,
    },
  ];
}

export async function xlsxIngest(): Promise<Figure[]> {
  const result = await compare(
    () => withDatabase((connection) => ingestFile(XLSX_PATH, { connection, ...LIMITS })),
    async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(XLSX_PATH, {});
      let rows = 0;
      for await (const sheet of reader) for await (const _row of sheet) rows++;
      if (rows === 0) throw new Error('exceljs read no rows');
    },
    5,
  );
  return [
    { name: 'XLSX 100k rows → typed, profiled table', ...result, baselineName: "exceljs's streaming reader", bar: 1.5 },
  ];
}

/** pandas reading and grouping the same CSV, where Debian's python3-pandas is installed. */
export function pandasSideBySide(): string {
  // Debian's python3-pandas lives under the system interpreter, which a pyenv shim on PATH may hide.
  const python = ['/usr/bin/python3', 'python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0,
  );
  if (!python) return 'pandas: skipped (python3-pandas is not installed; `apt-get install python3-pandas`)';
  const probe = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  const script = [
    'import time, pandas as pd',
    't = time.perf_counter()',
    `df = pd.read_csv(${JSON.stringify(CSV_PATH)})`,
    "df['revenue'] = df['revenue'].str.replace('$', '', regex=False).str.replace(',', '', regex=False).astype(float)",
    "df['order_date'] = pd.to_datetime(df['order_date'])",
    "g = df.groupby('region')['revenue'].sum()",
    'print(round((time.perf_counter() - t) * 1000))',
  ].join('\n');
  const run = spawnSync(python, ['-c', script], { encoding: 'utf8' });
  return run.status === 0
    ? `pandas ${probe.stdout.trim()}: read_csv + currency clean-up + to_datetime + groupby in ${run.stdout.trim()} ms`
    : `pandas: failed (${run.stderr.trim().split('\n').pop()})`;
}
