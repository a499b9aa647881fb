import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundle, edgeBuildOptions } from '../../infra/bundles';

const MAX_BYTES = 1.5 * 1024 * 1024;
/** Heavy packages that belong to the worker: the edge must start fast and stay small. */
const WORKER_ONLY = ['@duckdb/', 'duckdb', '@napi-rs/', 'canvas', 'openai', 'exceljs', 'chart.js'];

describe('the edge bundle (the exact build that is deployed)', () => {
  let outdir: string;
  let metafile: Metafile;

  beforeAll(async () => {
    outdir = mkdtempSync(path.join(tmpdir(), 'edge-bundle-'));
    metafile = await bundle(edgeBuildOptions(outdir));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('holds no DuckDB, canvas, LLM client, exceljs or Chart.js', () => {
    const packages = Object.keys(metafile.inputs).filter((input) =>
      WORKER_ONLY.some((name) => input.includes(`node_modules/${name}`)),
    );
    expect(packages).toEqual([]);
  });

  it('is under 1.5 MB', () => {
    const js = Object.keys(metafile.outputs).filter((output) => output.endsWith('.js'));
    const bytes = js.reduce((sum, output) => sum + statSync(path.resolve(output)).size, 0);
    expect(js).toHaveLength(1);
    expect(bytes).toBeLessThan(MAX_BYTES);
  });
});
